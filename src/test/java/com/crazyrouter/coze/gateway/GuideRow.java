package com.crazyrouter.coze.gateway;

import java.util.Optional;

/** The guide's "Common Errors And Fixes" table, row by row, in the guide's words and order. */
public enum GuideRow {
    UNAUTHORIZED("401 unauthorized", "Token is wrong, expired, or copied incompletely",
            "Generate a new token and re-enter the Authorization header"),
    NOT_FOUND_URL("404", "URL is wrong or missing /v1/chat/completions",
            "Change it to the full URL"),
    MODEL_NOT_ALLOWED("403 / model not allowed", "The token does not allow that model",
            "Allow the model in Crazyrouter token settings"),
    MODEL_NOT_FOUND("model not found", "Model name is wrong",
            "Switch back to gpt-5.4 and revalidate"),
    MAPPING_INCONSISTENT("Plugin can be created but fails inside the bot", "Input / output mapping is inconsistent",
            "Fall back to a fixed-string test first"),
    INTERMITTENT("Workflow node fails intermittently",
            "Input is too large, retries are too aggressive, or concurrency is too high",
            "Shrink the input and return to a minimal test"),
    NO_CUSTOM_MODEL_ENTRY("You cannot find a \"model management\" custom-upstream entry from another tutorial",
            "Your version or plan is different",
            "Go back to the HTTP / API plugin route instead of relying on enterprise-only capabilities");

    private final String symptom;
    private final String cause;
    private final String fix;

    GuideRow(String symptom, String cause, String fix) {
        this.symptom = symptom;
        this.cause = cause;
        this.fix = fix;
    }

    public String symptom() {
        return symptom;
    }

    public String cause() {
        return cause;
    }

    public String fix() {
        return fix;
    }

    /** The scenario tag that encodes this row: @error-1 ... @error-7. */
    public String tag() {
        return "@error-" + (ordinal() + 1);
    }

    public String advice() {
        return "Guide, Common Errors " + tag() + " \"" + symptom + "\": cause: " + cause + ". Fix: " + fix + ".";
    }

    /** Which row a reply that should have been a chat reply looks like, so a failure can quote its fix. */
    public static Optional<GuideRow> diagnose(GatewayReply reply) {
        if (reply.isChatCompletion()) {
            return Optional.empty();
        }
        Optional<GatewayError> error = reply.error();
        boolean mentionsModel = error.map(e -> e.mentions("model") || "model_not_found".equals(e.code())).orElse(false);
        return switch (reply.status()) {
            case 401 -> Optional.of(UNAUTHORIZED);
            case 403 -> Optional.of(mentionsModel ? MODEL_NOT_ALLOWED : UNAUTHORIZED);
            case 404, 405 -> Optional.of(mentionsModel ? MODEL_NOT_FOUND : NOT_FOUND_URL);
            case 400 -> Optional.of(mentionsModel && error.map(e -> !e.mentions("json")).orElse(false) ? MODEL_NOT_FOUND : MAPPING_INCONSISTENT);
            case 503 -> Optional.of(mentionsModel ? MODEL_NOT_FOUND : INTERMITTENT);
            case 413, 429, 502, 504 -> Optional.of(INTERMITTENT);
            case 200 -> Optional.of(reply.isHtml() ? NOT_FOUND_URL : MAPPING_INCONSISTENT);
            default -> Optional.empty();
        };
    }
}
