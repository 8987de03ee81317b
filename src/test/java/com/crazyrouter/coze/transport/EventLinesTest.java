package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stream's bytes as lines, however the pieces fall and whichever line break the gateway uses, never more than the cap. */
class EventLinesTest {

    @Test
    void aCarriageReturnAndLineFeedSplitAcrossTwoPiecesIsOneLineBreak() {
        EventLines lines = new EventLines(1_000);

        assertThat(lines.feed(bytes("data: 1\r")), contains("data: 1"));
        assertThat(lines.feed(bytes("\ndata: 2\n")), contains("data: 2"));
    }

    @Test
    void aCharacterSplitAcrossTwoPiecesIsDecodedWhole() {
        byte[] word = bytes("data: 你好\n");
        EventLines lines = new EventLines(1_000);

        assertThat(lines.feed(Arrays.copyOfRange(word, 0, 8)), is(empty()));
        assertThat(lines.feed(Arrays.copyOfRange(word, 8, word.length)), contains("data: 你好"));
    }

    @Test
    void theLastLineWithoutALineBreakIsKept() {
        EventLines lines = new EventLines(1_000);
        lines.feed(bytes("data: [DONE]"));

        assertThat(lines.rest(), equalTo(Optional.of("data: [DONE]")));
    }

    @Test
    void bytesPastTheCapAreNotKeptEvenInOneEndlessLine() {
        EventLines lines = new EventLines(10);

        assertThat(lines.feed(bytes("x".repeat(25))), is(empty()));
        assertThat(lines.full(), is(true));
        assertThat(lines.bytes(), is(10L));
        assertThat(lines.rest(), equalTo(Optional.of("x".repeat(10))));
    }

    @Test
    void linesEndedAnyWayReadAsTheEventsTheStandardMakesOfThem() {
        EventLines lines = new EventLines(1_000);
        java.util.List<String> read = new java.util.ArrayList<>(lines.feed(bytes("data: {\"a\":\r\ndata:  1}\r\n\r\n: PING\rdata:[DONE]\n\n")));

        assertThat(ServerSentEvent.of(read), contains(new ServerSentEvent("message", "{\"a\":\n 1}"), new ServerSentEvent("message", "[DONE]")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
