package com.crazyrouter.coze.report;

import com.crazyrouter.coze.models.Cell;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What a run found, gathered from parallel scenarios for the summary written at its end. */
public final class RunLedger {
    /** A finished scenario: its name, tags, status (passed, failed, skipped...), route and model. */
    public record ScenarioResult(String name, List<String> tags, String status, String route, String model) {
    }

    private final Collection<Cell> cells = new ConcurrentLinkedQueue<>();
    private final Collection<ScenarioResult> scenarios = new ConcurrentLinkedQueue<>();
    private final Map<String, String> notes = new ConcurrentSkipListMap<>();

    /** A section of its own in the summary, e.g. the model-list drift. */
    public void note(String title, String markdown) {
        notes.put(title, markdown);
    }

    public Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    public void record(Cell cell) {
        cells.add(cell);
    }

    public void record(ScenarioResult scenario) {
        scenarios.add(scenario);
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    public List<ScenarioResult> scenarios() {
        return List.copyOf(scenarios);
    }
}
