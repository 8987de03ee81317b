package com.crazyrouter.coze.report;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;

/**
 * Gives each scenario Allure records the history id the run history uses ({@link ScenarioKey}): its feature, name and
 * example values. allure-cucumber7-jvm sets md5(uri:line), which moved whenever a line above the scenario did, and
 * Allure's per-scenario trend started over each time. Found through META-INF/services; it acts as the test starts,
 * when allure-cucumber7-jvm has set the full name (feature path ":" line) and the example row as parameters, and
 * before the harness adds its own route, model and target parameters.
 */
public final class StableHistoryId implements TestLifecycleListener {
    @Override
    public void beforeTestStart(TestResult result) {
        if (result.getFullName() == null || result.getName() == null) {
            return;
        }
        String feature = result.getFullName().replaceFirst(":\\d+$", "");
        result.setHistoryId(ScenarioKey.of(ScenarioKey.featurePath(feature), result.getName(),
                result.getParameters().stream().map(Parameter::getValue).toList()));
    }
}
