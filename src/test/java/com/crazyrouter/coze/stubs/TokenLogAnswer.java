package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.config.Secret;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stub's token log (new-api's {@code GET /api/log/token}) as the gateway really kept it: it answers from the stub's
 * own request journal, listing the chat requests the stub answered with 200 for the key in the log request's
 * Authorization header — model, when the stub received it, and the request id it answered with — newest first, at
 * most {@value #MOST_ENTRIES}, in new-api's shape {@code {"success":true,"message":"","data":[…]}}. A mapping asks for
 * it with {@code "transformers": ["token-log"]}; the mapping decides which keys it knows (an unknown key goes to another
 * mapping, as new-api answers it). Registered by {@link StubGateway}; a WireMock standalone finds it on its classpath
 * through {@link Factory}'s service file. It uses WireMock's own classes only (JSON included): a standalone WireMock
 * carries its libraries shaded, and the harness's are not on its classpath.
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
        List<Map<String, Object>> data = new ArrayList<>();
        for (ServeEvent event : served) {
            data.add(entry(data.size() + 1, event));
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("success", true);
        log.put("message", "");
        log.put("data", data);
        return ResponseDefinitionBuilder.like(logRequest.getResponseDefinition()).but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(compact(log))
                .build();
    }

    /** One entry as new-api's model.Log shows it to a token holder (formatUserLogs numbers them 1, 2, … newest first). */
    private static Map<String, Object> entry(int id, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        Map<?, ?> body = object(request.getBodyAsString());
        Map<?, ?> usage = object(event.getResponse().getBodyAsString()).get("usage") instanceof Map<?, ?> u ? u : Map.of();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("created_at", request.getLoggedDate().toInstant().getEpochSecond());
        entry.put("type", 2);
        entry.put("content", "模型倍率 1.25，补全倍率 8.00，分组倍率 1.00");
        entry.put("token_name", "coze");
        entry.put("model_name", body.get("model") instanceof String model ? model : "");
        entry.put("quota", 12);
        entry.put("prompt_tokens", usage.get("prompt_tokens") instanceof Number n ? n.intValue() : 0);
        entry.put("completion_tokens", usage.get("completion_tokens") instanceof Number n ? n.intValue() : 0);
        entry.put("use_time", 1);
        entry.put("is_stream", Boolean.TRUE.equals(body.get("stream")));
        entry.put("token_id", 7);
        entry.put("group", "default");
        requestId(event.getResponse()).ifPresent(requestId -> entry.put("request_id", requestId));
        entry.put("other", "{}");
        return entry;
    }

    /** JSON as new-api (Go's encoding/json) writes it: on one line. */
    private static String compact(Object value) {
        try {
            return Json.getObjectMapper().writeValueAsString(value);
        } catch (Exception cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** A JSON object as a map; anything else (not JSON, an array, nothing) as an empty one. */
    private static Map<?, ?> object(String json) {
        try {
            return json == null || json.isBlank() ? Map.of() : Json.read(json, Map.class);
        } catch (RuntimeException notAnObject) {
            return Map.of();
        }
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
