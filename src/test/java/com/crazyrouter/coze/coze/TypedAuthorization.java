package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.config.Secret;

/**
 * An Authorization value as a scenario writes what the builder typed: {token} stands for the dedicated token,
 * {token without sk-} for it without its prefix, {first half of token} for a truncated paste, and \n for a line
 * break carried over from copy-paste.
 */
public final class TypedAuthorization {
    private TypedAuthorization() {
    }

    public static String fill(String typed, Secret token) {
        String value = token.reveal();
        return typed
                .replace("{token without sk-}", value.startsWith("sk-") ? value.substring(3) : value)
                .replace("{first half of token}", value.substring(0, value.length() / 2))
                .replace("{token}", value)
                .replace("\\n", "\n");
    }
}
