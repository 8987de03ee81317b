package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Keeps live capability probes cheap: a probe's chat body that sets no output limit gets a small max_tokens. Only
 * the harness's own probes ({@link CrazyrouterClient#sendProbe}, {@link CrazyrouterClient#streamProbe}) go through
 * here; a scenario's request is sent exactly as rendered.
 */
final class ProbeLimits {
    private ProbeLimits() {
    }

    static OutgoingRequest capTokens(OutgoingRequest request, OptionalInt maxTokens) {
        if (maxTokens.isEmpty() || request.body() == null || !request.url().getPath().endsWith("/chat/completions")) {
            return request;
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (!(body instanceof ObjectNode object) || object.has("max_tokens") || object.has("max_completion_tokens")) {
                return request;
            }
            object.put("max_tokens", maxTokens.getAsInt());
            return new OutgoingRequest(request.method(), request.url(), request.headers(), Json.write(object));
        } catch (IOException notJson) {
            return request; // a broken body is what the scenario is about: send it as it is
        }
    }
}
