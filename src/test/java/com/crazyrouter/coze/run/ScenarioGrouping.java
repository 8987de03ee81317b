package com.crazyrouter.coze.run;

import java.util.ServiceLoader;

/**
 * Where the report groups a scenario: by route, model, guide line and target. The report implements it and names its
 * class in META-INF/services; where no report is on the class path, nothing is grouped.
 */
public interface ScenarioGrouping {
    ScenarioGrouping NONE = (route, model, guideLine, target) -> {
    };

    /** The report's grouping, found once. */
    ScenarioGrouping REPORTED = ServiceLoader.load(ScenarioGrouping.class).findFirst().orElse(NONE);

    void group(String route, String model, String guideLine, String target);
}
