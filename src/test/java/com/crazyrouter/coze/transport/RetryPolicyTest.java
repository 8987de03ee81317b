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
    /** An upstream's 503 passed on by new-api's relay: its OpenAIError struct, with param (v0.6.x service/error.go RelayErrorHandler). */
    private static final String BUSY = "{\"error\":{\"message\":\"upstream busy (request id: 1)\",\"type\":\"upstream_error\",\"param\":\"503\","
            + "\"code\":\"bad_response_status_code\"}}";

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

    /**
     * new-api's own 503 before relaying is Distribute's "no channel for the model" (docs/GATEWAY.md §4): an answer, not a
     * hiccup — with the newer release's code and English words, and as v0.6.x sends it, without a code and in Chinese.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":{\"code\":\"model_not_found\",\"message\":\"No available channel for model gpt-x under group default\","
            + "\"type\":\"new_api_error\"}}",
            "{\"error\":{\"message\":\"当前分组 default 下对于模型 gpt-x 无可用渠道 (request id: 1)\",\"type\":\"new_api_error\"}}",
            "{\"error\":{\"message\":\"busy\",\"type\":\"new_api_error\"}}"})
    void newApisOwn503BeforeRelayingIsNotRetriedWhateverItsWordsOrCode(String body) {
        assertThat(policy.shouldRetry(reply(503, Map.of(), body)), equalTo(false));
    }

    /** The words and code do not make a 503 an answer: an upstream's 503 passed on, or newer new-api's own load shedding, is retried. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":{\"message\":\"No available channel for model gpt-x\",\"type\":\"upstream_error\",\"param\":\"\","
            + "\"code\":\"model_not_found\"}}",
            "{\"error\":{\"message\":\"system cpu overloaded\",\"type\":\"new_api_error\",\"param\":\"\",\"code\":\"system_cpu_overloaded\"}}",
            "<html>503 Service Unavailable</html>"})
    void a503FromTheRelayOrAnotherServerIsRetried(String body) {
        assertThat(policy.shouldRetry(reply(503, Map.of(), body)), equalTo(true));
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
