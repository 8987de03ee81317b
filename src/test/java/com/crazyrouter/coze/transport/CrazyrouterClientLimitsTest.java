package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.run.FailureStreak;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.run.RunStopped;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Hostile gateways against the client's limits (config/Limits): a stream that goes silent or never ends, a flood of
 * events, a body trickled byte by byte, a huge body, a binary one. Each ends at the limit that applies, says which one
 * and after how much, and leaves no connection open.
 *
 * <p>Which limit ends an answer must not depend on how fast the machine is. A limit the script passes on purpose
 * (silence, a body that never ends) is short, since it is what the test waits for; a limit the script must not pass —
 * headers sent at once, bytes sent together — is {@link #NOT_PASSED} or more, however short the other: on a loaded
 * machine a thread can wait hundreds of milliseconds for a core, and a cold build's first stream waited longer than its
 * 300 ms limit for headers sent at once. The JVM's HTTP client is warmed up first, so no test pays for loading it.
 */
@Timeout(30) // a guard against a hang coming back, not a measurement: each test ends within a few seconds, on a loaded machine too
@Execution(ExecutionMode.CONCURRENT) // each test has its own gateway and client; most of their time is a limit running out
class CrazyrouterClientLimitsTest {
    private static final String TOKEN = "sk-testClientLimits00000000000000000000000";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final Duration HANG_UP = Duration.ofSeconds(5);
    /** The shortest a limit the script must not pass may be: headers sent at once come within it on a loaded machine. */
    private static final String NOT_PASSED = "1s";

    private ScriptedGateway gateway;

    @BeforeAll
    static void warmUp() throws Exception {
        ScriptedGateway.warmUpHttpClient();
    }

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aStreamThatGoesSilentAfterItsFirstEventStopsAtTheIdleLimit() throws Exception {
        // the headers and the first event in one write: the idle limit, which the silence after them passes, must not pass between them
        gateway = new ScriptedGateway(out -> out.write(together(ScriptedGateway.head(EVENT_STREAM),
                "data: {\"object\":\"chat.completion.chunk\"}\n\n".getBytes(StandardCharsets.UTF_8))));

        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class,
                () -> client(Limits.STREAM_IDLE_TIMEOUT, NOT_PASSED, Limits.STREAM_TIMEOUT, "10s").stream(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.STREAM_IDLE_TIMEOUT));
        assertThat(stopped.getMessage(), containsString("Crazyrouter answered 200 to POST " + gateway.url("/v1/chat/completions")
                + " and started streaming, but then sent nothing for 1 s (crazyrouter.streamIdleTimeout): the stream never ended; "
                + "the harness stopped reading after 2 lines (42 bytes)."));
        assertThat(stopped.getMessage(), containsString("the workflow HTTP node: 120 s by default"));
        assertThat(stopped.getMessage(), not(containsString("no HTTP answer")));
        assertThat(stopped.row(), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(gateway.clientHungUpWithin(HANG_UP), is(true));
    }

    @Test
    void aStreamThatSendsNothingAfterItsHeadersSaysSo() throws Exception {
        gateway = new ScriptedGateway(out -> out.write(ScriptedGateway.head(EVENT_STREAM)));

        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class,
                () -> client(Limits.STREAM_IDLE_TIMEOUT, "200ms").stream(chat()));

        assertThat(stopped.getMessage(), containsString("and started streaming, but sent nothing for 200 ms (crazyrouter.streamIdleTimeout)"));
        assertThat(stopped.getMessage(), containsString("after 0 lines (0 bytes)"));
    }

    @Test
    void aStreamThatKeepsSendingButNeverEndsStopsAtTheTotalLimit() throws Exception {
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head(EVENT_STREAM));
            while (true) {
                out.write(": PING\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(40);
            }
        });

        // the stream limit also bounds the wait for headers, which come at once; the idle limit (30 s by default) is longer
        // than the stream's, so however long a ping is held up on a loaded machine, the stream's limit is the one that passes
        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class, () -> client(Limits.STREAM_TIMEOUT, NOT_PASSED).stream(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.STREAM_TIMEOUT));
        assertThat(stopped.getMessage(), containsString("Crazyrouter answered 200 to POST " + gateway.url("/v1/chat/completions")
                + " and streamed for 1 s (crazyrouter.streamTimeout) without ending the stream: the stream never ended"));
        assertThat(gateway.clientHungUpWithin(HANG_UP), is(true));
    }

    @Test
    void aFloodOfEventsIsReadUpToTheBodyCapAndNoFurther() throws Exception {
        byte[] event = ("data: " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head(EVENT_STREAM));
            while (true) {
                out.write(event);
            }
        });

        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class, () -> client(Limits.MAX_BODY, "64KB").stream(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.MAX_BODY));
        assertThat(stopped.getMessage(), containsString(" and streamed more than 64 KB (crazyrouter.maxBody); the harness read the first 64 KB (65 lines)"
                + " and stopped: the stream had not ended."));
        assertThat(gateway.clientHungUpWithin(HANG_UP), is(true));
    }

    @Test
    void aBodyTrickledByteByByteEndsAtTheRequestDeadline() throws Exception {
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head("application/json", 1_000));
            for (int i = 0; i < 1_000; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(40);
            }
        });

        // the headers come at once, within the read timeout; the body outlives it and ends at the whole exchange's limit
        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class,
                () -> client(Limits.READ_TIMEOUT, NOT_PASSED, Limits.REQUEST_TIMEOUT, "2s").send(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.REQUEST_TIMEOUT));
        assertThat(stopped.getMessage(), containsString("Crazyrouter answered 200 to POST " + gateway.url("/v1/chat/completions")
                + ", but the reply body did not end within 2 s (crazyrouter.requestTimeout, the whole exchange); the harness stopped reading after "));
        assertThat(gateway.clientHungUpWithin(HANG_UP), is(true));
    }

    @Test
    void aBodyLargerThanTheCapIsCutThereAndSaidSoNotCalledNotJson() throws Exception {
        byte[] body = ("{\"object\":\"chat.completion\",\"padding\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body));

        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class, () -> client(Limits.MAX_BODY, "64KB").send(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.MAX_BODY));
        assertThat(stopped.getMessage(), containsString("Crazyrouter answered 200 to POST " + gateway.url("/v1/chat/completions")
                + ", but the reply body is larger than 64 KB (crazyrouter.maxBody); the harness read the first 64 KB and stopped."));
        assertThat(stopped.getMessage(), not(containsString("not JSON")));
        assertThat(stopped.cozeGivesUpToo(), is(false));
    }

    @Test
    void jsonBeyondTheParsersLimitsIsSaidToBeSoNotCalledNotJson() throws Exception {
        byte[] body = ("[".repeat(1_001) + "]".repeat(1_001)).getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body));

        AnswerBeyondLimits stopped = assertThrows(AnswerBeyondLimits.class, () -> client().send(chat()));

        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.JSON_PARSER));
        assertThat(stopped.getMessage(), containsString("with a body that may well be JSON, but one beyond the limits of the harness's JSON parser"
                + " (Document nesting depth (1001) exceeds the maximum allowed (1000"));
        assertThat(stopped.getMessage(), not(containsString("not JSON")));
    }

    @Test
    void aBinaryBodyIsShownEscapedNeverRaw() throws Exception {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (int b = 0; b < 0x20; b++) {
            binary.write(b);
        }
        binary.write(new byte[]{(byte) 0xFF, (byte) 0xFE, 0x1B, '[', '3', '1', 'm'});
        byte[] body = binary.toByteArray();
        gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body));

        GatewayReply reply = client().send(chat());

        assertThat(reply.describe(), containsString("\\x00\\x01\\x02"));
        assertThat(reply.describe(), containsString("\uFFFD\uFFFD\\x1B[31m"));
        assertThat(reply.describe().chars().anyMatch(c -> c < 0x20 || c == 0x7F), is(false));
    }

    @Test
    void headersThatNeverComeAreNoAnswerAtAll() throws Exception {
        gateway = new ScriptedGateway(out -> {
        });

        GatewayUnreachable none = assertThrows(GatewayUnreachable.class, () -> client(Limits.READ_TIMEOUT, "200ms").send(chat()));

        assertThat(none, not(instanceOf(AnswerBeyondLimits.class)));
        assertThat(none.getMessage(), containsString("Crazyrouter gave no HTTP answer to POST " + gateway.url("/v1/chat/completions")
                + ": no answer within 200 ms (crazyrouter.readTimeout)"));
    }

    @Test
    void aStreamThatEndsIsReadToItsEndWhateverItsLineBreaks() throws Exception {
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head(EVENT_STREAM));
            out.write("data: {\"n\":1}\r\n\r\ndata: {\"n\":2}\r\rdata: [DONE]".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        StreamedReply reply = client().stream(chat());

        assertThat(reply.lines(), equalTo(List.of("data: {\"n\":1}", "", "data: {\"n\":2}", "", "data: [DONE]")));
        assertThat(reply.endsWithDone(), is(true));
    }

    @Test
    void streamsThatNeverEndStopTheRunAsChatRequestsWithoutAUsableAnswer() throws Exception {
        gateway = new ScriptedGateway(out -> out.write(ScriptedGateway.head(EVENT_STREAM)));
        RunStop stop = new RunStop(Duration.ofMinutes(10), () -> 0L);
        CrazyrouterClient client = client(streakOf(2, stop), Limits.STREAM_IDLE_TIMEOUT, "200ms");

        assertThrows(AnswerBeyondLimits.class, () -> client.stream(chat()));
        assertThat(stop.stopped().isPresent(), is(false));
        assertThrows(AnswerBeyondLimits.class, () -> client.stream(chat()));

        RunStop.Stop stopped = stop.stopped().orElseThrow();
        assertThat(stopped.reason(), containsString("HTTP 200 but the stream never ended ×2"));
        assertThat(stopped.message(), allOf(containsString("sent nothing for 200 ms (crazyrouter.streamIdleTimeout)"), containsString("with a timeout"),
                not(containsString("no HTTP answer"))));
        assertThrows(RunStopped.class, () -> client.stream(chat()));
        assertThat("requests the stopped run sent", gateway.requests(), is(2));
    }

    @Test
    void aStreamThatEndsStartsTheCountOverAndOneAnswered503CountsAsSuch() throws Exception {
        AtomicInteger streams = new AtomicInteger();
        gateway = new ScriptedGateway(out -> {
            switch (streams.incrementAndGet()) {
                case 1 -> out.write(ScriptedGateway.head(EVENT_STREAM));
                // each answer in one write: the idle limit the first stream passes must not pass inside these
                case 2 -> {
                    out.write(together(ScriptedGateway.head(EVENT_STREAM), "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)));
                    out.close();
                }
                default -> out.write(together(ScriptedGateway.head(503, "application/json", 2), "{}".getBytes(StandardCharsets.US_ASCII)));
            }
        });
        RunStop stop = new RunStop(Duration.ofMinutes(10), () -> 0L);
        CrazyrouterClient client = client(streakOf(2, stop), Limits.STREAM_IDLE_TIMEOUT, NOT_PASSED);

        assertThrows(AnswerBeyondLimits.class, () -> client.stream(chat()));
        assertThat(client.stream(chat()).endsWithDone(), is(true));
        assertThat(client.stream(chat()).status(), is(503));
        assertThat(stop.stopped().isPresent(), is(false));
        client.stream(chat());

        assertThat(stop.stopped().orElseThrow().reason(), containsString("HTTP 503 ×2"));
    }

    private static byte[] together(byte[] head, byte[] body) {
        byte[] both = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, both, head.length, body.length);
        return both;
    }

    private static RequestBudget streakOf(int limit, RunStop stop) {
        return new RequestBudget(10, 1_000, RequestBudget.RETRIES_PER_RUN, stop, Optional.of(new FailureStreak(limit, stop)));
    }

    private OutgoingRequest chat() {
        return new OutgoingRequest("POST", gateway.url("/v1/chat/completions"),
                List.of(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN), new OutgoingRequest.Header("Content-Type", "application/json")),
                "{\"model\":\"gpt-5.4\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}");
    }

    /** A live client against the scripted gateway, with these limits (name, value, …) over the defaults. */
    private CrazyrouterClient client(String... limits) {
        return client(new RequestBudget(10, 1_000), limits);
    }

    private CrazyrouterClient client(RequestBudget budget, String... limits) {
        Map<String, String> properties = new HashMap<>(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString(),
                Settings.PROBE_MAX_TOKENS, "0"));
        for (int i = 0; i < limits.length; i += 2) {
            properties.put(limits[i], limits[i + 1]);
        }
        Settings settings = Settings.load(properties, Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), budget);
    }
}
