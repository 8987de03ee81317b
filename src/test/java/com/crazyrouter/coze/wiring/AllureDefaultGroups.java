package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.OtherCheck;
import com.crazyrouter.coze.report.AllureLabels;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseStarted;
import java.util.List;
import java.util.Optional;

/**
 * Puts every scenario in the report's route → model grouping from its start, so one skipped before its first
 * request (e.g. a stub-only scenario in a live run) is grouped too; steps refine the groups once they know the
 * route and model. Cucumber makes plugins itself (not PicoContainer), so this one finds the run in the run slot.
 * Listed after Allure's own plugin in cucumber.plugin, so the test case exists when this runs.
 */
public class AllureDefaultGroups implements ConcurrentEventListener {
    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, event -> {
            List<String> tags = event.getTestCase().getTags();
            Optional<GuideLine> line = GuideLine.of(tags);
            AllureLabels.apply(ScenarioState.NO_ROUTE, ScenarioState.NO_MODEL, line.map(GuideLine::title).orElse(OtherCheck.NO_LINE),
                    RunSlot.running().map(run -> run.settings().target()).orElse(Target.STUB).label());
            AllureLabels.describe(line.map(GuideLine::explanation).orElse(""));
        });
    }
}
