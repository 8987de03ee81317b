package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.models.CozeMinimalRequests;
import com.crazyrouter.coze.models.IntermittentProbe;
import com.crazyrouter.coze.models.Sampler;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.model.Status;
import org.junit.jupiter.api.Assumptions;

/** Common Errors 6 in every run: a few minimal tests in a row (models/IntermittentProbe). */
public class IntermittentProbeSteps {
    private final CozeMinimalRequests requests;
    private final ScenarioState state;
    private final RunLedger ledger;
    private IntermittentProbe probe;

    public IntermittentProbeSteps(CozeMinimalRequests requests, ScenarioState state, RunLedger ledger) {
        this.requests = requests;
        this.state = state;
        this.ledger = ledger;
    }

    @When("the workflow HTTP node runs the minimal test with {model} a few times, one after another")
    public void probe(String model) {
        Assumptions.assumeTrue(requests.whyNot(model).isEmpty(), () -> "Skipped: " + requests.whyNot(model).orElse(""));
        Assumptions.assumeTrue(requests.requestsLeft() >= IntermittentProbe.REQUESTS, () -> "Skipped: the probe needs " + IntermittentProbe.REQUESTS
                + " requests and the run's request cap leaves " + requests.requestsLeft() + " (crazyrouter.maxRequests)");
        state.addressed(Route.WORKFLOW.title(), model);
        probe = new IntermittentProbe(new Sampler(requests, IntermittentProbe.REQUESTS, 1).oneAfterAnother(model, Route.WORKFLOW));
        AllureSteps.step(probe.words(), probe.failure().isEmpty() ? Status.PASSED : Status.FAILED);
        ledger.note(IntermittentProbe.TITLE, probe.markdown());
    }

    @Then("every one gets a chat reply, and the report shows p50, p95 and the headroom against Coze's timeouts")
    public void everyOneGetsAChatReply() {
        probe.failure().ifPresent(message -> {
            throw new ContractViolation(message, probe.finding(), probe.row().stats().cozeShows());
        });
    }
}
