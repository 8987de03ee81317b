package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's requests go — the embedded stub, the recording proxy or the live gateway — the one way to join a
 * path to it, and the rule that puts a URL a builder typed onto it.
 */
public record GatewayUrl(URI base) {

    /** "/v1/models" → http://127.0.0.1:8080/v1/models; the path is kept exactly as given (a doubled slash stays doubled). */
    public URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    /**
     * A URL as the builder typed it, sent in this run. Against crazyrouter.com itself, a URL on crazyrouter.com (any
     * scheme, any subdomain) goes as typed; against any other target (the stub, a staging gateway) the scheme and host
     * become the target's and the path and query stay exactly as typed. Empty when Coze could not send to it at all
     * (no http or https scheme, or no host).
     */
    public Optional<URI> rebase(String typed) {
        URI uri;
        try {
            uri = new URI(typed.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        if (isPublicGateway() && onPublicGateway(uri)) {
            return Optional.of(uri);
        }
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return Optional.of(resolve(rest));
    }

    /** How {@link #rebase} treated a URL, for the report: empty when it went as typed. */
    public Optional<String> rebaseRule(String typed) {
        return rebase(typed).filter(sent -> !sent.toString().equals(typed.trim())).map(sent -> "The URL as typed, " + typed.trim() + ", is sent to "
                + sent + ": in this run the scheme and host are the target's (" + base + "), the path and query stay as typed.");
    }

    /** The run's target is crazyrouter.com itself. */
    public boolean isPublicGateway() {
        return base.getHost() != null && base.getHost().equalsIgnoreCase(Settings.PUBLIC_BASE_URL.getHost());
    }

    private static boolean onPublicGateway(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String publicHost = Settings.PUBLIC_BASE_URL.getHost();
        return host.equals(publicHost) || host.endsWith("." + publicHost);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
