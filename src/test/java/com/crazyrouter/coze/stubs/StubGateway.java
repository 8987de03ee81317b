package com.crazyrouter.coze.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OffWireMarks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ClientError;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.Errors;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The embedded WireMock that plays Crazyrouter in the stub profile: one per run, on a free loopback port,
 * serving a stub set (mappings/ and __files/), plus an optional overlay of extra mappings that win over it.
 * The mappings, the stub set's and the overlay's, name tokens by placeholder ({@link StubTokens}): every mapping file
 * is filled with the stub set's fake tokens and checked before the server starts, so a broken file is named instead
 * of half-loaded, and then added to WireMock from here. WireMock reads only the body files from disk. The token log
 * ({@code GET /api/log/token}) lists what this server really answered ({@link TokenLogAnswer}).
 */
public final class StubGateway implements AutoCloseable {
    /** The header that names each request's scenario, so parallel scenarios can find their own: added on arrival, never sent ({@link ScenarioMarks}). */
    public static final String SCENARIO_HEADER = ScenarioMarks.HEADER;

    private final WireMockServer server;
    private final ScenarioMarks marks;

    private StubGateway(WireMockServer server, ScenarioMarks marks) {
        this.server = server;
        this.marks = marks;
    }

    /** With the guide's three models ({@link ModelTable#GUIDE_MODELS}): for the harness's own tests. */
    public static StubGateway start(Path root, Optional<Path> overlay) {
        return start(root, overlay, ModelTable.load(ModelTable.GUIDE_MODELS));
    }

    /** {@code models}: the model table, which says which models the stub knows and which the Coze token may use. */
    public static StubGateway start(Path root, Optional<Path> overlay, ModelTable models) {
        Path files = root.resolve("__files");
        Map<TokenKind, Secret> tokens = Settings.stubTokens(root);
        List<Checked> base = checkedMappings(root.resolve("mappings"), files, tokens, models);
        List<Checked> extra = overlay.map(dir -> checkedMappings(dir, files, tokens, models)).orElse(List.of());
        extra.forEach(checked -> {
            if (checked.mapping().getPriority() == null) {
                checked.mapping().setPriority(1);
            }
        });
        ScenarioMarks marks = new ScenarioMarks();
        WireMockServer server = new WireMockServer(options()
                .httpServerFactory(new ExactHeaderValues())
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // __files come from the stub set's root; its mappings hold token placeholders, so they are added filled, below
                .usingFilesUnderDirectory(root.toString())
                .mappingSource(new NoMappingsFromDisk())
                .templatingEnabled(true)
                // the token log answers from this server's own request journal (mappings/logs)
                .extensions(new TokenLogAnswer.Factory())
                .extensions(marks)
                .maxRequestJournalEntries(5000)
                .containerThreads(24)
                .notifier(new ConsoleNotifier(false)));
        server.start();
        for (Checked checked : Stream.concat(base.stream(), extra.stream()).toList()) {
            try {
                server.addStubMapping(checked.mapping());
            } catch (ClientError refused) {
                server.stop();
                throw new ConfigurationException("WireMock refused stub " + checked.file() + ": " + describe(refused)
                        + " (" + server.getStubMappings().size() + " of the " + (base.size() + extra.size()) + " mappings were loaded).");
            }
        }
        return new StubGateway(server, marks);
    }

    /** How the harness tells this stub which scenario sends a request that carries nothing per call to say it. */
    public OffWireMarks marks() {
        return marks;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Holds every answer back for {@code delay} before sending it, as a busy gateway would (WireMock's global fixed delay). */
    public void delayEveryAnswer(java.time.Duration delay) {
        server.setGlobalFixedDelay((int) delay.toMillis());
    }

    /** The requests that carry this scenario's mark, oldest first. */
    public List<LoggedRequest> requestsMarked(String mark) {
        return server.findAll(RequestPatternBuilder.allRequests().withHeader(SCENARIO_HEADER, equalTo(mark)));
    }

    /**
     * For this scenario's requests only: the next chat request gets 429, the one after it goes through to the
     * ordinary mappings. Like new-api's rate limiter, the 429 says nothing about how long to wait (no Retry-After).
     */
    public void overloadOnce(String mark) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .withHeader(SCENARIO_HEADER, equalTo(mark))
                .inScenario("overloaded " + mark)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBodyFile("errors/rate-limited.json")
                        .withTransformers("response-template")));
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Parses every mapping file the way WireMock would, with its token placeholders filled ({@link StubTokens}), and
     * checks that the body files it names exist.
     */
    static List<Checked> checkedMappings(Path mappings, Path files, Map<TokenKind, Secret> tokens, ModelTable models) {
        if (!Files.isDirectory(mappings)) {
            throw new ConfigurationException("No stub mappings folder at " + mappings + ".");
        }
        List<Checked> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(mappings)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.addAll(checkedFile(file, files, tokens, models));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mappings, e);
        }
        return all;
    }

    private static List<Checked> checkedFile(Path file, Path files, Map<TokenKind, Secret> tokens, ModelTable models) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        readJson(file, text); // the file as written, so line and column are the file's own
        JsonNode root = readJson(file, StubTokens.fill(file, StubModels.fill(file, text, models), tokens));
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.has("mappings")) {
            root.get("mappings").forEach(nodes::add);
        } else if (root != null) {
            nodes.add(root);
        }
        List<Checked> mappings = new ArrayList<>();
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
            if (!bodyFile.isEmpty() && new String(Files.readAllBytes(files.resolve(bodyFile)), StandardCharsets.ISO_8859_1).contains("${token")) {
                throw new ConfigurationException("Stub " + file + " answers with __files/" + bodyFile + ", which names a token placeholder; body files"
                        + " are served as they are, so only mappings may name a token: put that body in the mapping (\"body\" or \"jsonBody\").");
            }
            mappings.add(new Checked(file, mapping));
        }
        return mappings;
    }

    /** A mapping, filled and checked, and the file it comes from. */
    record Checked(Path file, StubMapping mapping) {
    }

    private static String describe(ClientError refused) {
        List<Errors.Error> errors = refused.getErrors() == null ? List.of() : refused.getErrors().getErrors();
        return errors.isEmpty()
                ? String.valueOf(refused.getMessage())
                : errors.stream().map(e -> e.getDetail() == null ? e.getTitle() : e.getTitle() + ": " + e.getDetail()).collect(Collectors.joining("; "));
    }

    private static JsonNode readJson(Path file, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("Malformed stub " + file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + "). Fix or remove the file.");
        }
    }

    /** Loads nothing: {@link #start} adds the filled mappings itself. Saves nothing either (no stub is persistent). */
    private static final class NoMappingsFromDisk implements MappingsSource {
        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
        }

        @Override
        public void save(StubMapping stubMapping) {
        }

        @Override
        public void remove(StubMapping stubMapping) {
        }

        @Override
        public void removeAll() {
        }
    }
}
