package com.crazyrouter.coze.live;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.testsupport.ChildRun;
import com.crazyrouter.coze.testsupport.HostileGateway;
import com.crazyrouter.coze.testsupport.HostileGateway.Behaviour;
import com.crazyrouter.coze.testsupport.TokenLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * `mvn verify -Plive` against each hostile gateway of issue 14, end to end: a live run in a JVM of its own against a
 * {@link HostileGateway} on loopback, with a short limit where the gateway passes one on purpose, so each ends in
 * seconds. Every run must end within {@link #BOUND}, be red, leave a summary of its own that says what happened (the run's stop, or the red scenario's
 * right reason: "the stream never ended" is not "no HTTP answer"), print its one message once, leak no token and keep
 * reports/ small. The selection holds the model matrix (its streaming probes) and the smoke test, for gpt-5.4 only:
 * three chat scenarios, enough for three failures in a row to stop the run. Each test has its own gateway and work
 * folder, so they run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class HostileGatewayIT {
    /**
     * A hang guard, not a measurement: each run takes 10 to 20 s, JVM start included, and up to two minutes on a loaded
     * machine (load average 35 on 2 cores); a gateway that held a run would hold it for 7 minutes (the trickled reply)
     * or for ever.
     */
    private static final Duration BOUND = Duration.ofMinutes(5);
    /**
     * The request limit where a trickled body passes it on purpose: each chat request's headers, sent at once, must come
     * within it, on a loaded machine too. (The preflight gets at least the default limits, Settings#forThePreflight: as
     * the child JVM's first exchange it passed 1 s and 3 s on a loaded machine, and the run did not start.) Every limit
     * not set is at its default, which no answer on loopback passes.
     */
    private static final String TRICKLE_TIMEOUT = "3s";
    private static final long MOST_REPORT_BYTES = 5L * 1024 * 1024;
    private static final Path WORK = Path.of("target", "hostile-gateways");
    private static final String STOPPED = "[stopped] ";
    private static final String FIRST_RED = "First red scenario (of ";
    /** A byte of a reply that must never reach the console or a report raw (NUL, backspace, DEL; ESC is Cucumber's own colours). */
    private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x08\\x7F]");
    private static final String MATRIX_ROW_STREAMING_FAILED = "| pass | pass | pass | pass | pass | fail | not checked |";

    @Test
    void aStreamThatStallsAfterItsHeadersFailsTheStreamingCellAndTheRowKeepsWhatPassed() throws Exception {
        Hostile run = Hostile.run(Behaviour.STALLED_STREAM, Map.of(Limits.STREAM_IDLE_TIMEOUT, "500ms"));

        run.endsRedWithoutAStop();
        assertThat(run.summary(), allOf(containsString("| gpt-5.4 | Coze API plugin (Create from API) " + MATRIX_ROW_STREAMING_FAILED),
                containsString("| gpt-5.4 | Coze workflow HTTP request node " + MATRIX_ROW_STREAMING_FAILED),
                containsString("and started streaming, but sent nothing for 500 ms (crazyrouter.streamIdleTimeout): the stream never ended"),
                not(containsString("no HTTP answer"))));
    }

    @Test
    void aStreamThatNeverEndsFailsTheStreamingCellAtTheStreamTimeout() throws Exception {
        Hostile run = Hostile.run(Behaviour.ENDLESS_STREAM, Map.of(Limits.STREAM_TIMEOUT, "2s"));

        run.endsRedWithoutAStop();
        assertThat(run.summary(), allOf(containsString("| gpt-5.4 | Coze API plugin (Create from API) " + MATRIX_ROW_STREAMING_FAILED),
                containsString("and streamed for 2 s (crazyrouter.streamTimeout) without ending the stream: the stream never ended"),
                not(containsString("no HTTP answer"))));
    }

    @Test
    void aChatEndpointThatNeverAnswersStopsTheRun() throws Exception {
        Hostile run = Hostile.run(Behaviour.HANGING_CHAT, Map.of(Limits.REQUEST_TIMEOUT, "1s")); // nothing comes within it

        run.stoppedAnswering("no HTTP answer ×3;");
        assertThat(run.output(), containsString("no answer within 1 s (crazyrouter.requestTimeout)"));
    }

    /** Killed while a request hangs, as Ctrl-C or CI's timeout would kill it: the summary says so, and is this run's. */
    @Test
    void aRunKilledWhileItWaitsWritesASummarySayingItWasInterrupted() throws Exception {
        try (HostileGateway gateway = HostileGateway.start(Behaviour.HANGING_CHAT, ModelTable.DEFAULT)) {
            Map<String, String> properties = new HashMap<>(ChildRun.live(gateway.baseUrl()));
            properties.putAll(Map.of(Settings.TAG_SELECTION, "@models or @smoke", Settings.MODELS, "gpt-5.4"));
            ChildRun run = ChildRun.interrupted(WORK.resolve("killed"), properties, Map.of("CRAZYROUTER_API_KEY", "sk-testHostileKilledRunQ7xW2mZ9"),
                    "Preflight: GET", BOUND);

            assertThat(run.output(), run.exitCode(), is(not(0)));
            // killed just after the preflight, the run may still be starting its scenarios or already waiting on one
            assertThat(run.summary(), containsString("This run stopped early"));
            assertThat(run.summary(), containsString("interrupted (Ctrl-C or a kill signal)"));
        }
    }

    @Test
    void aBodyTrickledByteByByteStopsTheRunAtTheRequestTimeoutNotAsNoAnswer() throws Exception {
        Hostile run = Hostile.run(Behaviour.TRICKLED_BODY, Map.of(Limits.REQUEST_TIMEOUT, TRICKLE_TIMEOUT));

        run.stoppedAnswering("HTTP 200 but the body did not end within 3 s ×3;");
        assertThat(run.summary(), not(containsString("no HTTP answer")));
    }

    @Test
    void aHugeBodyIsCutAtTheCapStopsTheRunAndReportsStaySmall() throws Exception {
        Hostile run = Hostile.run(Behaviour.HUGE_BODY, Map.of(Limits.MAX_BODY, "1MB"));

        run.stoppedAnswering("HTTP 200 but the body is larger than 1 MB ×3;");
        assertThat(run.summary(), containsString("What Coze shows: not checked: Coze reads a reply of any size"));
    }

    @Test
    void aWebPageServedAsJsonIsRedForWhatItIsAndNeverRunsAsHtmlInTheSummary() throws Exception {
        Hostile run = Hostile.run(Behaviour.HTML_AS_JSON, Map.of());

        run.endsRedWithoutAStop();
        assertThat(run.summary(), containsString("but: the body is not JSON: HTTP 200 (application/json) — an HTML page titled \"New API\" with HTTP 200 "
                + "for the API path /v1/chat/completions"));
        assertThat("the page's script, rendered into summary.html", run.file("reports/summary.html"), not(containsString("<script")));
    }

    @Test
    void binaryBytesServedAsJsonAreRedAndShownEscapedNeverRaw() throws Exception {
        Hostile run = Hostile.run(Behaviour.BINARY_AS_JSON, Map.of());

        run.endsRedWithoutAStop();
        assertThat(run.summary(), containsString("but: the body is not JSON: HTTP 200 (application/json) — a body that is not JSON: starting \"\\x00\\x01"));
        assertThat(run.summary(), containsString("The body: \\x00\\x01\\x1B[31m"));
        assertThat("raw control bytes in summary.md", RAW_CONTROL.matcher(run.summary()).find() || run.summary().contains("\u001B"), is(false));
    }

    @Test
    void aRateLimitAskingToWaitAnHourIsNotRetriedSaysSoAndStopsTheRun() throws Exception {
        Hostile run = Hostile.run(Behaviour.RATE_LIMITED_FOR_AN_HOUR, Map.of());

        run.stoppedAnswering("HTTP 429 ×3;");
        assertThat(run.output(),
                containsString("HTTP 429: Crazyrouter asked to wait 3600 s (Retry-After), longer than crazyrouter.longestRetryWait=1s: not retried"));
    }

    @Test
    void aGatewayFailingEveryChatRequestWith5xxStopsTheRun() throws Exception {
        Hostile run = Hostile.run(Behaviour.FAILING, Map.of());

        run.stoppedAnswering("HTTP 50");
        assertThat(run.summary(), containsString("on the status (Coze never retries on a status)"));
    }

    /**
     * A gateway that writes the caller's token back on each stream, in every disguise a JSON, HTML or URL reader decodes
     * (u-escapes in either case and mixed with plain characters, character references, percent-encoding, one inside
     * another) in its error message, a header and its Content-Type: the streaming cell fails for its 401, the echo is in
     * the summary and the Allure results masked, and no file under the run's folder (summary.md, summary.html, the
     * Allure results and attachments, the Cucumber reports) nor the console holds the token in any form
     * ({@link TokenLeaks}, run for every hostile gateway, decodes each).
     */
    @Test
    void aTokenEchoedBackInDisguiseIsMaskedInEveryReportAndOnTheConsole() throws Exception {
        Hostile run = Hostile.run(Behaviour.TOKEN_ECHOED_IN_DISGUISE, Map.of());

        run.endsRedWithoutAStop();
        String masked = String.join(", ", Collections.nCopies(HostileGateway.disguises(run.token().reveal()).size(), "[REDACTED]"));
        assertThat(run.summary(), allOf(containsString("| gpt-5.4 | Coze API plugin (Create from API) | pass | pass | pass | pass | pass | fail | pass |"),
                containsString("HTTP 401 (application/json; charset=utf-8; token=[REDACTED])"), containsString("Invalid token: " + masked)));
        assertThat("the echo, masked, in the Allure results", allureResults(run), containsString("Invalid token: [REDACTED], [REDACTED]"));
    }

    private static String allureResults(Hostile run) throws IOException {
        try (Stream<Path> files = Files.walk(run.run().workDir().resolve("reports").resolve("allure-results"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        }
    }

    /** One live run against one hostile gateway, and what every such run must show. */
    private record Hostile(Behaviour behaviour, ChildRun run, String baseUrl, Secret token) {

        /**
         * {@code limits}: the one limit the gateway passes on purpose, short so that the run ends in seconds; a limit it
         * must not pass (a stream's idle limit while events flow, the request limit for a whole answer) stays at its
         * default, so which limit ends an answer does not depend on how loaded the machine is.
         */
        static Hostile run(Behaviour behaviour, Map<String, String> limits) throws IOException, InterruptedException {
            // a token of its own per run, so a leak names the run it came from
            Secret token = new Secret("sk-testHostile" + behaviour.name().replace("_", "").toLowerCase(Locale.ROOT) + "Q7xW2mZ9");
            try (HostileGateway gateway = HostileGateway.start(behaviour, ModelTable.DEFAULT, token.reveal())) {
                Map<String, String> properties = new HashMap<>(ChildRun.live(gateway.baseUrl()));
                properties.putAll(limits);
                properties.putAll(Map.of(Settings.RETRIES, "1", Settings.LONGEST_RETRY_WAIT, "1s", Settings.TAG_SELECTION, "@models or @smoke",
                        Settings.MODELS, "gpt-5.4"));
                ChildRun run = ChildRun.run(WORK.resolve(behaviour.name().toLowerCase(Locale.ROOT)), properties,
                        Map.of("CRAZYROUTER_API_KEY", token.reveal()), BOUND);
                System.out.println(behaviour + ": " + run.took().toMillis() + " ms, " + gateway.chatRequests() + " chat requests; " + run.lastLines(1));
                Hostile hostile = new Hostile(behaviour, run, gateway.baseUrl().toString(), token);
                hostile.isRedHonestAndTidy();
                return hostile;
            }
        }

        /**
         * Red, this run's own summary, the one message once, no raw bytes of a reply, no token anywhere (in any disguise),
         * no Java in what a reader gets of the model matrix, small reports.
         */
        private void isRedHonestAndTidy() throws IOException {
            assertThat(run.output(), run.exitCode(), is(not(0)));
            assertThat("the run's own summary names its gateway", summary(), containsString("**Gateway:** " + baseUrl));
            assertThat("the first red scenario, said once", occurrences(output(), FIRST_RED), is(1));
            assertThat("raw control bytes in the output", RAW_CONTROL.matcher(output()).find(), is(false));
            TokenLeaks.assertNoneIn(run, List.of(token), List.of(run.workDir()));
            for (String java : List.of("Cell[", "Expected: an empty collection")) {
                assertThat("a record's form or a matcher's wording, in the summary or the console", summary() + output(), not(containsString(java)));
            }
            assertThat("bytes under reports/", size(run.workDir().resolve("reports")), lessThan(MOST_REPORT_BYTES));
        }

        void endsRedWithoutAStop() throws IOException {
            assertThat(output(), not(containsString(STOPPED)));
            assertThat(summary(), not(containsString("This run stopped early")));
        }

        /**
         * The run stopped, the gateway having stopped answering, with one message whose count of answers starts with
         * {@code answers} ("no HTTP answer ×3"), and the summary opens with it.
         */
        void stoppedAnswering(String answers) throws IOException {
            String message = "Crazyrouter stopped answering: 3 chat requests in a row got no usable answer (" + answers;
            assertThat("the stop's one message", occurrences(output(), STOPPED), equalTo(1));
            assertThat(output(), containsString(STOPPED + message));
            assertThat(summary(), containsString("> **This run stopped early.** " + message));
        }

        String output() {
            return run.output();
        }

        String summary() throws IOException {
            return run.summary();
        }

        String file(String path) throws IOException {
            return Files.readString(run.workDir().resolve(path), StandardCharsets.UTF_8);
        }

        private static int occurrences(String text, String part) {
            return text.split(Pattern.quote(part), -1).length - 1;
        }

        private static long size(Path folder) throws IOException {
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
    }
}
