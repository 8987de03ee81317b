package com.crazyrouter.coze.report;

import com.crazyrouter.coze.guide.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The red scenarios as the summary and the console list them: the root cause first, then the rest in the features'
 * order (scenarios finish on several threads, so the order they finished in says nothing). The builder's own setup
 * check (@setup-check) is a root cause: every scenario that sends with a refused setup fails because of it.
 */
public final class RedScenarios {
    static final String SETUP_CHECK = "@setup-check";

    private RedScenarios() {
    }

    public static List<RunLedger.ScenarioResult> rootCauseFirst(RunLedger ledger) {
        return ledger.red().stream().sorted(Comparator.comparing((RunLedger.ScenarioResult s) -> !s.tags().contains(SETUP_CHECK))
                .thenComparing(s -> file(s.location())).thenComparingInt(s -> line(s.location()))).toList();
    }

    /**
     * What a red scenario's failure was diagnosed as, from what actually happened: a guide line or a cause the guide has
     * no row for; empty when its failure named none. Never the line the scenario set out to check: a scenario that
     * expects a 401 and then gets a broken chat reply did not fail for a 401.
     */
    public static Optional<Finding> diagnosedAs(RunLedger ledger, RunLedger.ScenarioResult scenario) {
        return ledger.failure(scenario.location()).flatMap(RunLedger.Failure::finding);
    }

    private static String file(String location) {
        int colon = location.lastIndexOf(':');
        return colon < 0 ? location : location.substring(0, colon);
    }

    private static int line(String location) {
        String tail = location.substring(location.lastIndexOf(':') + 1);
        return tail.matches("\\d{1,9}") ? Integer.parseInt(tail) : 0;
    }
}
