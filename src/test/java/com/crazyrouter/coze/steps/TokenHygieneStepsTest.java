package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.contract.TokenLimits;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The spending-limit check tells the token's limit from the account's balance where new-api gives it away (the
 * subscription shows the balance when the operator hides token statistics), and says when it cannot tell.
 */
class TokenHygieneStepsTest {
    private static final String NEVER_EXPIRES_20_USD = "{\"object\":\"billing_subscription\",\"hard_limit_usd\":20,\"access_until\":0}";

    @Test
    void anUnlimitedTokenShownAFiniteLimitIsTheAccountsBalance() {
        Optional<String> balance = TokenHygieneSteps.accountBalanceShown(limits(NEVER_EXPIRES_20_USD), own(true, 0));

        assertThat(balance.orElseThrow(), containsString("unlimited_quota true: the token itself has no limit"));
    }

    @Test
    void aTokenThatExpiresShownAsNeverExpiringIsTheAccountsBalance() {
        Optional<String> balance = TokenHygieneSteps.accountBalanceShown(limits(NEVER_EXPIRES_20_USD), own(false, 1798761600));

        assertThat(balance.orElseThrow(), containsString("say it expires at 2027-01-01T00:00:00Z"));
    }

    @Test
    void figuresThatAgreeWithTheTokensOwnAreTheTokens() {
        String expiring = "{\"object\":\"billing_subscription\",\"hard_limit_usd\":20,\"access_until\":1798761600}";

        assertThat(TokenHygieneSteps.accountBalanceShown(limits(expiring), own(false, 1798761600)), equalTo(Optional.empty()));
        assertThat(TokenHygieneSteps.accountBalanceShown(limits("{\"hard_limit_usd\":100000000,\"access_until\":0}"), own(true, 0)),
                equalTo(Optional.empty()));
    }

    @Test
    void withoutTheTokensOwnFiguresItCannotTell() {
        GatewayReply notOffered = reply(404, "{\"error\":{\"message\":\"Invalid URL (GET /api/usage/token/)\",\"type\":\"invalid_request_error\"}}");

        assertThat(TokenHygieneSteps.accountBalanceShown(limits(NEVER_EXPIRES_20_USD), notOffered), equalTo(Optional.empty()));
    }

    private static TokenLimits limits(String subscription) {
        return new TokenLimits(Json.parse(subscription).orElseThrow());
    }

    /** GET /api/usage/token/ as new-api answers it (controller/token.go, GetTokenUsage). */
    private static GatewayReply own(boolean unlimited, long expiresAt) {
        return reply(200, "{\"code\":true,\"message\":\"ok\",\"data\":{\"object\":\"token_usage\",\"name\":\"coze\",\"total_granted\":10000000,"
                + "\"total_used\":0,\"total_available\":10000000,\"unlimited_quota\":" + unlimited + ",\"model_limits\":{},"
                + "\"model_limits_enabled\":false,\"expires_at\":" + expiresAt + "}}");
    }

    private static GatewayReply reply(int status, String body) {
        OutgoingRequest request = new OutgoingRequest("GET", URI.create("http://127.0.0.1:9/api/usage/token/"), List.of(), null);
        return new GatewayReply(request, status, Map.of("Content-Type", "application/json"), body, Duration.ofMillis(1), Duration.ofMillis(2));
    }
}
