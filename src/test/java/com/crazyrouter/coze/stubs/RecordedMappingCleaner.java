package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link Recorder} does to the mappings its proxy recorded before they become files: no proxy, no disk, so
 * it can be tested on its own.
 */
final class RecordedMappingCleaner {
    private static final Set<String> KEPT_RESPONSE_HEADERS = Set.of("content-type", "retry-after", "location", "x-oneapi-request-id");
    /** When a chat reply was created and when a token log entry was logged: the moment of answering, so "now" on every replay. */
    private static final Pattern WHEN_ANSWERED = Pattern.compile("\"(created|created_at)\"\\s*:\\s*\\d+");
    static final String NOW = "{{now format='unix'}}";

    private final Map<TokenKind, Secret> liveTokens;
    private final Redactor redactor;

    RecordedMappingCleaner(Map<TokenKind, Secret> liveTokens, Redactor redactor) {
        this.liveTokens = liveTokens;
        this.redactor = redactor;
    }

    /** File name → file text for the recorded mappings worth replaying. */
    Map<String, String> files(List<StubMapping> recorded) {
        // Oldest first, so a repeated request keeps its latest answer; a passing hiccup is not worth replaying.
        Map<String, String> files = new LinkedHashMap<>();
        for (StubMapping mapping : recorded) {
            ObjectNode cleaned = clean(mapping);
            if (!isTransient(cleaned) && !carriesForeignCredential(cleaned)) {
                files.put(fileName(cleaned), toJson(cleaned));
            }
        }
        return files;
    }

    ObjectNode clean(StubMapping mapping) {
        // the live tokens become the stub's wherever the request names them: header, query, body
        ObjectNode node = (ObjectNode) read(toStubToken(StubMapping.buildJsonStringFor(mapping)));
        node.remove(List.of("id", "uuid", "persistent", "insertionIndex", "postServeActions",
                "scenarioName", "requiredScenarioState", "newScenarioState"));
        ObjectNode request = (ObjectNode) node.path("request");
        ObjectNode headers = request.has("headers") ? (ObjectNode) request.get("headers") : request.putObject("headers");
        for (String name : List.of("Authorization", "Content-Type")) {
            JsonNode matcher = headers.get(name);
            if (matcher == null) {
                headers.putObject(name).put("absent", true);
            }
        }
        ObjectNode response = (ObjectNode) node.path("response");
        boolean templated = false;
        if (response.has("body")) {
            String body = normalise(redactor.redact(response.get("body").asText()));
            if (answeredAt(path(request)) && WHEN_ANSWERED.matcher(body).find()) {
                // the body becomes a template: what was a literal "{{" must stay one
                body = WHEN_ANSWERED.matcher(body.replace("{{", "\\{{")).replaceAll("\"$1\":" + NOW);
                templated = true;
            }
            response.put("body", body);
        }
        if (response.has("headers")) {
            ObjectNode kept = Json.MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = response.get("headers").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> header = fields.next();
                if (KEPT_RESPONSE_HEADERS.contains(header.getKey().toLowerCase())) {
                    kept.set(header.getKey(),
                            header.getKey().equalsIgnoreCase("x-oneapi-request-id") ? Json.MAPPER.getNodeFactory().textNode("recorded") : header.getValue());
                }
            }
            response.set("headers", kept);
        }
        if (templated) {
            response.putArray("transformers").add("response-template");
        }
        node.put("name", "recorded: " + request.path("method").asText() + " " + path(request)
                + " -> " + response.path("status").asInt());
        node.put("priority", 1);
        return node;
    }

    /**
     * A request with a credential the run does not own (a deliberately wrong token) is not recorded: replaying it
     * would need that credential in a file, and the hand-written 401 stubs already answer it.
     */
    private boolean carriesForeignCredential(ObjectNode mapping) {
        String authorization = mapping.path("request").path("headers").path("Authorization").path("equalTo").asText("");
        return !authorization.contains("${token.") && !redactor.redact(authorization).equals(authorization);
    }

    private static boolean isTransient(ObjectNode mapping) {
        int status = mapping.path("response").path("status").asInt();
        String body = mapping.path("response").path("body").asText("");
        return status == 429 || status == 502 || status == 504 || (status == 503 && !GatewayError.noChannel(status, body));
    }

    /** The live token, in any of the forms scenarios send, becomes the placeholder of its kind. */
    private String toStubToken(String text) {
        String out = text;
        for (Map.Entry<TokenKind, Secret> live : liveTokens.entrySet()) {
            for (Map.Entry<String, String> form : StubTokens.forms(live.getKey(), live.getValue()).entrySet()) {
                out = out.replace(form.getValue(), form.getKey());
            }
        }
        return out;
    }

    private static String normalise(String body) {
        return body.replaceAll("\"id\"\\s*:\\s*\"chatcmpl-[^\"]*\"", "\"id\":\"chatcmpl-recorded\"")
                .replaceAll("\"created\"\\s*:\\s*\\d+", "\"created\":1767225600")
                .replaceAll("\"request_id\"\\s*:\\s*\"[^\"]*\"", "\"request_id\":\"recorded\"")
                .replaceAll("\\(request id: [^)]*\\)", "(request id: recorded)");
    }

    /**
     * Answers whose timestamps say when they were answered: a chat completion's (and a chunk's) {@code created}, a token
     * log entry's {@code created_at}. A replay an hour or a month later must show them as just answered, or a check that
     * a reply or a log entry is recent fails on an old recording; elsewhere (a model's {@code created} in /v1/models)
     * the fixed date stays.
     */
    private static boolean answeredAt(String path) {
        return path.startsWith("/v1/chat/completions") || path.startsWith("/api/log/");
    }

    private static String fileName(ObjectNode mapping) {
        String request = mapping.path("request").toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            String method = mapping.path("request").path("method").asText().toLowerCase();
            String path = path(mapping.path("request")).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            return method + "-" + path + "-" + mapping.path("response").path("status").asInt() + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonNode request) {
        return request.path("url").asText(request.path("urlPath").asText(""));
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(JsonNode node) {
        try {
            return Json.PRETTY.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
