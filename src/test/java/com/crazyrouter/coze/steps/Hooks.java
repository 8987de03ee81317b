package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.Harness;
import com.crazyrouter.coze.report.FailureReasons;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.report.RunSummary;
import java.util.List;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import org.junit.jupiter.api.Assumptions;

/** The run's start and end, and what every scenario needs before and after its steps. */
public class Hooks {
    private final ScenarioState state;

    public Hooks(ScenarioState state) {
        this.state = state;
    }

    @BeforeAll
    public static void startRun() {
        Harness.start();
    }

    @AfterAll
    public static void finishRun() {
        Harness.finish().ifPresent(RunSummary::publish);
    }

    @After
    public void recordResult(Scenario scenario) {
        state.harness().ledger().record(new RunLedger.ScenarioResult(FailureReasons.location(scenario.getUri(), scenario.getLine()), scenario.getName(), List.copyOf(scenario.getSourceTagNames()),
                scenario.getStatus().name(), state.reportRoute(), state.reportModel()));
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        state.begin(scenario.getSourceTagNames());
    }

    @Before(value = "@stub-only", order = 1)
    public void stubOnly() {
        Assumptions.assumeTrue(state.harness().stub().isPresent(),
                "Skipped: this scenario needs the embedded stub gateway (it sets the gateway's state or reads its request log); it runs in `mvn verify`.");
    }
}
