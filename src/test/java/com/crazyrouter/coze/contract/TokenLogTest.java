package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenLogTest {
    private static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");
    private static final TokenLog.Sent WITH_ID = new TokenLog.Sent("gpt-5.4", Optional.of("20260301100000abc"), SENT);
    private static final TokenLog.Sent WITHOUT_ID = new TokenLog.Sent("gpt-5.4", Optional.empty(), SENT);

    @Test
    void whereTheLogShowsRequestIdsOnlyTheEntryWithThisRequestsIdIsIt() {
        TokenLog.Entry other = entry("gpt-5.4", SENT.plusSeconds(1), "20260301100001zzz");
        TokenLog.Entry it = entry("gpt-5.4", SENT.plusSeconds(1), "20260301100000abc");

        assertThat(TokenLog.match(List.of(other), WITH_ID).match(), equalTo(Optional.empty()));
        assertThat(TokenLog.match(List.of(other, it), WITH_ID).match(), equalTo(Optional.of(it)));
        assertThat(TokenLog.match(List.of(it), WITH_ID).matchedBy(), containsString("request id"));
    }

    @Test
    void whereTheLogShowsNoRequestIdsTheMatchIsByModelAndTimeAndSaysSo() {
        TokenLog.Entry older = entry("gpt-5.4", SENT.minus(Duration.ofHours(1)), null);
        TokenLog.Entry otherModel = entry("claude-sonnet-4-6", SENT.plusSeconds(1), null);
        TokenLog.Entry since = entry("gpt-5.4", SENT.plusSeconds(1), null);

        assertThat(TokenLog.match(List.of(otherModel, older), WITH_ID).match(), equalTo(Optional.empty()));
        TokenLog.Lookup byTime = TokenLog.match(List.of(otherModel, since, older), WITHOUT_ID);
        assertThat(byTime.match(), equalTo(Optional.of(since)));
        assertThat(byTime.matchedBy(), containsString("not that it is this one"));
        assertThat("the clocks may be a little apart", TokenLog.match(List.of(entry("gpt-5.4", SENT.minusSeconds(3), null)), WITHOUT_ID).match().isPresent(),
                is(true));
    }

    @Test
    void theKeyGoesInTheAuthorizationHeaderAndNeverInTheUrl() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        TokenLog log = new TokenLog((path, token) -> {
            paths.add(path);
            return new GatewayReply(new OutgoingRequest("GET", URI.create("http://127.0.0.1" + path), List.of(), null), 200, Map.of(),
                    "{\"success\":true,\"message\":\"\",\"data\":[{\"model_name\":\"gpt-5.4\",\"created_at\":" + SENT.getEpochSecond()
                            + ",\"request_id\":\"20260301100000abc\"}]}",
                    Duration.ZERO, Duration.ZERO);
        });

        TokenLog.Lookup lookup = log.find(new Secret("sk-testTokenLogKey000"), WITH_ID);

        assertThat(paths, equalTo(List.of("/api/log/token")));
        assertThat(lookup.match().isPresent(), is(true));
        assertThat(lookup.words(), not(containsString("testTokenLogKey")));
    }

    @Test
    void anEmptyLogIsTellingApartFromNoLog() throws InterruptedException {
        TokenLog empty = new TokenLog((path, token) -> reply(200, "{\"success\":true,\"message\":\"\",\"data\":[]}"), Duration.ofMillis(1));
        TokenLog none = new TokenLog((path, token) -> reply(200, "{\"success\":false,\"message\":\"invalid token\",\"data\":null}"));

        assertThat(empty.find(new Secret("sk-x"), WITH_ID).isEmptyLog(), is(true));
        TokenLog.Lookup unavailable = none.find(new Secret("sk-x"), WITH_ID);
        assertThat(unavailable.isEmptyLog(), is(false));
        assertThat(unavailable.unavailable().orElseThrow(), containsString("invalid token"));
    }

    private static GatewayReply reply(int status, String body) {
        return new GatewayReply(new OutgoingRequest("GET", URI.create("http://127.0.0.1/api/log/token"), List.of(), null), status,
                Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO);
    }

    private static TokenLog.Entry entry(String model, Instant at, String requestId) {
        return new TokenLog.Entry(model, at.getEpochSecond(), Optional.ofNullable(requestId));
    }
}
