package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.report.Evidence;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the API shows of the guide's Token Best Practices: spending limit, expiry, and the token's own log. */
public class TokenHygieneSteps {
    /** new-api reports an unlimited token's hard limit as this many dollars. */
    private static final double UNLIMITED_USD = 100_000_000d;
    private static final long LOG_WINDOW_SECONDS = 300;
    private final ScenarioState state;
    private JsonNode subscription;

    public TokenHygieneSteps(ScenarioState state) {
        this.state = state;
    }

    @When("Coze's owner looks up the token's spending limit and expiry")
    public void lookUpSubscription() {
        GatewayReply reply = state.fetch("/v1/dashboard/billing/subscription");
        Optional<JsonNode> limits = reply.json().filter(j -> reply.status() == 200 && j.has("hard_limit_usd"));
        Assumptions.assumeTrue(limits.isPresent(), () -> "Skipped: this gateway shows the token no spending limit or expiry "
                + "(GET /v1/dashboard/billing/subscription answered " + reply.describe() + "). A person checks them in the token settings.");
        subscription = limits.get();
        long until = subscription.path("access_until").asLong(0);
        Evidence.attach("Token limits", "text/plain", "spending limit (hard_limit_usd): " + subscription.path("hard_limit_usd").asText()
                + "\nexpires (access_until): " + (until == 0 ? "never" : Instant.ofEpochSecond(until).toString()));
    }

    @Then("the token has a spending limit")
    public void hasSpendingLimit() {
        double limit = subscription.path("hard_limit_usd").asDouble(UNLIMITED_USD);
        assertThat("The guide: a spending limit is strongly recommended, because workflow loops and retries can multiply usage. "
                + "Set one in Crazyrouter's token settings. hard_limit_usd", limit, allOf(greaterThan(0d), lessThan(UNLIMITED_USD)));
    }

    @Then("Crazyrouter shows when the token expires, or that it never does")
    public void showsExpiry() {
        JsonNode until = subscription.path("access_until");
        assertThat("access_until should be a Unix time (0 = never expires): " + subscription, until.isIntegralNumber(), org.hamcrest.Matchers.is(true));
    }

    @Then("the token's Crazyrouter log shows that {model} request")
    public void logShowsRequest(String model) throws InterruptedException {
        String key = state.token(TokenKind.DEDICATED).reveal();
        long sentAt = Instant.now().getEpochSecond() - LOG_WINDOW_SECONDS;
        for (int look = 1; look <= 3; look++) {
            GatewayReply log = state.fetch("/api/log/token?key=" + key);
            Optional<JsonNode> entries = log.json().filter(j -> log.status() == 200 && j.path("success").asBoolean(false) && j.path("data").isArray())
                    .map(j -> j.path("data"));
            Assumptions.assumeTrue(entries.isPresent(), () -> "Skipped: this gateway offers no token-scoped log to this key (GET /api/log/token answered "
                    + log.describe() + "). A person checks Crazyrouter's usage log in the dashboard instead.");
            for (JsonNode entry : entries.get()) {
                if (model.equals(entry.path("model_name").asText()) && entry.path("created_at").asLong() >= sentAt) {
                    return;
                }
            }
            if (look < 3) {
                Thread.sleep(1000L * look); // a gateway may write the log entry just after it answers
            }
        }
        throw new AssertionError("The token's log has no " + model + " request from the last " + LOG_WINDOW_SECONDS / 60
                + " minutes: Crazyrouter did not log the request Coze sent (checklist 9).");
    }
}
