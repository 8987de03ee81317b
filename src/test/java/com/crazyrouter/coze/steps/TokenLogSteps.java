package com.crazyrouter.coze.steps;

import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.TokenLog;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.run.Tokens;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Checklist 9 where an API can show it: the token's own usage log (new-api's GET /api/log/token) lists the request Coze sent. */
public class TokenLogSteps {
    private final CozeNode node;
    private final Tokens tokens;
    private final ScenarioState state;
    private Instant started = Instant.now();

    public TokenLogSteps(CozeNode node, Tokens tokens, ScenarioState state) {
        this.node = node;
        this.tokens = tokens;
        this.state = state;
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
                + ", the key in the Authorization header, answered " + lookup.unavailable().orElse("")
                + "). A person checks Crazyrouter's usage log in the dashboard.");
        Assumptions.assumeFalse(lookup.isEmptyLog(), "Skipped: the token's log is empty although the token was just used, so this gateway logs no consumption "
                + "(new-api's LogConsumeEnabled is off) and its log cannot show the request. A person checks Crazyrouter's usage log in the dashboard.");
        AllureSteps.attach("The token's log", "text/plain", lookup.words());
        ContractViolation.assertThat("The token's log should list the request Coze just sent; otherwise Crazyrouter did not log it (checklist 9). "
                + lookup.words() + " The request is in the log", lookup.match().isPresent(), is(true), Optional.empty());
    }
}
