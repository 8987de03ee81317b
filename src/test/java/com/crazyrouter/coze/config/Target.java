package com.crazyrouter.coze.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the features talk to. Only the Maven profile (or -Dcrazyrouter.target) decides. */
public enum Target {
    /** The embedded WireMock serving {@code stubs/}: the default, offline. */
    STUB,
    /** A real gateway, https://crazyrouter.com unless the base URL is overridden. */
    LIVE,
    /** A real gateway through a recording WireMock proxy that refreshes the stubs. */
    RECORD;

    public static Target parse(String raw) {
        String name = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException(
                        "crazyrouter.target='" + raw + "' is not a known target. Use one of "
                                + Arrays.stream(values()).map(Target::label).collect(Collectors.joining(", "))
                                + ": run `mvn verify` (stub), `mvn verify -Plive` or `mvn verify -Precord`."));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStub() {
        return this == STUB;
    }
}
