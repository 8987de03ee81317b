package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.guide.CommonError;
import java.net.URI;
import java.util.List;

/**
 * One cheap request before a live run: GET /v1/models with the Coze token, which spends no tokens. An endpoint
 * that cannot be reached, or a token that is rejected, stops the run with one message instead of a failure per
 * scenario.
 */
public final class Preflight {
    private Preflight() {
    }

    /** Returns a one-line account of what the gateway answered. */
    public static String check(CrazyrouterClient client, GatewayUrl gateway, Secret token) {
        URI url = gateway.resolve("/v1/models");
        OutgoingRequest request = new OutgoingRequest("GET", url,
                List.of(new OutgoingRequest.Header("Authorization", "Bearer " + token.reveal()),
                        new OutgoingRequest.Header("User-Agent", OutgoingRequest.userAgent("preflight"))), null);
        GatewayReply reply;
        try {
            reply = client.send(request);
        } catch (GatewayUnreachable e) {
            throw new ConfigurationException("endpoint unreachable: " + e.getMessage() + " Nothing else was sent.");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new ConfigurationException("token rejected: GET " + url + " answered " + reply.describe() + ". "
                    + CommonError.UNAUTHORIZED.advice() + " (CRAZYROUTER_API_KEY). Nothing else was sent.");
        }
        if (reply.status() == 404 && reply.isJson()) {
            return "Preflight: GET " + url + " -> 404: this gateway lists no models, so the token is checked by the first scenario instead";
        }
        if (reply.status() != 200 || !reply.isJson()) {
            throw new ConfigurationException("not a Crazyrouter gateway: GET " + url + " answered " + reply.describe()
                    + ". Check crazyrouter.baseUrl (the base URL only, without /v1). Nothing else was sent.");
        }
        int models = reply.json().map(j -> j.path("data").size()).orElse(0);
        return "Preflight: GET " + url + " -> 200, token accepted, " + models + " models listed";
    }
}
