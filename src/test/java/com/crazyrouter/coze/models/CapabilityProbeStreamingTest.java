package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capability probe's streaming cell: deltas that join to OK pass (in any case, with punctuation); a stream without
 * [DONE], a line or chunk that is not a chat completion chunk, other deltas, or plain JSON instead of a stream fail.
 */
class CapabilityProbeStreamingTest {
    private static final String MODEL = CannedProbeGateway.MODEL;
    private static final String ROUTE = "chat completions";

    private final CannedProbeGateway gateway = new CannedProbeGateway();
    private final CapabilityProbe probe = new CapabilityProbe(gateway::render, gateway::send, gateway::stream);

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
        assertThat(streaming.evidence(), containsString("a data line is not JSON: upstream error"));
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
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("\"content\":\"O\"", "\"content\":\"\"").replace("\"content\":\"K\"", "\"content\":\"\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("the content deltas join to nothing"));
    }

    @Test
    void deltasThatJoinToSomethingElseThanTheAskedForOkFailStreaming() {
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("\"content\":\"O\"", "\"content\":\"Hel\"").replace("\"content\":\"K\"", "\"content\":\"lo\""))
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
        gateway.streamLines = gateway.streamLines.stream().map(l -> l.replace("\"content\":\"O\"", "\"content\":\"o\"").replace("\"content\":\"K\"", "\"content\":\"k.\""))
                .toList();

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.PASS));
        assertThat(streaming.evidence(), equalTo("5 chunks joined to \"ok.\", ended with [DONE], usage in the last chunk"));
    }

    @Test
    void aStreamAnsweredAsPlainJsonFailsStreamingWithStatusAndContentType() {
        gateway.streamStatus = 400;
        gateway.streamContentType = "application/json";

        Cell streaming = cell(probe.probe(MODEL, ROUTE, true, 1), Capability.STREAMING);

        assertThat(streaming.verdict(), equalTo(Cell.Verdict.FAIL));
        assertThat(streaming.evidence(), containsString("HTTP 400; Content-Type 'application/json' is not text/event-stream"));
    }

    private static Cell cell(List<Cell> cells, Capability capability) {
        return cells.stream().filter(c -> c.capability() == capability && c.verdict() != Cell.Verdict.LATENCY_SAMPLE).findFirst().orElseThrow();
    }
}
