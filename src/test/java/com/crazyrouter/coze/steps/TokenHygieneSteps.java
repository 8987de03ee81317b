package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.lessThan;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.coze.CozeNode;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.TokenLimits;
import com.crazyrouter.coze.gateway.TokenLog;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.report.Evidence;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.run.Tokens;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the API shows of the guide's Token Best Practices: spending limit, expiry, and the token's own log. */
public class TokenHygieneSteps {
    private final CozeNode node;
    private final Tokens tokens;
    private final ScenarioState state;
    private TokenLimits limits;
    private Instant started = Instant.now();

    public TokenHygieneSteps(CozeNode node, Tokens tokens, ScenarioState state) {
        this.node = node;
        this.tokens = tokens;
        this.state = state;
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

    /** The token log is matched by time where it shows no request ids: no request of this scenario is older than its start. */
    @Before("@checklist-9")
    public void noteTheStart() {
        started = Instant.now();
    }

    @Then("the token's Crazyrouter log shows that {model} request")
    public void logShowsRequest(String model) throws InterruptedException {
        TokenLog.Lookup lookup = new TokenLog(node::fetch).find(tokens.require(TokenKind.DEDICATED), TokenLog.Sent.of(model, state.lastReply(), started));
        Assumptions.assumeTrue(lookup.unavailable().isEmpty(), () -> "Skipped: this gateway offers no token-scoped log to this key (GET " + TokenLog.PATH
                + ", the key in the Authorization header, answered " + lookup.unavailable().orElse("") + "). A person checks Crazyrouter's usage log in the dashboard.");
        Assumptions.assumeFalse(lookup.isEmptyLog(), "Skipped: the token's log is empty although the token was just used, so this gateway logs no consumption "
                + "(new-api's LogConsumeEnabled is off) and its log cannot show the request. A person checks Crazyrouter's usage log in the dashboard.");
        Evidence.attach("The token's log", "text/plain", lookup.words());
        ContractViolation.assertThat("The token's log should list the request Coze just sent; otherwise Crazyrouter did not log it (checklist 9). "
                + lookup.words() + " The request is in the log", lookup.match().isPresent(), is(true), Optional.empty());
    }
}
