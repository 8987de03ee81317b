package com.crazyrouter.coze.report;

import com.crazyrouter.coze.models.Capability;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.transport.Timing;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run as the run history keeps it: when it finished, what it selected, Crazyrouter's model list, each scenario's
 * status (and, when red, what it was diagnosed as) by its {@link ScenarioKey}, each capability cell's verdict, and the
 * median total time of each model and route's plain replies with how many were measured. Names, verdicts, numbers and
 * guide rows only: no request, reply, token or URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String finished, String selection, List<String> listedModels, Map<String, Scenario> scenarios,
        Map<String, String> cells, Map<String, Latency> latency) {

    /** A scenario's name, its feature, its status (PASSED, FAILED, SKIPPED…) and, when red, the cause it was diagnosed as (else null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scenario(String name, String feature, String status, String diagnosedAs) {
        public boolean ran() {
            return status.equals("PASSED") || status.equals("FAILED");
        }
    }

    /** How many plain replies of a model and route were timed, and their median total time. */
    public record Latency(int requests, long medianMs) {
    }

    public RunRecord {
        scenarios = scenarios == null ? Map.of() : scenarios;
        cells = cells == null ? Map.of() : cells;
        latency = latency == null ? Map.of() : latency;
    }

    /** The model list, when the run fetched it (the model-list drift scenario ran). */
    public Optional<List<String>> models() {
        return Optional.ofNullable(listedModels);
    }

    /** "model · route · capability": a capability cell's key, as the changes name it. */
    public static String cellKey(String model, String route, String capability) {
        return model + " · " + route + " · " + capability;
    }

    /** "model · route". */
    public static String rowKey(String model, String route) {
        return model + " · " + route;
    }

    public static RunRecord of(RunLedger ledger, String finished, String selection) {
        Map<String, Scenario> scenarios = new TreeMap<>();
        for (RunLedger.ScenarioResult result : ledger.scenarios()) {
            String diagnosed = result.status().equals("FAILED")
                    ? RedScenarios.diagnosedAs(ledger, result).map(f -> f.cause().title()).orElse("no guide row")
                    : null;
            scenarios.put(result.key(), new Scenario(result.name(), ScenarioKey.featurePath(result.location().replaceFirst(":\\d+$", "")),
                    result.status(), diagnosed));
        }
        Map<String, List<Cell>> rows = ledger.cells().stream()
                .collect(Collectors.groupingBy(c -> rowKey(c.model(), c.route()), TreeMap::new, Collectors.toList()));
        Map<String, String> cells = new TreeMap<>();
        Map<String, Latency> latency = new TreeMap<>();
        rows.forEach((row, rowCells) -> {
            Cell first = rowCells.get(0);
            // as the summary's matrix: a row whose probe could not run checked nothing, so every capability of it was not probed
            boolean probed = rowCells.stream().noneMatch(c -> c.verdict() == Cell.Verdict.NOT_PROBED);
            for (Capability capability : Capability.values()) {
                Optional<String> verdict = probed
                        ? rowCells.stream().filter(c -> c.capability() == capability && c.verdict() != Cell.Verdict.LATENCY_SAMPLE)
                                .map(c -> c.verdict().words()).findFirst()
                        : Optional.of(Cell.Verdict.NOT_PROBED.words());
                verdict.ifPresent(v -> cells.put(cellKey(first.model(), first.route(), capability.words()), v));
            }
            List<Long> totals = rowCells.stream().filter(c -> c.capability() == Capability.PLAIN_REPLY).map(Cell::timing).flatMap(Optional::stream)
                    .map(Timing::total).map(Duration::toMillis).sorted().toList();
            if (!totals.isEmpty()) {
                latency.put(row, new Latency(totals.size(), totals.get((totals.size() - 1) / 2)));
            }
        });
        return new RunRecord(finished, selection, ledger.modelList().orElse(null), scenarios, cells, latency);
    }

    /** The scenarios that ran (passed or failed), by key. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    Map<String, Scenario> ran() {
        Map<String, Scenario> ran = new LinkedHashMap<>();
        scenarios.forEach((key, scenario) -> {
            if (scenario.ran()) {
                ran.put(key, scenario);
            }
        });
        return ran;
    }
}
