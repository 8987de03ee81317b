package com.crazyrouter.coze.models;

/** What the model matrix checks for each model and route, in the order the report shows them. */
public enum Capability {
    PLAIN_REPLY("plain reply"), NAMES_MODEL("reply names the model"), SYSTEM_MESSAGE("system message"), MAX_TOKENS("max_tokens limit"), USAGE(
            "usage"), STREAMING("streaming"), JSON_MODE("JSON mode");

    private final String words;

    Capability(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
