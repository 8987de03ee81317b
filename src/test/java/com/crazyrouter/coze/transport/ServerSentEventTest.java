package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines read into events as the WHATWG HTML standard interprets an event stream, and what a streamed reply makes of them. */
class ServerSentEventTest {

    @Test
    void theDataLinesOfOneEventAreJoinedWithALineFeed() {
        assertThat(ServerSentEvent.of(List.of("data: {\"a\":", "data: 1}", "", "data: [DONE]", "")),
                contains(new ServerSentEvent("message", "{\"a\":\n1}"), new ServerSentEvent("message", "[DONE]")));
    }

    @Test
    void oneLeadingSpaceIsRemovedAndNoMore() {
        assertThat(ServerSentEvent.of(List.of("data:  two spaces ", "", "data:none", "", "data:", "")),
                contains(new ServerSentEvent("message", " two spaces "), new ServerSentEvent("message", "none"), new ServerSentEvent("message", "")));
    }

    @Test
    void commentsAndOtherFieldsAreSkippedAndTheEventFieldNamesTheType() {
        assertThat(ServerSentEvent.of(List.of(": PING", "id: 7", "retry: 10", "event: error", "data: x", "", ": PING", "")),
                contains(new ServerSentEvent("error", "x")));
    }

    @Test
    void anEventWithoutDataIsNoEventAndALineWithoutAColonIsAFieldName() {
        assertThat(ServerSentEvent.of(List.of("event: ping", "", "data", "")), contains(new ServerSentEvent("message", "")));
        assertThat(ServerSentEvent.of(List.of("", "", ": only comments", "")), is(empty()));
    }

    @Test
    void theLastEventIsKeptWithoutItsClosingBlankLineAndAByteOrderMarkIsDropped() {
        assertThat(ServerSentEvent.of(List.of("\uFEFFdata: 1", "", "data: [DONE]")),
                contains(new ServerSentEvent("message", "1"), new ServerSentEvent("message", "[DONE]")));
    }

    @Test
    void aStreamedReplyParsesEachEventOnceAndSetsItsErrorsApart() {
        StreamedReply reply = stream("data: {\"object\":\"chat.completion.chunk\",", "data: \"choices\":[]}", "",
                "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"upstream_error\"}}", "", "data: [DONE]", "");
        List<String> problems = new ArrayList<>();

        assertThat(reply.chunks(problems).size(), equalTo(1));
        assertThat(problems, is(empty()));
        assertThat(reply.upstreamErrors(), contains(new StreamedReply.UpstreamError(Optional.of("overloaded"), Optional.of("upstream_error"), 1)));
        assertThat(reply.endsWithDone(), is(true));
    }

    @Test
    void aChunkWithChoicesIsNoErrorEvenWithAnErrorMemberAndAnErrorEventMayBeText() {
        StreamedReply reply = stream("data: {\"choices\":[],\"error\":null}", "", "event: error", "data: upstream timed out", "");

        assertThat(reply.upstreamErrors(), contains(new StreamedReply.UpstreamError(Optional.of("upstream timed out"), Optional.empty(), 1)));
    }

    @Test
    void doneAfterTwoSpacesIsNotDone() {
        assertThat(stream("data:  [DONE]", "").endsWithDone(), is(false));
        assertThat(stream("data:[DONE]", "").endsWithDone(), is(true));
    }

    private static StreamedReply stream(String... lines) {
        return new StreamedReply(200, "text/event-stream", List.of(lines), Duration.ZERO, Optional.empty(), Duration.ZERO);
    }
}
