package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.text.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** access_until says when the token expires (Unix seconds) or that it never does (0); anything else does not. */
class TokenLimitsTest {
    private static final Instant ASKED = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void neverOrAFutureTimeInSecondsSaysWhenTheTokenExpires() {
        assertThat(limits("0").expiryProblem(ASKED), equalTo(Optional.empty()));
        assertThat(limits("1798761600").expiryProblem(ASKED), equalTo(Optional.empty())); // 2027-01-01
        assertThat(limits(String.valueOf(ASKED.minusSeconds(60).getEpochSecond())).expiryProblem(ASKED), equalTo(Optional.empty())); // clocks differ a little
    }

    @Test
    void aTimeInMillisecondsIsNoExpiry() {
        assertThat(limits("1798761600000").expiryProblem(ASKED).orElseThrow(), containsString("after the year 2200 (a time in milliseconds?)"));
    }

    @Test
    void aTimeThatHadPassedWhenTheTokenWasAcceptedIsNoExpiry() {
        assertThat(limits("1000000000").expiryProblem(ASKED).orElseThrow(), containsString("had passed when the token was accepted"));
    }

    @Test
    void anythingButAWholeNumberIsNoExpiry() {
        assertThat(limits("-1").expiryProblem(ASKED).orElseThrow(), containsString("negative"));
        assertThat(limits("\"2027-01-01\"").expiryProblem(ASKED).orElseThrow(), containsString("not a Unix time in seconds"));
        assertThat(limits("1798761600.5").expiryProblem(ASKED).orElseThrow(), containsString("not a Unix time in seconds"));
        assertThat(new TokenLimits(Json.parse("{\"hard_limit_usd\":20}").orElseThrow()).expiryProblem(ASKED).orElseThrow(), containsString("missing"));
    }

    private static TokenLimits limits(String accessUntil) {
        return new TokenLimits(Json.parse("{\"object\":\"billing_subscription\",\"hard_limit_usd\":20,\"access_until\":" + accessUntil + "}").orElseThrow());
    }
}
