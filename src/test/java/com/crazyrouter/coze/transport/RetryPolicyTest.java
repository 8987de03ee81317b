package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final OutgoingRequest REQUEST = new OutgoingRequest("POST", URI.create("http://127.0.0.1:1/v1/chat/completions"),
            List.of(new OutgoingRequest.Header("Content-Type", "application/json")), "{\"model\":\"gpt-5.4\"}");
    private static final String BUSY = "{\"error\":{\"message\":\"upstream busy (request id: 1)\",\"type\":\"new_api_error\",\"code\":\"\"}}";

    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofSeconds(10));

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void aRateLimitOrATransientGatewayErrorIsRetried(int status) {
        assertThat(policy.shouldRetry(reply(status, Map.of(), BUSY)), equalTo(true));
    }

    @Test
    void aBusy503WithoutABodyIsRetried() {
        assertThat(policy.shouldRetry(reply(503, Map.of(), "")), equalTo(true));
    }

    @Test
    void a503WhoseCodeIsModelNotFoundIsNotRetried() {
        String body = "{\"error\":{\"message\":\"busy\",\"type\":\"new_api_error\",\"code\":\"model_not_found\"}}";
        assertThat(policy.shouldRetry(reply(503, Map.of(), body)), equalTo(false));
    }

    @Test
    void a503WhoseMessageSaysNoAvailableChannelIsNotRetried() {
        String body = "{\"error\":{\"message\":\"No available channel for model gpt-x under group default (request id: 1)\",\"type\":\"new_api_error\"}}";
        assertThat(policy.shouldRetry(reply(503, Map.of(), body)), equalTo(false));
    }

    @Test
    void a503WhoseMessageSaysNotFoundIsNotRetried() {
        String body = "{\"error\":{\"message\":\"model gpt-x Not Found\",\"type\":\"new_api_error\",\"code\":\"\"}}";
        assertThat(policy.shouldRetry(reply(503, Map.of(), body)), equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 413, 500})
    void anyOtherAnswerIsNotRetried(int status) {
        GatewayReply reply = reply(status, Map.of("Retry-After", "1"), BUSY);
        assertThat(policy.shouldRetry(reply), equalTo(false));
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.empty()));
        assertThat(policy.next(1, reply).notRetried(), equalTo(Optional.empty()));
    }

    @Test
    void theWaitIsTheOneRetryAfterAsksFor() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "3"), BUSY);
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(3))));
        assertThat(policy.next(2, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void withoutRetryAfterTheWaitGrowsByASecondPerRetry() {
        GatewayReply reply = reply(502, Map.of(), "");
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(1))));
        assertThat(policy.next(2, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(2))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 21 Oct 2026 07:28:03 GMT", "Wednesday, 21-Oct-26 07:28:03 GMT", "Wed Oct 21 07:28:03 2026"})
    void aRetryAfterThatIsAnHttpDateIsTheWaitUntilThenFromTheReplysOwnDate(String due) {
        GatewayReply reply = reply(503, Map.of("Retry-After", due, "Date", "Wed, 21 Oct 2026 07:28:00 GMT"), BUSY);
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void aRetryAfterDateWithoutTheRepliesDateCountsFromNow() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:05 GMT"), BUSY);
        assertThat(reply.retryAfter(Instant.parse("2026-10-21T07:28:00Z")), equalTo(Optional.of(Duration.ofSeconds(5))));
    }

    @Test
    void aRetryAfterDateAlreadyPastIsNoWait() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "Wed, 21 Oct 2026 07:27:00 GMT", "Date", "Wed, 21 Oct 2026 07:28:00 GMT"), BUSY);
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ZERO)));
    }

    @Test
    void aRetryAfterDateFarAheadMeansNoRetryAndSaysSo() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "Wed, 21 Oct 2026 08:28:00 GMT", "Date", "Wed, 21 Oct 2026 07:28:00 GMT"), BUSY);
        assertThat(policy.next(1, reply).notRetried(), equalTo(Optional.of(
                "Crazyrouter asked to wait 3600 s (Retry-After), longer than crazyrouter.longestRetryWait=10s: not retried")));
    }

    @Test
    void aRetryAfterThatIsNeitherSecondsNorADateIsTreatedAsAbsent() {
        GatewayReply reply = reply(503, Map.of("Retry-After", "soon"), BUSY);
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(1))));
        assertThat(reply(503, Map.of("Retry-After", "-3"), BUSY).retryAfter(), equalTo(Optional.empty()));
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitMeansNoRetryAndSaysSo() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "3600"), BUSY);
        assertThat(policy.shouldRetry(reply), equalTo(true));
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.empty()));
        assertThat(policy.next(1, reply).notRetried(), equalTo(Optional.of(
                "Crazyrouter asked to wait 3600 s (Retry-After), longer than crazyrouter.longestRetryWait=10s: not retried")));
    }

    @Test
    void aRetryAfterOfExactlyTheLongestWaitIsHonoured() {
        GatewayReply reply = reply(429, Map.of("Retry-After", "10"), BUSY);
        assertThat(policy.next(1, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(10))));
    }

    @Test
    void aBackOffLongerThanTheLongestWaitMeansNoRetry() {
        RetryPolicy patient = new RetryPolicy(5, Duration.ofSeconds(2));
        GatewayReply reply = reply(504, Map.of(), "");
        assertThat(patient.next(2, reply).delay(), equalTo(Optional.of(Duration.ofSeconds(2))));
        assertThat(patient.next(3, reply).delay(), equalTo(Optional.empty()));
        assertThat(patient.next(3, reply).notRetried(), equalTo(Optional.of(
                "the back-off before retry 3 is 3 s, longer than crazyrouter.longestRetryWait=2s: not retried")));
    }

    @Test
    void noRetryOnceTheRetriesAreUsedUp() {
        GatewayReply reply = reply(429, Map.of(), BUSY);
        assertThat(policy.next(3, reply).delay(), equalTo(Optional.empty()));
        assertThat(new RetryPolicy(0, Duration.ofSeconds(10)).next(1, reply).delay(), equalTo(Optional.empty()));
        assertThat("retries used up, or none asked for, are no news", policy.next(3, reply).notRetried(), equalTo(Optional.empty()));
    }

    private static GatewayReply reply(int status, Map<String, String> headers, String body) {
        return new GatewayReply(REQUEST, status, headers, body, Duration.ZERO, Duration.ZERO);
    }
}
