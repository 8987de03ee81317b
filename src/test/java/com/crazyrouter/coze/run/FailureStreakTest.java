package com.crazyrouter.coze.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway that stopped answering stops the run, with one message; one that answers, even with an error, does not. */
class FailureStreakTest {
    private static final String CHAT = "POST https://crazyrouter.com/v1/chat/completions";
    private static final String MODEL_NOT_FOUND = "{\"error\":{\"message\":\"No available channel for model gpt-x\",\"type\":\"new_api_error\",\"code\":\"model_not_found\"}}";
    private final RunStop stop = new RunStop(Duration.ofMinutes(10), () -> 0L);
    private final FailureStreak streak = new FailureStreak(3, stop);

    @Test
    void threeChatRequestsInARowWithoutAUsableAnswerStopTheRunWithOneMessage() {
        assertThat(streak.answered(CHAT, reply(503, "")), is(false));
        assertThat(streak.answered(CHAT, reply(429, "")), is(false));
        assertThat(streak.answered(CHAT, reply(503, "")), is(true));

        RunStop.Stop stopped = stop.stopped().orElseThrow();
        assertThat(stopped.reason(), equalTo("Crazyrouter stopped answering (3 chat requests in a row without a usable answer: HTTP 503 ×2, "
                + "HTTP 429 ×1; crazyrouter.stopAfterFailures=3)"));
        assertThat(stopped.message(), allOf(containsString("the last " + CHAT), containsString("What Coze shows:"),
                containsString("Coze never retries on a status"), containsString(CommonError.INTERMITTENT.advice())));
    }

    @Test
    void anyUsableAnswerStartsTheCountOver() {
        streak.answered(CHAT, reply(502, ""));
        streak.answered(CHAT, reply(504, ""));
        streak.answered(CHAT, reply(401, "{\"error\":{\"message\":\"Invalid token\"}}"));
        streak.answered(CHAT, reply(500, ""));
        streak.answered(CHAT, reply(503, MODEL_NOT_FOUND));
        streak.answered(CHAT, reply(429, ""));

        assertThat(streak.answered(CHAT, reply(429, "")), is(false));
        assertThat(stop.stopped().isPresent(), is(false));
    }

    @Test
    void aGatewayThatCannotBeReachedPointsAtTheUrlRowAndSaysWhatHappened() {
        GatewayUnreachable refused = new GatewayUnreachable("Crazyrouter gave no HTTP answer to " + CHAT + ": connection refused: nothing listens "
                + "at that address. Check the URL and that the gateway is up; " + CommonError.NOT_FOUND_URL.advice(), CommonError.NOT_FOUND_URL);
        streak.unanswered(CHAT, refused);
        streak.unanswered(CHAT, refused);
        streak.unanswered(CHAT, refused);

        RunStop.Stop stopped = stop.stopped().orElseThrow();
        assertThat(stopped.reason(), containsString("no HTTP answer ×3"));
        assertThat(stopped.message(), allOf(containsString("connection refused: nothing listens at that address. Check the URL and that the gateway is up)."),
                containsString("transport error"),
                containsString(CommonError.NOT_FOUND_URL.advice())));
        assertThat("the row is quoted once", stopped.message().split(java.util.regex.Pattern.quote(CommonError.NOT_FOUND_URL.citation()), -1).length,
                equalTo(2));
    }

    @Test
    void anAnswerStoppedAtALimitIsCountedAsWhatItWasNeverAsNoAnswer() {
        streak.unanswered(CHAT, AnswerBeyondLimits.streamWentSilent(CHAT, 200, Duration.ofSeconds(30), 0, 0));
        streak.unanswered(CHAT, AnswerBeyondLimits.bodyTooSlow(CHAT, 200, Duration.ofSeconds(60), 12));
        streak.unanswered(CHAT, AnswerBeyondLimits.bodyTooSlow(CHAT, 200, Duration.ofSeconds(60), 40));

        RunStop.Stop stopped = stop.stopped().orElseThrow();
        assertThat(stopped.reason(), containsString("HTTP 200 but the stream never ended ×1, HTTP 200 but the body did not end within 60 s ×2"));
        assertThat(stopped.message(), allOf(containsString("the last " + CHAT + " (Crazyrouter answered 200 to " + CHAT + ", but the reply body did not end"
                + " within 60 s (crazyrouter.requestTimeout, the whole exchange); the harness stopped reading after 40 bytes)"),
                containsString("with a timeout once the workflow node's own retries are spent"), not(containsString("no HTTP answer")),
                not(containsString("A Coze node reads an answer to its end"))));
    }

    @Test
    void answersLargerThanTheCapSayWhatCozeWouldMakeOfThemIsNotChecked() {
        List.of(1, 2, 3).forEach(i -> streak.unanswered(CHAT, AnswerBeyondLimits.bodyTooLarge(CHAT, 200, 10 * 1024 * 1024)));

        RunStop.Stop stopped = stop.stopped().orElseThrow();
        assertThat(stopped.reason(), containsString("HTTP 200 but the body is larger than 10 MB ×3"));
        assertThat(stopped.message(), allOf(containsString("What Coze shows: not checked: Coze reads a reply of any size"),
                not(containsString("fails the same way now"))));
    }

    @Test
    void aStopIsReportedOnceEvenIfMoreFailuresFollow() {
        List.of(1, 2, 3).forEach(i -> streak.answered(CHAT, reply(503, "")));

        assertThat(List.of(1, 2, 3).stream().map(i -> streak.answered(CHAT, reply(503, ""))).toList(), equalTo(List.of(false, false, false)));
    }

    private static GatewayReply reply(int status, String body) {
        return new GatewayReply(new OutgoingRequest("POST", URI.create("https://crazyrouter.com/v1/chat/completions"), List.of(), "{}"), status,
                Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO);
    }
}
