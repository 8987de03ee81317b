package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.Json;
import com.crazyrouter.coze.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stub's token log (new-api's {@code GET /api/log/token}) as the gateway really kept it: it answers from the stub's
 * own request journal, listing the chat requests the stub answered with 200 for the key in the log request's
 * Authorization header — model, when the stub received it, and the request id it answered with — newest first, at
 * most {@value #MOST_ENTRIES}, in new-api's shape {@code {"success":true,"message":"","data":[…]}}. A mapping asks for
 * it with {@code "transformers": ["token-log"]}; the mapping decides which keys it knows (an unknown key goes to another
 * mapping, as new-api answers it). Registered by {@link StubGateway}; a WireMock standalone finds it on its classpath
 * through {@link Factory}'s service file.
 */
public final class TokenLogAnswer implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "token-log";
    /** new-api's {@code common.MaxRecentItems}: GetLogByTokenId returns at most this many. */
    static final int MOST_ENTRIES = 100;
    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final String REQUEST_ID = "X-Oneapi-Request-Id";

    private final Admin admin;

    TokenLogAnswer(Admin admin) {
        this.admin = admin;
    }

    /** How WireMock makes it: it needs the server's request journal, which only a factory is handed. */
    public static final class Factory implements ExtensionFactory {
        @Override
        public List<Extension> create(WireMockServices services) {
            return List.of(new TokenLogAnswer(services.getAdmin()));
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent logRequest) {
        String key = key(logRequest.getRequest().getHeader("Authorization"));
        List<ServeEvent> served = admin.getServeEvents().getServeEvents().stream()
                .filter(event -> isAnsweredChat(event) && key.equals(key(event.getRequest().getHeader("Authorization"))))
                .sorted(Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()).reversed())
                .limit(MOST_ENTRIES).toList();
        ObjectNode log = Json.MAPPER.createObjectNode().put("success", true).put("message", "");
        ArrayNode data = log.putArray("data");
        for (ServeEvent event : served) {
            data.add(entry(data.size() + 1, event));
        }
        return ResponseDefinitionBuilder.like(logRequest.getResponseDefinition()).but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(log.toString())
                .build();
    }

    /** One entry as new-api's model.Log shows it to a token holder (formatUserLogs numbers them 1, 2, … newest first). */
    private static ObjectNode entry(int id, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        JsonNode body = Json.parse(request.getBodyAsString()).orElse(Json.MAPPER.createObjectNode());
        JsonNode usage = Json.parse(Optional.ofNullable(event.getResponse().getBodyAsString()).orElse("")).map(r -> r.path("usage"))
                .orElse(Json.MAPPER.createObjectNode());
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("id", id)
                .put("created_at", request.getLoggedDate().toInstant().getEpochSecond())
                .put("type", 2)
                .put("content", "模型倍率 1.25，补全倍率 8.00，分组倍率 1.00")
                .put("token_name", "coze")
                .put("model_name", body.path("model").asText(""))
                .put("quota", 12)
                .put("prompt_tokens", usage.path("prompt_tokens").asInt(0))
                .put("completion_tokens", usage.path("completion_tokens").asInt(0))
                .put("use_time", 1)
                .put("is_stream", body.path("stream").asBoolean(false))
                .put("token_id", 7)
                .put("group", "default");
        requestId(event.getResponse()).ifPresent(requestId -> entry.put("request_id", requestId));
        entry.put("other", "{}");
        return entry;
    }

    private static boolean isAnsweredChat(ServeEvent event) {
        LoggedResponse response = event.getResponse();
        return "POST".equals(event.getRequest().getMethod().getName()) && response != null && response.getStatus() == 200
                && CHAT_PATH.equals(URI.create(event.getRequest().getUrl()).getRawPath());
    }

    private static Optional<String> requestId(LoggedResponse response) {
        return Optional.ofNullable(response.getHeaders()).filter(headers -> headers.getHeader(REQUEST_ID).isPresent())
                .map(headers -> headers.getHeader(REQUEST_ID).firstValue());
    }

    /**
     * The key as new-api's TokenAuthReadOnly reads it: a leading "Bearer " or "bearer " dropped, then what
     * {@link Secret#key()} keeps. No header: no key, which matches no request.
     */
    static String key(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "\u0000none";
        }
        String value = authorization.strip();
        if (value.startsWith("Bearer ") || value.startsWith("bearer ")) {
            value = value.substring(7).strip();
        }
        return new Secret(value).key();
    }
}
