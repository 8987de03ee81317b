package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.lessThan;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.coze.CozeNode;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.TokenLimits;
import com.crazyrouter.coze.gateway.TokenLog;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.report.Evidence;
import com.crazyrouter.coze.run.Tokens;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the API shows of the guide's Token Best Practices: spending limit, expiry, and the token's own log. */
public class TokenHygieneSteps {
    private static final Duration LOG_WINDOW = Duration.ofMinutes(5);
    private final CozeNode node;
    private final Tokens tokens;
    private TokenLimits limits;

    public TokenHygieneSteps(CozeNode node, Tokens tokens) {
        this.node = node;
        this.tokens = tokens;
    }

    @When("Coze's owner looks up the token's spending limit and expiry")
    public void lookUpSubscription() {
        GatewayReply reply = node.fetch("/v1/dashboard/billing/subscription");
        Optional<TokenLimits> shown = TokenLimits.from(reply);
        Assumptions.assumeTrue(shown.isPresent(), () -> "Skipped: this gateway shows the token no spending limit or expiry "
                + "(GET /v1/dashboard/billing/subscription answered " + reply.describe() + "). A person checks them in the token settings.");
        limits = shown.get();
        Evidence.attach("Token limits", "text/plain", limits.words());
    }

    @Then("the token has a spending limit")
    public void hasSpendingLimit() {
        assertThat("The guide: " + TokenPractice.SPENDING_LIMIT.words() + ". Set one in Crazyrouter's token settings. hard_limit_usd",
                limits.hardLimitUsd(), allOf(greaterThan(0d), lessThan(TokenLimits.UNLIMITED_USD)));
    }

    @Then("Crazyrouter shows when the token expires, or that it never does")
    public void showsExpiry() {
        assertThat("access_until should be a Unix time (0 = never expires): " + limits.subscription(), limits.accessUntil().numberType(),
                isOneOf(NumberType.INT, NumberType.LONG, NumberType.BIG_INTEGER));
    }

    @Then("the token's Crazyrouter log shows that {model} request")
    public void logShowsRequest(String model) throws InterruptedException {
        TokenLog.Lookup lookup = new TokenLog(node::fetch).find(tokens.require(TokenKind.DEDICATED), model, LOG_WINDOW);
        Assumptions.assumeTrue(lookup.unavailable().isEmpty(), () -> "Skipped: this gateway offers no token-scoped log to this key (GET /api/log/token "
                + "answered " + lookup.unavailable().orElse("") + "). A person checks Crazyrouter's usage log in the dashboard instead.");
        assertThat("The token's log should show a " + model + " request from the last " + LOG_WINDOW.toMinutes() + " minutes; otherwise "
                + "Crazyrouter did not log the request Coze sent (checklist 9). Models it logged then", lookup.recentModels(), hasItem(model));
    }
}
