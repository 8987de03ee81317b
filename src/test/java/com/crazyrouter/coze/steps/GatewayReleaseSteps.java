package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.contract.ReleaseShape;
import com.crazyrouter.coze.contract.ReplyMatchers;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.java.en.Then;
import java.util.Optional;

/**
 * Where new-api's releases answer the same request differently and neither answer harms a Coze builder: the run says
 * which one this gateway gave (a step in the report, a line in the summary) and passes either way.
 */
public class GatewayReleaseSteps {
    private final ScenarioState state;
    private final CozeNode node;
    private final RunLedger ledger;

    public GatewayReleaseSteps(ScenarioState state, CozeNode node, RunLedger ledger) {
        this.state = state;
        this.node = node;
        this.ledger = ledger;
    }

    @Then("Crazyrouter accepts {string} or rejects the token, as its new-api release does, and the report says which")
    public void acceptedOrRejectedAsTheReleaseDoes(String typed) {
        Attempt attempt = state.lastAttempt();
        ContractViolation.assertThat("Expected Coze to send the header", attempt, ReplyMatchers.sentByCoze(), Optional.empty(), attempt.cozeShows());
        ReleaseShape shape = ReleaseShape.ofAuthorization(attempt.reply().orElseThrow(), attempt.model(), node.allowlist());
        shape.requireARelease(attempt);
        AllureSteps.step("Authorization typed as '" + typed + "': " + shape.words());
        ledger.releaseFact("Authorization typed as `" + typed + "`", shape.words());
    }
}
