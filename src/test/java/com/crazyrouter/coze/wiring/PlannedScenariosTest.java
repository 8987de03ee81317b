package com.crazyrouter.coze.wiring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

/** The plan's count of scenarios, for the progress lines' "[ 12/101]". */
class PlannedScenariosTest {

    @Test
    void cucumberScenariosCountAlsoInsideASuiteAndOtherTestsDoNot() {
        UniqueId suite = UniqueId.forEngine("junit-platform-suite").append("suite", "com.crazyrouter.coze.ContractSuite");
        assertThat(PlannedScenarios.isScenario(test(suite.append("engine", "cucumber").append("feature", "smoke.feature").append("pickle", "4"))), is(true));
        assertThat(PlannedScenarios.isScenario(test(UniqueId.forEngine("cucumber").append("feature", "smoke.feature").append("pickle", "4"))), is(true));
        assertThat(PlannedScenarios.isScenario(test(UniqueId.forEngine("junit-jupiter").append("class", "SettingsTest").append("method", "m()"))), is(false));
    }

    @Test
    void aPlanToldInsideAnInProcessRunStaysWithThatRun() {
        OptionalLong outside = RunSlot.planned();
        OptionalLong inside = RunSlot.with(Settings.load(Map.of(Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()), Map.of()), () -> {
            RunSlot.plan(7);
            return RunSlot.planned();
        });
        assertThat(inside, is(OptionalLong.of(7)));
        assertThat(RunSlot.planned(), is(outside));
    }

    private static TestIdentifier test(UniqueId id) {
        return TestIdentifier.from(new AbstractTestDescriptor(id, "a test") {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }
}
