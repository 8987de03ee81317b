package com.crazyrouter.coze.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded WireMock that plays Crazyrouter in the stub profile: one per run, on a free loopback port,
 * serving a stub set (mappings/ and __files/), plus an optional overlay of extra mappings that win over it.
 * Every mapping file is checked before the server starts, so a broken file is named instead of half-loaded.
 */
public final class StubGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The header the harness marks each scenario's requests with, so parallel scenarios can find their own. */
    public static final String SCENARIO_HEADER = "User-Agent";

    private final WireMockServer server;

    private StubGateway(WireMockServer server) {
        this.server = server;
    }

    public static StubGateway start(Path root, Optional<Path> overlay) {
        List<StubMapping> base = checkedMappings(root.resolve("mappings"), root.resolve("__files"), Map.of());
        Map<TokenKind, Secret> tokens = Settings.stubTokens(root);
        List<StubMapping> extra = overlay.map(dir -> checkedMappings(dir, root.resolve("__files"), tokens)).orElse(List.of());
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString())
                .templatingEnabled(true)
                .maxRequestJournalEntries(5000)
                .containerThreads(24)
                .notifier(new ConsoleNotifier(false)));
        server.start();
        if (server.getStubMappings().size() < base.size()) {
            server.stop();
            throw new ConfigurationException("WireMock loaded " + server.getStubMappings().size() + " of the " + base.size()
                    + " mappings under " + root.resolve("mappings") + "; check them with a JSON linter.");
        }
        extra.forEach(mapping -> {
            if (mapping.getPriority() == null) {
                mapping.setPriority(1);
            }
            server.addStubMapping(mapping);
        });
        return new StubGateway(server);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The requests that carry this scenario's mark, oldest first. */
    public List<LoggedRequest> requestsMarked(String mark) {
        return server.findAll(RequestPatternBuilder.allRequests().withHeader(SCENARIO_HEADER, containing(mark)));
    }

    /**
     * For this scenario's requests only: the next chat request gets 429 with Retry-After, the one after it goes
     * through to the ordinary mappings. The body is the stub set's own rate-limit error file.
     */
    public void overloadOnce(String mark, Duration retryAfter) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .withHeader(SCENARIO_HEADER, containing(mark))
                .inScenario("overloaded " + mark)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()))
                        .withBodyFile("errors/rate-limited.json")
                        .withTransformers("response-template")));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Parses every mapping file the way WireMock will, and checks that the body files it names exist. */
    static List<StubMapping> checkedMappings(Path mappings, Path files, Map<TokenKind, Secret> tokens) {
        if (!Files.isDirectory(mappings)) {
            throw new ConfigurationException("No stub mappings folder at " + mappings + ".");
        }
        List<StubMapping> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(mappings)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.addAll(checkedFile(file, files, tokens));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mappings, e);
        }
        return all;
    }

    private static List<StubMapping> checkedFile(Path file, Path files, Map<TokenKind, Secret> tokens) throws IOException {
        String text = StubTokens.fill(Files.readString(file, StandardCharsets.UTF_8), tokens);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("Malformed stub " + file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + "). Fix or remove the file.");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.has("mappings")) {
            root.get("mappings").forEach(nodes::add);
        } else if (root != null) {
            nodes.add(root);
        }
        List<StubMapping> mappings = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.has("request") || !node.has("response")) {
                throw new ConfigurationException("Malformed stub " + file + ": a WireMock mapping needs a \"request\" and a \"response\".");
            }
            StubMapping mapping;
            try {
                mapping = StubMapping.buildFrom(node.toString());
            } catch (RuntimeException e) {
                throw new ConfigurationException("Malformed stub " + file + ": WireMock cannot read it (" + e.getMessage() + ").");
            }
            String bodyFile = node.path("response").path("bodyFileName").asText("");
            if (!bodyFile.isEmpty() && !Files.isRegularFile(files.resolve(bodyFile))) {
                throw new ConfigurationException("Stub " + file + " answers with __files/" + bodyFile + ", which does not exist under " + files + ".");
            }
            mappings.add(mapping);
        }
        return mappings;
    }
}
