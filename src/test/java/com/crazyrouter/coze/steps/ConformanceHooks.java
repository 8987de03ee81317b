package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.OpenAiConformance;
import com.crazyrouter.coze.report.AllureConformance;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import java.util.List;

/** Each scenario's answers against OpenAI's schemas, filed under its route and model and shown in its report: report only. */
public class ConformanceHooks {
    private final ScenarioState state;
    private final Settings settings;
    private final OpenAiConformance conformance;

    public ConformanceHooks(ScenarioState state, Settings settings, RunLedger ledger) {
        this.state = state;
        this.settings = settings;
        this.conformance = ledger.conformance();
    }

    @Before(order = 0)
    public void forgetWhatCameBefore() {
        conformance.scenarioStarts();
    }

    @After(order = 5)
    public void fileTheDifferences() {
        List<OpenAiConformance.Difference> found = conformance.scenarioEnded(state.reportRoute(), state.reportModel(settings.modelsUnderTest()));
        if (!found.isEmpty()) {
            AllureConformance.show(found);
        }
    }
}
