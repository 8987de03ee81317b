package com.crazyrouter.coze.models;

import static com.crazyrouter.coze.models.CannedProbeGateway.completion;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.run.RunStopped;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The capability probe's cells other than streaming, and a row's verdict when a probe is refused or gets no answer. */
class CapabilityProbeTest {
    private static final String MODEL = CannedProbeGateway.MODEL;
    private static final String ROUTE = "chat completions";
    private static final String PLAIN = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";

    /** What a reasoning model answers when its output limit ran out while it reasoned: no text, finish_reason "length". */
    private static final String REASONED_AWAY = "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"gpt-5.4\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":11,"
            + "\"completion_tokens\":16,\"total_tokens\":27,\"completion_tokens_details\":{\"reasoning_tokens\":16}}}";

    private final CannedProbeGateway gateway = new CannedProbeGateway();
    private final CapabilityProbe probe = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream);

    @Test
    void aModelThatDoesEverythingPassesEveryCell() {
        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::capability).toList(), contains(Capability.PLAIN_REPLY, Capability.NAMES_MODEL, Capability.USAGE,
                Capability.SYSTEM_MESSAGE, Capability.MAX_TOKENS, Capability.STREAMING, Capability.JSON_MODE));
        assertThat(cells.stream().map(Cell::verdict).toList(), everyItem(equalTo(Cell.Verdict.PASS)));
        assertThat(cells.stream().map(Cell::model).distinct().toList(), contains(MODEL));
        assertThat(cells.stream().map(Cell::route).distinct().toList(), contains(ROUTE));
        assertThat(cell(cells, Capability.PLAIN_REPLY).evidence(), equalTo("replied \"OK\""));
        assertThat(cell(cells, Capability.STREAMING).evidence(), equalTo("5 chunks joined to \"OK\", ended with [DONE], usage in the last chunk"
                + "; a wrong key got the JSON 401 it gets without streaming; a model outside the allowlist got the JSON 403 it gets without streaming"));
    }

    @Test
    void eachProbeSendsOneSmallRequestAskingForOneThing() {
        probe.probe(MODEL, ROUTE, true, 1);

        assertThat(gateway.sent, contains(
                PLAIN,
                "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"system\",\"content\":\"Whatever the user says, reply only with the word PONG.\"},"
                        + "{\"role\":\"user\",\"content\":\"Reply only OK\"}]}",
                "{\"model\":\"gpt-5.4\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Count from 1 to 50, separated by spaces.\"}]}",
                "{\"model\":\"gpt-5.4\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}",
                "{\"model\":\"gpt-5.4\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}",
                "{\"model\":\"coze-contract-model-outside-the-allowlist\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}",
                "{\"model\":\"gpt-5.4\",\"response_format\":{\"type\":\"json_object\"},\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Reply with the JSON object {\\\"answer\\\": \\\"OK\\\"} and nothing else.\"}]}"));
    }

    @Test
    void tokensAreCountedOncePerRequest() {
        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cell(cells, Capability.PLAIN_REPLY).tokens(), equalTo(12));
        assertThat("they share the plain reply", cell(cells, Capability.NAMES_MODEL).tokens() + cell(cells, Capability.USAGE).tokens(), equalTo(0));
        assertThat(cell(cells, Capability.STREAMING).tokens(), equalTo(12));
    }

    @Test
    void aModelThatIgnoresTheSystemMessageFailsItWithWhatItReplied() {
        gateway.system = completion(MODEL, "OK", "stop", true);

        Cell system = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.SYSTEM_MESSAGE);

        assertThat(system.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(system.evidence(), equalTo("asked for PONG by the system message, replied \"OK\", not only PONG"));
    }

    @Test
    void aSystemMessageReplyThatOnlyMentionsPongFailsItAsTheMinimalTestsRuleReadsIt() {
        gateway.system = completion(MODEL, "I was told to say PONG, but: OK", "stop", true);

        Cell system = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.SYSTEM_MESSAGE);

        assertThat(system.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(system.evidence(), equalTo("asked for PONG by the system message, replied \"I was told to say PONG, but: OK\", not only PONG"));
    }

    @Test
    void pongInAnyCaseWithClosingPunctuationOrEmphasisPassesTheSystemMessage() {
        for (String reply : List.of("pong", "Pong.", "**PONG**", "\"PONG!\"", " PONG\n")) {
            gateway.system = completion(MODEL, reply, "stop", true);

            assertThat(reply, cell(probe.probe(MODEL, ROUTE, true, 1), Capability.SYSTEM_MESSAGE).verdict(), equalTo(Cell.Verdict.PASS));
        }
    }

    @Test
    void noTextAtTheProbesOwnLimitIsALimitTooSmallForAReasoningModelNotABrokenModel() {
        gateway.probeLimit = 16;
        gateway.plain = REASONED_AWAY;
        gateway.system = REASONED_AWAY;
        gateway.jsonMode = REASONED_AWAY;

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        for (Capability capability : List.of(Capability.PLAIN_REPLY, Capability.SYSTEM_MESSAGE, Capability.JSON_MODE)) {
            assertThat(capability.words(), cell(cells, capability).verdict(), equalTo(Cell.Verdict.NOT_CHECKED));
            assertThat(cell(cells, capability).evidence(), allOf(containsString("limit too small for a reasoning model"),
                    containsString("under the probe's max_tokens 16 (16 reasoning tokens in usage)"),
                    containsString("new-api's OpenAI channel forwards max_tokens to gpt-5.4 as max_completion_tokens"),
                    containsString("Raise crazyrouter.probeMaxTokens")));
        }
        assertThat("the same reply still names the model and reports usage", List.of(cell(cells, Capability.NAMES_MODEL).verdict(),
                cell(cells, Capability.USAGE).verdict()), everyItem(equalTo(Cell.Verdict.PASS)));
        assertThat(MatrixVerdict.of(MODEL, cells).failed(), hasSize(0));
        assertThat(MatrixVerdict.cutShort(cells).orElseThrow(), containsString("limit too small for a reasoning model"));
    }

    @Test
    void noTextAtLengthWithoutAnyLimitInTheRequestIsABrokenModel() {
        gateway.plain = REASONED_AWAY;

        Cell plain = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.PLAIN_REPLY);

        assertThat(plain.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(plain.evidence(), not(containsString("limit too small")));
    }

    @Test
    void noTextThatStoppedForAnotherReasonUnderALimitIsABrokenModel() {
        gateway.probeLimit = 16;
        gateway.plain = REASONED_AWAY.replace("\"length\"", "\"stop\"");

        assertThat(cell(probe.probe(MODEL, ROUTE, true, 1), Capability.PLAIN_REPLY).verdict(), equalTo(Cell.Verdict.FAIL));
    }

    @Test
    void aModelThatIgnoresMaxTokensFailsItWithTheFinishReason() {
        gateway.limited = completion(MODEL, "1 2 3 4 5 6 7 8 9 10", "stop", true);

        Cell limited = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.MAX_TOKENS);

        assertThat(limited.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(limited.evidence(), equalTo("max_tokens 1 gave finish_reason 'stop'"));
    }

    @Test
    void aReplyWithoutUsageFailsUsageOnly() {
        gateway.plain = completion(MODEL, "OK", "stop", false);

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cell(cells, Capability.USAGE).verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(cell(cells, Capability.USAGE).evidence(), equalTo("no usage in the reply"));
        assertThat(cell(cells, Capability.PLAIN_REPLY).verdict(), equalTo(Cell.Verdict.PASS));
    }

    @Test
    void aModelThatDoesNotClaimJsonModeIsNotAskedForIt() {
        List<Cell> cells = probe.probe(MODEL, ROUTE, false, 1);

        Cell jsonMode = cell(cells, Capability.JSON_MODE);
        assertThat(jsonMode.verdict(), equalTo(Cell.Verdict.NOT_SUPPORTED));
        assertThat(jsonMode.evidence(), equalTo("the model table says it does not claim JSON mode"));
        assertThat(gateway.sent, hasSize(6));
        assertThat(gateway.sent, everyItem(not(containsString("response_format"))));
    }

    @Test
    void aJsonModeReplyThatIsNotAnObjectFailsIt() {
        gateway.jsonMode = completion(MODEL, "Sure! {\"answer\": \"OK\"}", "stop", true);

        Cell jsonMode = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.JSON_MODE);

        assertThat(jsonMode.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(jsonMode.evidence(), equalTo("content Sure! {\"answer\": \"OK\"}"));
    }

    @Test
    void threeSamplesAddTwoLatencySamplesOfThePlainReply() {
        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 3);

        List<Cell> samples = cells.stream().filter(c -> c.verdict() == Cell.Verdict.LATENCY_SAMPLE).toList();
        assertThat(samples, hasSize(2));
        assertThat(samples.stream().map(Cell::capability).distinct().toList(), contains(Capability.PLAIN_REPLY));
        assertThat(cells, hasSize(9));
        assertThat(Collections.frequency(gateway.sent, PLAIN), equalTo(3));
    }

    @Test
    void aReplyFromAnotherModelFailsNamesModel() {
        gateway.plain = completion("gpt-4o-mini", "OK", "stop", true);

        Cell named = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.NAMES_MODEL);

        assertThat(named.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(named.evidence(), equalTo("the reply names model 'gpt-4o-mini', not gpt-5.4 or a dated snapshot of it"));
    }

    @Test
    void aSmallerVariantOfTheModelIsAnotherModel() {
        gateway.plain = completion(MODEL + "-mini", "OK", "stop", true);

        Cell named = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.NAMES_MODEL);

        assertThat(named.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(named.evidence(), equalTo("the reply names model 'gpt-5.4-mini', not gpt-5.4 or a dated snapshot of it"));
    }

    @Test
    void aDatedVersionOfTheModelNamesIt() {
        gateway.plain = completion(MODEL + "-2026-03-05", "OK", "stop", true);

        assertThat(cell(probe.probe(MODEL, ROUTE, true, 1), Capability.NAMES_MODEL).verdict(), equalTo(Cell.Verdict.PASS));
    }

    @Test
    void aRefusedRequestFailsThePlainReplyWithTheGatewaysAnswer() {
        gateway.plainStatus = 403;
        gateway.plain = "{\"error\":{\"message\":\"model gpt-5.4 is not allowed for this token\",\"type\":\"new_api_error\"}}";

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cell(cells, Capability.PLAIN_REPLY).verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(cell(cells, Capability.PLAIN_REPLY).evidence(),
                containsString("HTTP 403 (application/json): {\"error\":{\"message\":\"model gpt-5.4 is not allowed"));
    }

    @Test
    void aStreamWithoutAnAnswerFailsItsCellWithTheReasonAndTheRowStaysWithWhatPassed() {
        gateway.streamFails = new GatewayUnreachable("Crazyrouter gave no HTTP answer to POST http://127.0.0.1:1/v1/chat/completions: the stream "
                + "did not end within 60 s", CommonError.INTERMITTENT);

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::verdict).toList(), contains(Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS,
                Cell.Verdict.PASS, Cell.Verdict.FAIL, Cell.Verdict.NOT_CHECKED));
        assertThat(cell(cells, Capability.STREAMING).evidence(), containsString("the stream did not end within 60 s"));
        assertThat(cell(cells, Capability.JSON_MODE).evidence(), containsString("not checked: the streaming probe failed without an answer to judge"));
        assertThat("nothing more is sent for the row", gateway.sent.stream().filter(b -> b.contains("response_format")).toList(), hasSize(0));
        MatrixVerdict verdict = MatrixVerdict.of(MODEL, cells);
        assertThat(verdict.row(), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(MatrixVerdict.cutShort(cells), equalTo(Optional.empty()));
    }

    @Test
    void aStreamStoppedAtTheHarnesssLimitFailsItsCellAsTheStreamNeverEndedAndTheRowStays() {
        gateway.streamFails = AnswerBeyondLimits.streamWentSilent("POST http://127.0.0.1:1/v1/chat/completions", 200, Duration.ofSeconds(30), 0, 0);

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::verdict).toList(), contains(Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS,
                Cell.Verdict.PASS, Cell.Verdict.FAIL, Cell.Verdict.NOT_CHECKED));
        assertThat(cell(cells, Capability.STREAMING).evidence(), allOf(containsString("Crazyrouter answered 200"),
                containsString("sent nothing for 30 s (crazyrouter.streamIdleTimeout): the stream never ended"), not(containsString("no HTTP answer"))));
        assertThat(MatrixVerdict.of(MODEL, cells).row(), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    @Test
    void aProbeTheRunsRequestCapRefusesFailsItsCellAndTheRowStays() {
        gateway.jsonModeFails = new AssertionError("Request cap reached: this run may send at most 300 requests (crazyrouter.maxRequests)");

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::verdict).toList(), contains(Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS,
                Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.FAIL));
        assertThat(cell(cells, Capability.JSON_MODE).evidence(), containsString("Request cap reached"));
        assertThat(MatrixVerdict.of(MODEL, cells).failed(), hasSize(1));
    }

    @Test
    void aPlainReplyWithoutAnAnswerNamesItsOwnRowNotAModelThatIsGone() {
        gateway.plainFails = new GatewayUnreachable("Crazyrouter gave no HTTP answer to POST http://127.0.0.1:1/v1/chat/completions: connection "
                + "refused", CommonError.NOT_FOUND_URL);

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::verdict).toList(), contains(Cell.Verdict.FAIL, Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED,
                Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED));
        assertThat(gateway.sent, hasSize(1));
        MatrixVerdict verdict = MatrixVerdict.of(MODEL, cells);
        assertThat(verdict.row(), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(verdict.explanation(), not(containsString("renamed or retired")));
    }

    @Test
    void aProbeTheRunsStopRefusesLeavesItAndTheRestNotCheckedAndTheRowIsCutShort() {
        gateway.maxTokensFails = new RunStopped("Skipped: the run deadline of 10 min passed (crazyrouter.runDeadline); POST … was not sent.");

        List<Cell> cells = probe.probe(MODEL, ROUTE, true, 1);

        assertThat(cells.stream().map(Cell::verdict).toList(), contains(Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS, Cell.Verdict.PASS,
                Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED, Cell.Verdict.NOT_CHECKED));
        assertThat(MatrixVerdict.cutShort(cells), equalTo(Optional.of(gateway.maxTokensFails.getMessage())));
    }

    private static Cell cell(List<Cell> cells, Capability capability) {
        return cells.stream().filter(c -> c.capability() == capability && c.verdict() != Cell.Verdict.LATENCY_SAMPLE).findFirst().orElseThrow();
    }
}
