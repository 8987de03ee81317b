package com.crazyrouter.coze.config;

import java.util.Objects;

/** A token. Its value leaves this class only on the wire; toString never shows it. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    /** The part new-api looks up: after a leading "sk-", before the first "-". */
    public String key() {
        String key = value.trim().startsWith("sk-") ? value.trim().substring(3) : value.trim();
        int dash = key.indexOf('-');
        return dash < 0 ? key : key.substring(0, dash);
    }

    @Override
    public String toString() {
        return "sk-[REDACTED]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
