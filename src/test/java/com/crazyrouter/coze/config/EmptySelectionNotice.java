package com.crazyrouter.coze.config;

import java.util.Optional;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says in plain words when -Dcucumber.filter.tags selects no scenario, before JUnit's terse "did not discover any
 * tests" fails the run: a tag selection that matches nothing must never look like a green run.
 */
public class EmptySelectionNotice implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        message(Settings.tagSelection(), plan.countTestIdentifiers(TestIdentifier::isTest))
                .ifPresent(System.err::println);
    }

    static Optional<String> message(String selection, long selectedTests) {
        if (selection.isBlank() || selectedTests > 0) {
            return Optional.empty();
        }
        return Optional.of("No scenario matches -Dcucumber.filter.tags='" + selection.trim() + "'. Tags in use: @smoke, @checklist-1 … "
                + "@checklist-9, @error-1 … @error-7, @models, @drift, @token, @stub-only, @live-only; @setup needs -Dcoze.setup=FILE and "
                + "@samples needs -Dsamples=N (N > 1) (see the README, \"Run part of it\").");
    }
}
