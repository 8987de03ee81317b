package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.transport.StreamedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The capability probe's streaming cell: deltas that join to OK pass (in any case, with punctuation); a stream without
 * [DONE], an event or chunk that is not a chat completion chunk, other deltas, an upstream error sent as an event, or
 * plain JSON instead of a stream fail; so does a stream on which a wrong key or a refused model is not refused with
 * new-api's JSON 401 or 403. Events are read as the spec reads them (transport/ServerSentEventTest).
 */
class CapabilityProbeStreamingTest {
    private static final String MODEL = CannedProbeGateway.MODEL;
    private static final String ROUTE = "chat completions";

    private static final String REFUSALS_HELD = "; a wrong key got the JSON 401 it gets without streaming; a model outside the allowlist got the JSON 403 it "
            + "gets without streaming";

    private final CannedProbeGateway gateway = new CannedProbeGateway();
    private CapabilityProbe probe = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream);

    @Test
    void aStreamWithoutDoneFailsStreamingNamingIt() {
        gateway.streamLines = gateway.streamLines.subList(0, gateway.streamLines.size() - 2);

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the stream does not end with data: [DONE]"));
    }

    @Test
    void aDataLineThatIsNotJsonFailsStreamingQuotingIt() {
        List<String> lines = new ArrayList<>(gateway.streamLines);
        lines.add(2, "data: upstream error");
        gateway.streamLines = lines;

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("an event's data is not JSON: upstream error"));
    }

    @Test
    void aChunkAStreamingClientCannotDecodeFailsStreamingSayingWhere() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("\"created\":1767225600", "\"created\":\"1767225600\"")).toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("a chunk breaks schemas/chat-completion-chunk.json (/created: "));
    }

    @Test
    void aChunkOfAnotherObjectFailsStreaming() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("chat.completion.chunk", "chat.completion")).toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("a chunk breaks schemas/chat-completion-chunk.json (/object: "));
    }

    @Test
    void deltasThatJoinToNothingFailStreaming() {
        gateway.streamLines = gateway.streamLines.stream()
                .map(l -> l.replace("\"content\":\"O\"", "\"content\":\"\"").replace("\"content\":\"K\"", "\"content\":\"\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the content deltas join to nothing"));
    }

    @Test
    void deltasThatJoinToSomethingElseThanTheAskedForOkFailStreaming() {
        gateway.streamLines = gateway.streamLines.stream()
                .map(l -> l.replace("\"content\":\"O\"", "\"content\":\"Hel\"").replace("\"content\":\"K\"", "\"content\":\"lo\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the content deltas join to \"Hello\", not to the OK the model was asked for"));
    }

    @Test
    void deltasThatStartWithOkAndGoOnFailStreaming() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("\"content\":\"K\"", "\"content\":\"K, here is a long essay\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the content deltas join to \"OK, here is a long essay\", not to the OK the model was asked for"));
    }

    @Test
    void deltasThatJoinToOkInAnyCaseAndWithPunctuationPassStreaming() {
        gateway.streamLines = gateway.streamLines.stream()
                .map(l -> l.replace("\"content\":\"O\"", "\"content\":\"o\"").replace("\"content\":\"K\"", "\"content\":\"k.\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.PASS));
        assertThat(streaming.evidence(), equalTo("5 chunks joined to \"ok.\", ended with [DONE], usage in the last chunk" + REFUSALS_HELD));
    }

    @Test
    void aStreamAnsweredAsPlainJsonFailsStreamingWithStatusAndContentType() {
        gateway.streamStatus = 400;
        gateway.streamContentType = "application/json";

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("HTTP 400; Content-Type 'application/json' is not text/event-stream"));
    }

    @Test
    void aChunkSplitOverTwoDataLinesOfOneEventIsJoinedAndPasses() {
        List<String> lines = new ArrayList<>(gateway.streamLines);
        lines.set(4, "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",");
        lines.add(5, "data: \"created\":1767225600,\"model\":\"gpt-5.4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"O\"},\"finish_reason\":null}]}");
        gateway.streamLines = lines;

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.evidence(), streaming.verdict(), equalTo(Cell.Verdict.PASS));
        assertThat(streaming.evidence(), startsWith("5 chunks joined to \"OK\""));
    }

    @Test
    void dataLinesWithoutTheBlankLineThatEndsAnEventAreOneEventAndSaidSo() {
        gateway.streamLines = gateway.streamLines.stream().filter(l -> !l.isEmpty()).toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("6 data: lines with no blank line between them are one event, as the spec reads an event stream"));
    }

    @Test
    void anErrorEventInTheMiddleOfTheStreamIsNamedAsAnUpstreamErrorWithItsMessage() {
        List<String> lines = new ArrayList<>(gateway.streamLines.subList(0, 6));
        lines.addAll(List.of("data: {\"error\":{\"message\":\"upstream overloaded\",\"type\":\"upstream_error\",\"code\":\"\"}}", ""));
        gateway.streamLines = lines;

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(),
                startsWith("an upstream error came as an event after 2 chunk(s) (\"upstream overloaded\", type upstream_error): the reply "
                        + "failed in the middle of the stream"));
        assertThat(streaming.evidence(), containsString("the stream does not end with data: [DONE]"));
        assertThat(streaming.evidence(), not(containsString("breaks schemas/chat-completion-chunk.json")));
    }

    @Test
    void doneAfterTwoSpacesIsNotDoneForAClientRemovesOneSpaceOnly() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.equals("data: [DONE]") ? "data:  [DONE]" : l).toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the stream does not end with data: [DONE] (its last event's data is \" [DONE]\": a client removes one "
                + "space after \"data:\", and no more)"));
    }

    @Test
    void dataWithoutASpaceAfterTheColonIsReadAsWell() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replaceFirst("^data: ", "data:")).toList();

        assertThat(cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING).verdict(), equalTo(Cell.Verdict.PASS));
    }

    @Test
    void aWrongKeyAnsweredWithA200StreamAndAnErrorEventFailsStreamingNamingIt() {
        gateway.wrongKeyAnswer = new StreamedReply(200, "text/event-stream",
                List.of("data: {\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\"}}",
                        "", "data: [DONE]", ""),
                Duration.ZERO, Optional.empty(), Duration.ZERO);

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), startsWith("a wrong key on a stream is not refused as without streaming: it got HTTP 200 and an event stream with the "
                + "refusal as an error event (\"Invalid token\", type new_api_error), not the JSON 401"));
    }

    @Test
    void aRefusedModelAnsweredWithAnHtmlPageFailsStreamingNamingIt() {
        gateway.refusedModelAnswer = new StreamedReply(403, "text/html", List.of("<html>Forbidden</html>"), Duration.ZERO, Optional.empty(), Duration.ZERO);

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), startsWith("a model outside the token's allowlist on a stream is not refused as without streaming: it got HTTP 403 "
                + "(text/html), 1 lines: <html>Forbidden</html>, not the JSON 403"));
    }

    @Test
    void theVerdictOnARefusalReadsNoWordsOfItsMessage() {
        gateway.wrongKeyAnswer = CannedProbeGateway.json(401, "{\"error\":{\"message\":\"无效的令牌\",\"type\":\"new_api_error\"}}");
        gateway.refusedModelAnswer = CannedProbeGateway.json(403, "{\"error\":{\"message\":\"该令牌无权访问模型 x\",\"type\":\"new_api_error\"}}");

        assertThat(cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING).verdict(), equalTo(Cell.Verdict.PASS));
    }

    @Test
    void withoutATokenThatHasAnAllowlistTheRefusedModelIsNotTriedAndThatIsSaid() {
        gateway.hasTokenWithAllowlist = false;
        probe = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream);

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.PASS));
        assertThat(streaming.evidence(), endsWith("; a wrong key got the JSON 401 it gets without streaming; a refused model not tried on a stream: no token "
                + "with a model allowlist at hand"));
        assertThat(gateway.sent.stream().filter(b -> b.contains("stream")).toList(), hasSize(2));
    }

    @Test
    void noRefusalIsSentWhenTheStreamItselfIsNoStream() {
        gateway.streamStatus = 502;
        gateway.streamContentType = "application/json";

        probe.probe(MODEL, ROUTE, true, 1);

        assertThat(gateway.sent.stream().filter(b -> b.contains("\"stream\":true")).toList(), hasSize(1));
    }

    @Test
    void deltasThatJoinToNothingAtTheProbesOwnLimitAreALimitTooSmallNotAFail() {
        gateway.probeLimit = 16;
        gateway.streamLines = gateway.streamLines.stream()
                .map(l -> l.replace("\"content\":\"O\"", "\"content\":\"\"").replace("\"content\":\"K\"", "\"content\":\"\"")
                        .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.NOT_CHECKED));
        assertThat(streaming.evidence(), allOf(startsWith("limit too small for a reasoning model: no text and finish_reason 'length' under the probe's "
                + "max_tokens 16"), endsWith(REFUSALS_HELD)));
    }

    private static Cell cell(List<Cell> cells, Capability capability) {
        return cells.stream().filter(c -> c.capability() == capability && c.verdict() != Cell.Verdict.LATENCY_SAMPLE).findFirst().orElseThrow();
    }
}
