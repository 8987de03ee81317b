package com.crazyrouter.coze.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.recording.RecordSpecBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record profile: a WireMock proxy in front of the live gateway that, at the end of the run, turns what it
 * saw into stub mappings for the stub profile. The live tokens become placeholders that name their kind
 * ({@link StubTokens}), so a replay still tells a good token from a bad one and no file holds a token (an exchange
 * with a credential the run does not own is not recorded at all); cookies and volatile headers are dropped, ids,
 * timestamps and request ids are normalised, and each file is named after what it matches, so recording twice
 * rewrites the same files instead of adding duplicates.
 */
public final class Recorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KEPT_RESPONSE_HEADERS = Set.of("content-type", "retry-after", "x-oneapi-request-id");

    private final WireMockServer proxy;
    private final Map<TokenKind, Secret> liveTokens;
    private final Redactor redactor;
    private final Path into;

    private Recorder(WireMockServer proxy, Map<TokenKind, Secret> liveTokens, Redactor redactor, Path into) {
        this.proxy = proxy;
        this.liveTokens = liveTokens;
        this.redactor = redactor;
        this.into = into;
    }

    public static Recorder start(URI live, Map<TokenKind, Secret> liveTokens, Redactor redactor, Path into) {
        WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(live.toString())));
        return new Recorder(proxy, liveTokens, redactor, into);
    }

    /** Where the run sends its requests: the recording proxy. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + proxy.port());
    }

    /** Writes the recorded mappings and returns how many files it wrote. */
    public int save() {
        List<StubMapping> recorded = proxy.snapshotRecord(new RecordSpecBuilder()
                .captureHeader("Authorization")
                .captureHeader("Content-Type")
                .matchRequestBodyWithEqualTo(false)
                .extractTextBodiesOver(Long.MAX_VALUE)
                .extractBinaryBodiesOver(Long.MAX_VALUE)
                .makeStubsPersistent(false)).getStubMappings();
        // Oldest first, so a repeated request keeps its latest answer; a passing hiccup is not worth replaying.
        Map<String, String> files = new LinkedHashMap<>();
        for (StubMapping mapping : recorded) {
            ObjectNode cleaned = clean(mapping);
            if (!isTransient(cleaned) && !carriesForeignCredential(cleaned)) {
                files.put(fileName(cleaned), toJson(cleaned));
            }
        }
        try {
            Files.createDirectories(into);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(into.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recorded stubs into " + into, e);
        }
        return files.size();
    }

    public Path into() {
        return into;
    }

    @Override
    public void close() {
        proxy.stop();
    }

    private ObjectNode clean(StubMapping mapping) {
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
        if (response.has("body")) {
            response.put("body", normalise(redactor.redact(response.get("body").asText())));
        }
        if (response.has("headers")) {
            ObjectNode kept = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = response.get("headers").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> header = fields.next();
                if (KEPT_RESPONSE_HEADERS.contains(header.getKey().toLowerCase())) {
                    kept.set(header.getKey(), header.getKey().equalsIgnoreCase("x-oneapi-request-id") ? JSON.getNodeFactory().textNode("recorded") : header.getValue());
                }
            }
            response.set("headers", kept);
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
        return status == 429 || status == 502 || status == 504 || (status == 503 && !body.contains("model_not_found"));
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
        return body.replaceAll("\"id\":\\s*\"chatcmpl-[^\"]*\"", "\"id\":\"chatcmpl-recorded\"")
                .replaceAll("\"created\":\\s*\\d+", "\"created\":1767225600")
                .replaceAll("\\(request id: [^)]*\\)", "(request id: recorded)");
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
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
