package com.crazyrouter.coze.config;

/** The kinds of Crazyrouter token the scenarios talk about, and where a live run reads each from. */
public enum TokenKind {
    /** The guide's dedicated Coze token, with its first-pass model allowlist. */
    DEDICATED("dedicated", "CRAZYROUTER_API_KEY", "the dedicated Coze token"),
    /** A token without a model allowlist: shows what the same request does once a model is allowed. */
    UNRESTRICTED("unrestricted", "CRAZYROUTER_UNRESTRICTED_API_KEY", "a token without a model allowlist"),
    /** A token that has expired. */
    EXPIRED("expired", "CRAZYROUTER_EXPIRED_API_KEY", "an expired token");

    private final String stubKey;
    private final String environmentVariable;
    private final String words;

    TokenKind(String stubKey, String environmentVariable, String words) {
        this.stubKey = stubKey;
        this.environmentVariable = environmentVariable;
        this.words = words;
    }

    /** What a reader calls it: "an expired token". */
    public String words() {
        return words;
    }

    /** Its key in {@code stubs/tokens.properties}. */
    public String stubKey() {
        return stubKey;
    }

    public String environmentVariable() {
        return environmentVariable;
    }
}
