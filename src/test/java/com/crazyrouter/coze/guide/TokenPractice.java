package com.crazyrouter.coze.guide;

/** The guide's Token Best Practices that an API can show; the scenarios that check them carry @token. */
public enum TokenPractice implements GuideLine {
    /** The group the report files every @token scenario under. */
    GROUP("Token Best Practices", ""), MODEL_ALLOWLIST("Model allowlist", "strongly recommended: start with only one or two models"), SPENDING_LIMIT(
            "Spending limit", "strongly recommended: workflow loops and retries can multiply usage");

    private final String setting;
    private final String recommendation;

    TokenPractice(String setting, String recommendation) {
        this.setting = setting;
        this.recommendation = recommendation;
    }

    /** "Spending limit: strongly recommended: ..." as the guide's table says it. */
    public String words() {
        return setting + (recommendation.isEmpty() ? "" : ": " + recommendation);
    }

    @Override
    public String tag() {
        return "@token";
    }

    @Override
    public String advice() {
        return citation() + ": " + words() + ".";
    }

    /** The same for every practice: the report files them together, as the guide's one table. */
    @Override
    public String citation() {
        return "Guide, " + title();
    }

    @Override
    public String title() {
        return "Token Best Practices";
    }
}
