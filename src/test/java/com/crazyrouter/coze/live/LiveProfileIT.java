package com.crazyrouter.coze.live;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.TokenLog;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.testsupport.ChildRun;
import com.crazyrouter.coze.testsupport.LocalGateway;
import com.crazyrouter.coze.testsupport.TokenLeaks;
import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The live and record profiles, end to end, against a gateway on loopback that stands in for production: each
 * test starts the contract run as its own process, the way `mvn verify -Plive` does, with the token in its
 * environment, and checks what a user would see. The tokens are canaries: after the runs, no file under
 * reports/ or target/, no line of output and no request line (method and URL) the gateway received may contain them.
 * The tests run side by side, each with a work folder of its own; the full live run and the rejected token share a
 * gateway (its one 503 is the live run's), the others have their own or none.
 */
@Execution(ExecutionMode.CONCURRENT)
class LiveProfileIT {
    private static final Secret CANARY = new Secret("sk-canaryLiveDedicatedToken7Q2mX9vLp4Rz8Kw1Nc5Hd3Bf");
    private static final Secret CANARY_UNRESTRICTED = new Secret("sk-canaryLiveUnrestrictedToken3Jx6Tq8Wm2Yk5Pv9Ls1");
    private static final Map<TokenKind, Secret> LIVE_TOKENS = Map.of(TokenKind.DEDICATED, CANARY, TokenKind.UNRESTRICTED, CANARY_UNRESTRICTED);
    private static final List<Secret> CANARIES = List.of(CANARY, CANARY_UNRESTRICTED);
    private static final Path WORK = Path.of("target", "live-profile");
    /**
     * The first chat request with the unrestricted token gets a 503 with Retry-After, as a busy upstream would; the client
     * must retry it once. Only the full live run passes that token, so the runs alongside on this gateway never take its 503.
     * The body is an upstream's 503 as new-api's relay passes it on (its error struct, with param: v0.6.x service/error.go
     * RelayErrorHandler); new-api's own 503 before relaying is its "no channel for the model", an answer, not retried.
     */
    private static final String HICCUP = """
            {"name": "503 once: a busy upstream", "priority": 1,
             "scenarioName": "hiccup", "requiredScenarioState": "Started", "newScenarioState": "recovered",
             "request": {"method": "POST", "urlPath": "/v1/chat/completions", "headers": {"Authorization": {"contains": "%s"}}},
             "response": {"status": 503, "headers": {"Content-Type": "application/json; charset=utf-8", "Retry-After": "1"},
                          "body": "{\\"error\\":{\\"message\\":\\"upstream busy, try again\\",\\"type\\":\\"upstream_error\\",\\"param\\":\\"503\\",\\"code\\":\\"bad_response_status_code\\"}}"}}
            """
            .formatted(CANARY_UNRESTRICTED.reveal());
    /** A gateway that echoes the caller's Authorization header in an error message: redaction must catch it. */
    private static final String ECHOING_403 = "{\"error\":{\"message\":\"This token has no access to model {{jsonPath request.body '$.model'}}"
            + " (Authorization was {{request.headers.Authorization}})\",\"type\":\"new_api_error\",\"code\":\"\"}}\n";

    /** A gateway whose upstreams are all down: every chat request gets a 503, asking for an immediate retry. */
    private static final String ALWAYS_503 = """
            {"name": "503 on every chat request", "priority": 1,
             "request": {"method": "POST", "urlPath": "/v1/chat/completions"},
             "response": {"status": 503, "headers": {"Content-Type": "application/json; charset=utf-8", "Retry-After": "0"},
                          "body": "{\\"error\\":{\\"message\\":\\"upstream busy, try again\\",\\"type\\":\\"upstream_error\\",\\"param\\":\\"503\\",\\"code\\":\\"bad_response_status_code\\"}}"}}
            """
            .formatted(CANARY_UNRESTRICTED.reveal());
    /** What the record test records: the smoke test, the token checks, two error rows, the token's log and the model matrix. */
    private static final String RECORDED_PART = "@smoke or @checklist-1 or @checklist-4 or @checklist-9 or @error-1 or @error-3 or @models";
    private static final String TOKEN_LOG_SCENARIO = "The request Coze sent appears in the token's Crazyrouter log";
    private static final String DEADLINE = "2s";
    private static final Duration SLOW_ANSWER = Duration.ofMillis(500);
    private static LocalGateway production;

    @BeforeAll
    static void startLocalProduction() throws Exception {
        production = LocalGateway.start(Path.of("stubs"), LIVE_TOKENS, Map.of(
                "mappings/chat/503-hiccup-once.json", HICCUP,
                "__files/errors/model-not-allowed.json", ECHOING_403));
    }

    @AfterAll
    static void stopLocalProduction() {
        if (production != null) {
            production.close();
        }
    }

    @Test
    void withoutATokenTheRunStopsBeforeSendingAnything() throws Exception {
        try (Sentinel gateway = new Sentinel()) {
            ChildRun run = ChildRun.run(WORK.resolve("no-token"), ChildRun.live(gateway.baseUrl()), Map.of());
            assertThat(run.output(), run.exitCode(), is(not(0)));
            assertThat(run.output(), containsString("CRAZYROUTER_API_KEY is not set"));
            assertThat("a connection reached the gateway", gateway.wasConnected(), is(false));
        }
    }

    @Test
    void theGuidesPlaceholderTokenStopsTheRunBeforeSendingAnything() throws Exception {
        try (Sentinel gateway = new Sentinel()) {
            ChildRun run = ChildRun.run(WORK.resolve("placeholder-token"), ChildRun.live(gateway.baseUrl()), Map.of("CRAZYROUTER_API_KEY", "sk-xxx"));
            assertThat(run.output(), containsString("placeholder"));
            assertThat(run.exitCode(), is(not(0)));
            assertThat("a connection reached the gateway", gateway.wasConnected(), is(false));
        }
    }

    /**
     * A listening socket that answers nothing: the kernel completes every connection made to it, so after the run one
     * accept() tells whether anything connected at all, even a connection that was closed again.
     */
    private static final class Sentinel implements AutoCloseable {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());

        Sentinel() throws IOException {
        }

        java.net.URI baseUrl() {
            return java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        boolean wasConnected() throws IOException {
            socket.setSoTimeout(200);
            try (java.net.Socket ignored = socket.accept()) {
                return true;
            } catch (java.net.SocketTimeoutException none) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void anUnreachableEndpointIsOneClearMessage() throws Exception {
        // a port held but not listened on: refused for the whole run, and no other test's server can take it meanwhile
        try (java.net.Socket held = new java.net.Socket()) {
            held.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            Map<String, String> properties = Map.of("crazyrouter.target", "live", "crazyrouter.baseUrl", "http://127.0.0.1:" + held.getLocalPort());
            ChildRun run = ChildRun.run(WORK.resolve("unreachable"), properties, Map.of("CRAZYROUTER_API_KEY", CANARY.reveal()));
            assertThat(run.exitCode(), is(not(0)));
            assertThat(run.output(), containsString("endpoint unreachable"));
            assertThat(run.output(), containsString("connection refused"));
        }
    }

    @Test
    void aRejectedTokenIsOneClearMessage() throws Exception {
        ChildRun run = ChildRun.run(WORK.resolve("rejected-token"), live(production),
                Map.of("CRAZYROUTER_API_KEY", "sk-canaryRevokedToken0000000000000000000000000"));
        assertThat(run.exitCode(), is(not(0)));
        assertThat(run.output(), containsString("token rejected"));
        assertThat(run.output(), containsString("Generate a new token"));
    }

    @Test
    void aGatewayThatAnswers503ToEveryChatRequestStopsTheRunWithOneMessage() throws Exception {
        try (LocalGateway down = LocalGateway.start(Path.of("stubs"), LIVE_TOKENS, Map.of("mappings/chat/503-always.json", ALWAYS_503))) {
            Map<String, String> properties = new java.util.HashMap<>(live(down));
            properties.put(Settings.RETRIES, "1");
            ChildRun run = ChildRun.run(WORK.resolve("always-503"), properties, Map.of("CRAZYROUTER_API_KEY", CANARY.reveal()));
            String summary = run.summary();
            System.out.println("503 on every chat request: " + run.lastLines(1));

            assertThat(run.output(), run.exitCode(), is(not(0)));
            assertThat("one message for the stop", run.output().split("\\[stopped] ", -1).length, equalTo(2));
            assertThat(run.output(), containsString("[stopped] Crazyrouter stopped answering: 3 chat requests in a row got no usable answer (HTTP 503 ×3;"));
            assertThat(summary, containsString("> **This run stopped early.** Crazyrouter stopped answering"));
            long red = run.output().lines().filter(line -> line.matches("\\[ *\\d+/\\d+] FAILED.*")).count();
            long skipped = run.output().lines().filter(line -> line.matches("\\[ *\\d+/\\d+] skipped.*")).count();
            assertThat("red scenarios, one per failed request until the stop", red, lessThan(10L));
            assertThat("scenarios skipped once the gateway stopped answering", skipped, greaterThan(50L));
            assertThat("requests that reached the stopped gateway", down.requestsReceived(), lessThan(40));
        }
    }

    /**
     * The deadline must pass before the last scenario: the gateway holds every answer back by {@link #SLOW_ANSWER}, so
     * the run's 131 requests, two at a time, take 33 s or more however fast the machine is. Whether it passes before or
     * after the preflight depends on the machine's load (at load 30 no scenario had started within 10 s), and must not
     * matter: the preflight is sent either way (RequestBudget#forThePreflight), and the run stops at its first scenario.
     */
    @Test
    void theRunDeadlineSkipsWhatHasNotStartedAndTheRunIsRed() throws Exception {
        // the stub set in this JVM, with its fake token, rather than a gateway in a JVM of its own: one JVM fewer to start
        try (StubGateway slow = StubGateway.start(Path.of("stubs"), Optional.empty())) {
            slow.delayEveryAnswer(SLOW_ANSWER);
            Map<String, String> properties = new java.util.HashMap<>(ChildRun.live(slow.baseUrl()));
            properties.put(Limits.RUN_DEADLINE, DEADLINE);
            String fake = Settings.stubTokens(Path.of("stubs")).get(TokenKind.DEDICATED).reveal();
            ChildRun run = ChildRun.run(WORK.resolve("deadline"), properties, Map.of("CRAZYROUTER_API_KEY", fake));
            String summary = run.summary();
            System.out.println("Run deadline: the preflight came " + preflightAfter(slow, run).toMillis() + " ms after the run's JVM started; "
                    + run.lastLines(1));

            assertThat(run.output(), run.exitCode(), is(not(0)));
            assertThat(run.output(), containsString("[stopped] The run deadline of 2 s passed (crazyrouter.runDeadline)"));
            assertThat(summary, containsString("> **This run stopped early.** The run deadline of 2 s passed"));
            assertThat(summary, matchesPattern("(?s).*Of " + plannedScenarios() + " scenarios, \\d+ ran .*and [1-9]\\d* did not run or were cut short.*"));
        }
    }

    @Test
    void theLiveProfilePassesAgainstAConformingGatewayRetriesPolitelyAndLeaksNoToken() throws Exception {
        production.resetScenarios();
        // pasted with surrounding whitespace and a newline, as from a password manager
        Map<String, String> environment = Map.of("CRAZYROUTER_API_KEY", "  " + CANARY.reveal() + "\n",
                "CRAZYROUTER_UNRESTRICTED_API_KEY", CANARY_UNRESTRICTED.reveal());
        ChildRun run = ChildRun.run(WORK.resolve("live-run"), live(production), environment);
        System.out.println(run.lastLines(3));
        assertThat(run.output(), run.exitCode(), is(0));
        assertThat(run.output(), containsString("Preflight: GET"));
        assertThat("a retry after the 503 is visible", run.output(), containsString("[retry]"));
        assertThat(run.output(), containsString("Requests sent"));
        assertThat("checklist 9 found its request in the token's log", scenarioStatus(run, TOKEN_LOG_SCENARIO), equalTo("passed"));
        assertNoCanaryIn(run);
        assertNoCanaryInAnyRequestLine(production);
    }

    @Test
    void recordingTwiceGivesTheSameStubsAndReplayingThemPasses() throws Exception {
        try (LocalGateway steady = LocalGateway.start(Path.of("stubs"), LIVE_TOKENS, Map.of())) {
            Path recorded = WORK.resolve("recorded").toAbsolutePath();
            ChildRun.deleteTree(recorded); // a recording left by an earlier run would pass for this one's
            // a part of the contract is enough to show that a recording is stable and replays green
            Map<String, String> properties = Map.of("crazyrouter.target", "record", "crazyrouter.baseUrl", steady.baseUrl().toString(),
                    "crazyrouter.recordInto", recorded.toString(), "crazyrouter.stubs", Path.of("stubs").toAbsolutePath().toString(),
                    Settings.TAG_SELECTION, RECORDED_PART);
            Map<String, String> environment = Map.of("CRAZYROUTER_API_KEY", CANARY.reveal(), "CRAZYROUTER_UNRESTRICTED_API_KEY", CANARY_UNRESTRICTED.reveal());
            ChildRun first = ChildRun.run(WORK.resolve("record-1"), properties, environment);
            assertThat(first.output(), first.exitCode(), is(0));
            List<String> firstFiles = fileNames(recorded);
            // the first recording replays while the second records over the same folder: one does not wait for the other
            Path firstRecording = WORK.resolve("recorded-first").toAbsolutePath();
            ChildRun.deleteTree(firstRecording);
            copyTree(recorded, firstRecording);
            CompletableFuture<ChildRun> replaying = CompletableFuture.supplyAsync(() -> childRun(WORK.resolve("replay"),
                    Map.of("crazyrouter.stubs", Path.of("stubs").toAbsolutePath().toString(), "crazyrouter.stubs.overlay", firstRecording.toString(),
                            Settings.TAG_SELECTION, RECORDED_PART),
                    Map.of()));
            ChildRun second = ChildRun.run(WORK.resolve("record-2"), properties, environment);
            ChildRun replay = replaying.join();
            assertThat(second.output(), second.exitCode(), is(0));
            assertThat("recorded stub files", firstFiles.size(), greaterThan(10));
            assertThat("recording twice adds no duplicates", fileNames(recorded), equalTo(firstFiles));
            assertNoCanaryIn(first);
            assertNoCanaryIn(second);
            assertNoCanaryInAnyRequestLine(steady);
            String recordedLog = recordedLogBody(recorded);
            assertThat("the recorded token log says when its entries were logged as a template", recordedLog,
                    allOf(containsString("\"created_at\":{{now format='unix'}}"), not(matchesPattern("(?s).*\"created_at\":\\s*\\d.*"))));

            assertThat(replay.output(), replay.exitCode(), is(0));
            assertThat("checklist 9 on replay", scenarioStatus(replay, TOKEN_LOG_SCENARIO), equalTo("passed"));
            // nothing rewritten: however long after the recording, the replayed log's entries were logged just now
            // (RecordedMappingCleanerTest replays a log recorded an hour ago)
            long newest = replayedLogNewestEntry(firstRecording);
            assertThat("seconds between the replayed entry's created_at and now", Instant.now().getEpochSecond() - newest,
                    allOf(greaterThanOrEqualTo(0L), lessThan(60L)));
            System.out.println("Recorded " + firstFiles.size() + " stub files; replay: " + replay.lastLines(1));
        }
    }

    /** How long after the child JVM started its preflight reached the gateway: more than the deadline had run by then. */
    private static Duration preflightAfter(StubGateway gateway, ChildRun run) throws IOException, InterruptedException {
        Instant started = Instant.now().minus(run.took());
        HttpResponse<String> journal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/__admin/requests"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        long preflight = Long.MAX_VALUE;
        for (JsonNode served : Json.MAPPER.readTree(journal.body()).path("requests")) {
            if (served.path("request").path("url").asText().startsWith("/v1/models")) {
                preflight = Math.min(preflight, served.path("request").path("loggedDate").asLong());
            }
        }
        assertThat("the preflight reached the gateway", preflight, lessThan(Long.MAX_VALUE));
        return Duration.between(started, Instant.ofEpochMilli(preflight));
    }

    /**
     * The canary in no request line the gateway received: the method and URL of every request in the standalone
     * WireMock's journal. The token goes in the Authorization header only (the token log included); a failure names
     * the request lines with the canary masked, so the message leaks nothing either.
     */
    private static void assertNoCanaryInAnyRequestLine(LocalGateway gateway) throws IOException, InterruptedException {
        HttpResponse<String> journal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/__admin/requests"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> lines = new ArrayList<>();
        Json.MAPPER.readTree(journal.body()).path("requests").forEach(served -> lines.add(served.path("request").path("method").asText() + " "
                + served.path("request").path("url").asText()));
        List<String> needles = TokenLeaks.needles(CANARIES);
        List<String> leaks = lines.stream().filter(line -> needles.stream().anyMatch(line::contains)).map(line -> TokenLeaks.masked(line, needles)).toList();
        long logReads = lines.stream().filter(line -> line.startsWith("GET " + TokenLog.PATH)).count();
        System.out.println("Request-line check: " + lines.size() + " requests the gateway received (" + logReads + " reads of the token log): "
                + leaks.size() + " with a token in the URL");
        assertThat("token log reads the gateway received", logReads, greaterThan(0L));
        assertThat("request lines (method and URL) that carry a token", leaks, is(empty()));
    }

    /** The status of one scenario in a child run's Allure results ("passed", "skipped", …), or "not run". */
    private static String scenarioStatus(ChildRun run, String scenario) throws IOException {
        try (Stream<Path> results = Files.list(run.workDir().resolve("reports").resolve("allure-results"))) {
            for (Path result : results.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode json = Json.MAPPER.readTree(result.toFile());
                if (json.path("name").asText().equals(scenario)) {
                    return json.path("status").asText();
                }
            }
        }
        return "not run";
    }

    private static String recordedLogBody(Path recorded) throws IOException {
        try (Stream<Path> files = Files.list(recorded)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("get-api-log-token-200-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no recorded token log (get-api-log-token-200-*.json) in " + recorded));
            return Json.MAPPER.readTree(log.toFile()).path("response").path("body").asText();
        }
    }

    /** Replays the recorded stubs as the stub run does and reads the token log: the newest entry's created_at. */
    private static long replayedLogNewestEntry(Path recorded) throws IOException, InterruptedException {
        try (StubGateway replay = StubGateway.start(Path.of("stubs"), Optional.of(recorded))) {
            String fake = Settings.stubTokens(Path.of("stubs")).get(TokenKind.DEDICATED).reveal();
            HttpResponse<String> log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replay.baseUrl().resolve(TokenLog.PATH))
                    .header("Authorization", "Bearer " + fake).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode newest = Json.MAPPER.readTree(log.body()).path("data").path(0);
            assertThat("the replayed token log: " + log.body().length() + " characters", newest.has("created_at"), is(true));
            return newest.path("created_at").asLong();
        }
    }

    /** The scenarios a whole run plans, as its plan has them (wiring/PlannedScenarios): the features, less what the run's settings leave out. */
    private static long plannedScenarios() {
        var features = LauncherDiscoveryRequestBuilder.request().selectors(selectDirectory(Path.of("features").toAbsolutePath().toFile()))
                .filters(includeEngines("cucumber")).build();
        return LauncherFactory.create().discover(features).countTestIdentifiers(TestIdentifier::isTest);
    }

    private static Map<String, String> live(LocalGateway gateway) {
        return ChildRun.live(gateway.baseUrl());
    }

    private static void assertNoCanaryIn(ChildRun run) throws IOException {
        TokenLeaks.assertNoneIn(run, CANARIES, List.of(Path.of("target"), Path.of("reports"), run.workDir()));
    }

    private static ChildRun childRun(Path workDir, Map<String, String> properties, Map<String, String> environment) {
        try {
            return ChildRun.run(workDir, properties, environment);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + workDir + " ran", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
