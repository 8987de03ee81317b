package com.crazyrouter.coze.config;

import static com.crazyrouter.coze.config.SettingValues.text;
import static com.crazyrouter.coze.config.Settings.BASE_URL;
import static com.crazyrouter.coze.config.Settings.BASE_URL_ENV;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The live gateway's base URL (-Dcrazyrouter.baseUrl, else CRAZYROUTER_BASE_URL): scheme, host and port, never credentials. */
final class BaseUrlSetting {
    private BaseUrlSetting() {
    }

    /**
     * Surefire and failsafe copy the test JVM's system properties into their XML reports under target/ when a test
     * fails, and a base URL with credentials always fails the run: so the -D value itself loses them first, keeping
     * only what a message may show ({@link ShownUrl}), which is refused just the same.
     */
    static void hideCredentialsInTheProperty() {
        String raw = System.getProperty(BASE_URL);
        if (raw != null && raw.contains("@")) {
            System.setProperty(BASE_URL, ShownUrl.of(raw));
        }
    }

    /**
     * A stub run always talks to the embedded stub gateway. Like the token, CRAZYROUTER_BASE_URL configures the live
     * target only, so a stub run ignores it; a base URL given on the command line contradicts the target and stops the run.
     */
    static Optional<URI> read(Target target, Map<String, String> properties, Map<String, String> environment) {
        Optional<String> asked = text(properties.get(BASE_URL));
        if (target.isStub()) {
            asked.map(ShownUrl::of).ifPresent(url -> {
                throw new ConfigurationException("-D" + BASE_URL + "=" + url + " names a gateway, but this is a stub run, which always "
                        + "talks to the embedded stub gateway. To run the scenarios against " + url + ", add -Plive and export "
                        + TokenKind.DEDICATED.environmentVariable() + " (a gateway serving this repo's stubs/ takes the fake keys in "
                        + "stubs/tokens.properties). Nothing was sent.");
            });
            return Optional.empty();
        }
        return asked.or(() -> text(environment.get(BASE_URL_ENV))).map(BaseUrlSetting::parse);
    }

    /**
     * Scheme, host and port only. The harness joins /v1/chat/completions to it, as the guide's full URL, so any path
     * would end up in front of /v1; a user name or password would go to the gateway in every request and into every
     * report, so a URL with one is refused without being shown.
     */
    private static URI parse(String raw) {
        String shown = BASE_URL + "='" + ShownUrl.of(raw) + "'";
        String hint = " Set -D" + BASE_URL + " (or " + BASE_URL_ENV + ") to the gateway's scheme, host and port only, such as "
                + "https://crazyrouter.com or http://127.0.0.1:8080: no /v1, no other path. Nothing was sent.";
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(shown + " is not a URL: " + e.getReason() + "." + hint);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new ConfigurationException(shown + ": the base URL contains a user name or password; put credentials nowhere in the URL. "
                    + "The harness sends the token from " + TokenKind.DEDICATED.environmentVariable() + " in the Authorization header only." + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigurationException(shown + " needs http:// or https:// and a host." + hint);
        }
        if (uri.getPort() > 65_535) {
            throw new ConfigurationException(shown + " names port " + uri.getPort() + "; a port is at most 65535." + hint);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException(shown + " has a " + (uri.getRawQuery() != null ? "query (?…)" : "fragment (#…)")
                    + "; the base URL takes none." + hint);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            String why = path.replaceAll("/+$", "").equalsIgnoreCase("/v1")
                    ? " ends in " + path + ": the harness adds /v1/chat/completions itself, as the guide's full URL, so drop " + path + "."
                    : " has a path (" + path + "): the harness sends to <base URL>/v1/chat/completions, as the guide's full URL.";
            throw new ConfigurationException(shown + why + hint);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }
}
