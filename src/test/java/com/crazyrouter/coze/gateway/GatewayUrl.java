package com.crazyrouter.coze.gateway;

import java.net.URI;

/** Where a run's requests go — the embedded stub, the recording proxy or the live gateway — and the one way to join a path to it. */
public record GatewayUrl(URI base) {

    /** "/v1/models" → http://127.0.0.1:8080/v1/models; the path is kept exactly as given (a doubled slash stays doubled). */
    public URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
