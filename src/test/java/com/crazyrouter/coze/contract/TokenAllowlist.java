package com.crazyrouter.coze.contract;

import java.util.List;

/** The models a token is expected to allow; an empty list means the token has no allowlist. */
public record TokenAllowlist(List<String> models) {
    public static final TokenAllowlist NONE = new TokenAllowlist(List.of());

    public TokenAllowlist {
        models = List.copyOf(models);
    }

    public boolean restricted() {
        return !models.isEmpty();
    }

    /** "gpt-5.4, claude-sonnet-4-6", or that there is none. */
    public String words() {
        return restricted() ? String.join(", ", models) : "empty, no allowlist";
    }

    public boolean allows(String model) {
        return !restricted() || models.contains(model);
    }
}
