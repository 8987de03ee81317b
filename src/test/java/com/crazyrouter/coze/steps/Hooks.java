package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.report.AllureLabels;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.wiring.FailureReasons;
import com.crazyrouter.coze.wiring.RedRun;
import com.crazyrouter.coze.wiring.RunSlot;
import com.crazyrouter.coze.wiring.RunSummary;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The run's start and end, and what every scenario needs before and after its steps. */
public class Hooks {
    private final ScenarioState state;
    private final Settings settings;
    private final RunLedger ledger;
    private final GatewayUrl gateway;
    private final RunStop stop;

    public Hooks(ScenarioState state, Settings settings, RunLedger ledger, GatewayUrl gateway, RunStop stop) {
        this.state = state;
        this.settings = settings;
        this.ledger = ledger;
        this.gateway = gateway;
        this.stop = stop;
    }

    @BeforeAll
    public static void startRun() {
        RunSlot.open();
    }

    /** The summary, however the run went; a run that stopped early or checked nothing fails the build with one message. */
    @AfterAll
    public static void finishRun() {
        RunSlot.close().flatMap(RunSummary::publish).ifPresent(red -> {
            throw new RedRun(red);
        });
    }

    /** Once the run has stopped (its deadline, a gateway that stopped answering), what has not started is skipped, saying why. */
    @Before(order = 0)
    public void begin(Scenario scenario) {
        state.begin(scenario.getSourceTagNames());
        stop.check().ifPresent(why -> Assumptions.abort(why.notRun()));
    }

    @Before(value = "@stub-only", order = 1)
    public void stubOnly() {
        Assumptions.assumeTrue(settings.target().isStub(),
                "Skipped: this scenario needs the embedded stub gateway (it sets the gateway's state or reads its request log); it runs in `mvn verify`.");
    }

    @Before(value = "@live-only", order = 1)
    public void liveOnly() {
        Assumptions.assumeTrue(gateway.isPublicGateway(), "Skipped: only " + Settings.PUBLIC_BASE_URL + " itself can show this (the run's target is "
                + gateway + ", where a URL's scheme and host are the target's); it runs in `mvn verify -Plive` against production.");
    }

    /** A retry is never silent: a scenario that passed only after one is marked, in the console, the report and the summary. */
    @After(order = 10)
    public void markRetried(Scenario scenario) {
        if (state.retries() > 0 && !scenario.isFailed()) {
            String note = "passed after " + state.retries() + " retr" + (state.retries() == 1 ? "y" : "ies") + " — Coze would have failed here ("
                    + CommonError.INTERMITTENT.title() + ")";
            System.out.println("[retried] " + scenario.getName() + ": " + note);
            AllureLabels.markRetried(note);
            ledger.recordRetried(FailureReasons.location(scenario.getUri(), scenario.getLine()), scenario.getName(), note);
        }
    }

    @After
    public void recordResult(Scenario scenario) {
        ledger.record(new RunLedger.ScenarioResult(FailureReasons.location(scenario.getUri(), scenario.getLine()), scenario.getName(),
                List.copyOf(scenario.getSourceTagNames()), scenario.getStatus().name(), state.reportRoute(), state.reportModel(settings.modelsUnderTest())));
    }
}
