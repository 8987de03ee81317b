package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.crazyrouter.coze.contract.TokenLimits;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.transport.GatewayReply;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the API shows of the guide's Token Best Practices: the token's spending limit and expiry. */
public class TokenHygieneSteps {
    /** new-api's token-scoped figures, read with exactly "Bearer <key>" (docs/GATEWAY.md §8; no such route in v0.6.x): the token's own. */
    private static final String TOKEN_OWN_FIGURES = "/api/usage/token/";
    private final CozeNode node;
    private TokenLimits limits;
    private Instant askedAt;

    public TokenHygieneSteps(CozeNode node) {
        this.node = node;
    }

    @When("Coze's owner looks up the token's spending limit and expiry")
    public void lookUpSubscription() {
        askedAt = Instant.now();
        GatewayReply reply = node.fetch("/v1/dashboard/billing/subscription");
        Optional<TokenLimits> shown = TokenLimits.from(reply);
        Assumptions.assumeTrue(shown.isPresent(), () -> "Skipped: this gateway shows the token no spending limit or expiry "
                + "(GET /v1/dashboard/billing/subscription answered " + reply.describe() + "). A person checks them in the token settings.");
        limits = shown.get();
        AllureSteps.attach("Token limits", "text/plain", limits.words());
    }

    @Then("the token has a spending limit")
    public void hasSpendingLimit() {
        Optional<String> balance = accountBalanceShown(limits, node.fetch(TOKEN_OWN_FIGURES));
        Assumptions.assumeTrue(balance.isEmpty(), () -> "not checked: this gateway shows the account's balance, not the token's limit ("
                + balance.orElse("") + "). A person checks the limit in the token settings.");
        assertThat("The guide: " + TokenPractice.SPENDING_LIMIT.words() + ". Set one in Crazyrouter's token settings. hard_limit_usd",
                limits.hardLimitUsd(), allOf(greaterThan(0d), lessThan(TokenLimits.UNLIMITED_USD)));
    }

    /**
     * Whether the subscription's figures are the account's balance rather than the token's limit. new-api shows the token's
     * own figures there only while the operator shows token statistics (DisplayTokenStatEnabled, controller/billing.go
     * GetSubscription); otherwise hard_limit_usd is the account's balance and access_until is always 0, in the same shape.
     * The token's own figures (GET /api/usage/token/, read with the token) give it away where the two disagree: a token
     * without a limit shown a finite one, or a token that expires shown as never expiring. Without those figures, or where
     * they agree, this cannot tell (empty).
     */
    static Optional<String> accountBalanceShown(TokenLimits limits, GatewayReply tokenUsage) {
        Optional<JsonNode> own = tokenUsage.json().filter(j -> tokenUsage.status() == 200).map(j -> j.path("data"))
                .filter(data -> data.path("object").asText().equals("token_usage"));
        if (own.isEmpty()) {
            AllureSteps.step("Cannot tell whether these figures are the token's or the account's balance: " + TOKEN_OWN_FIGURES + " answered "
                    + tokenUsage.describe());
            return Optional.empty();
        }
        long expires = own.get().path("expires_at").asLong(0);
        if (own.get().path("unlimited_quota").asBoolean(false) && limits.hardLimitUsd() != TokenLimits.UNLIMITED_USD) {
            return Optional.of("hard_limit_usd " + limits.subscription().path("hard_limit_usd").asText() + ", while the token's own figures ("
                    + TOKEN_OWN_FIGURES + ") say unlimited_quota true: the token itself has no limit");
        }
        if (expires > 0 && limits.accessUntil().asLong(0) == 0) {
            return Optional.of("access_until 0 (never expires), while the token's own figures (" + TOKEN_OWN_FIGURES + ") say it expires at "
                    + Instant.ofEpochSecond(expires));
        }
        return Optional.empty();
    }

    /** 0 (never) or a Unix time in seconds that had not passed when the token was accepted (TokenLimits.expiryProblem). */
    @Then("Crazyrouter shows when the token expires, or that it never does")
    public void showsExpiry() {
        Optional<String> problem = limits.expiryProblem(askedAt);
        ContractViolation.assertThat("Crazyrouter should show when the Coze token expires (access_until, Unix seconds) or 0 when it never does; "
                + problem.orElse("") + ". Check the token's expiry in Crazyrouter's token settings. Subscription: " + limits.subscription(),
                problem, equalTo(Optional.empty()), Optional.empty());
        AllureSteps.step(
                "The token " + (limits.accessUntil().asLong() == 0 ? "never expires" : "expires at " + Instant.ofEpochSecond(limits.accessUntil().asLong())));
    }
}
