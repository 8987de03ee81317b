package com.crazyrouter.coze.report;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Groups a scenario in the Allure report: parent suite = route, suite = model, sub-suite = the guide line. */
public final class AllureLabels {
    private static final Set<String> REPLACED = Set.of("parentSuite", "suite", "subSuite");
    private static final Set<String> OURS = Set.of("route", "model", "target");

    private AllureLabels() {
    }

    /** Puts the guide's words first in the scenario's description. */
    public static void describe(String guideWords) {
        if (!AllureSteps.recorded()) {
            return;
        }
        Allure.getLifecycle().updateTestCase(test -> test.setDescription(guideWords
                + (test.getDescription() == null || test.getDescription().isBlank() ? "" : "\n\n" + test.getDescription())));
    }

    /** Shown as Allure's "flaky" mark, with why in the description. */
    public static void markRetried(String note) {
        if (!AllureSteps.recorded()) {
            return;
        }
        Allure.getLifecycle().updateTestCase(test -> {
            test.setStatusDetails((test.getStatusDetails() == null ? new io.qameta.allure.model.StatusDetails() : test.getStatusDetails()).setFlaky(true));
            test.setDescription("**" + note + "**" + (test.getDescription() == null ? "" : "\n\n" + test.getDescription()));
        });
    }

    public static void apply(String route, String model, String guideLine, String target) {
        if (!AllureSteps.recorded()) {
            return;
        }
        Allure.getLifecycle().updateTestCase(test -> {
            List<Label> labels = new ArrayList<>(test.getLabels());
            labels.removeIf(l -> REPLACED.contains(l.getName()));
            labels.add(new Label().setName("parentSuite").setValue(route));
            labels.add(new Label().setName("suite").setValue(model));
            labels.add(new Label().setName("subSuite").setValue(guideLine));
            test.setLabels(labels);
            List<Parameter> parameters = new ArrayList<>(test.getParameters());
            parameters.removeIf(p -> OURS.contains(p.getName()));
            parameters.add(new Parameter().setName("route").setValue(route));
            parameters.add(new Parameter().setName("model").setValue(model));
            parameters.add(new Parameter().setName("target").setValue(target));
            test.setParameters(parameters);
        });
    }
}
