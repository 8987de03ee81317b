package com.crazyrouter.coze.wiring;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Tells the run how many scenarios it will run, for the progress lines' "[ 12/101]": Cucumber's events name each
 * scenario only as it starts, while the JUnit plan holds them all, after every tag filter, before the first one runs.
 */
public class PlannedScenarios implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        RunSlot.plan(plan.countTestIdentifiers(PlannedScenarios::isScenario));
    }

    static boolean isScenario(TestIdentifier test) {
        return test.isTest() && test.getUniqueIdObject().getSegments().stream()
                .anyMatch(segment -> segment.getType().equals("engine") && segment.getValue().equals("cucumber"));
    }
}
