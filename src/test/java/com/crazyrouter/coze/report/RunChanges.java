package com.crazyrouter.coze.report;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed since the previous run of the same target, and its words: the section "Changed since the previous run"
 * that opens the summary, and changes.json beside it. Only what both runs ran is compared; what was not, and why, is
 * said. Across the kept history, a scenario that passed and failed in turn is named as flaky.
 */
public record RunChanges(String history, Optional<String> previousFinished, List<String> notCompared, List<CellChange> cells,
        List<String> modelsAppeared, List<String> modelsLeft, List<LatencyChange> latency, Optional<String> latencyNotCompared,
        List<ScenarioChange> newlyRed, List<ScenarioChange> newlyGreen, List<Flaky> flaky) {
    /** A model and route's plain replies must have been timed at least this often in both runs for their median to be compared. */
    public static final int FEWEST_TIMED = 5;
    public static final String TITLE = "Changed since the previous run";
    /** A cell the run did not reach: its row's scenario failed before the probe, or the model was not in that run's table. */
    static final String NOT_CHECKED_HERE = "not checked (no probe in that run)";

    public record CellChange(String model, String route, String capability, String before, String now) {
    }

    public record LatencyChange(String row, long beforeMs, long nowMs, int beforeRequests, int nowRequests) {
        int percent() {
            return (int) Math.round((nowMs - beforeMs) * 100.0 / Math.max(1, beforeMs));
        }
    }

    /** A scenario newly red (with what it was diagnosed as) or newly green. */
    public record ScenarioChange(String scenario, String feature, Optional<String> diagnosedAs) {
    }

    /** A scenario whose status changed {@code flips} times over the last {@code runs} runs that ran it. */
    public record Flaky(String scenario, String feature, int flips, int runs) {
    }

    /** {@code kept}: the earlier runs, oldest first; {@code history}: where they are kept, as said on a first run. */
    public static RunChanges between(List<RunRecord> kept, RunRecord now, int latencyChangePercent, String history) {
        if (kept.isEmpty()) {
            return new RunChanges(history, Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                    List.of(), List.of(), List.of());
        }
        RunRecord before = kept.get(kept.size() - 1);
        List<String> notCompared = new ArrayList<>();
        if (!before.selection().equals(now.selection())) {
            notCompared.add("The previous run selected " + before.selection() + "; this one " + now.selection()
                    + ": only the scenarios and cells both runs ran are compared.");
        }
        // With the same selection, a cell only one run has was not checked in the other (its row failed before the probe, or the
        // model was new); with another selection, the other run may simply not have asked, so only cells both have are compared.
        boolean sameSelection = before.selection().equals(now.selection());
        TreeSet<String> cellKeys = new TreeSet<>(now.cells().keySet());
        if (sameSelection) {
            cellKeys.addAll(before.cells().keySet());
        } else {
            cellKeys.retainAll(before.cells().keySet());
        }
        List<CellChange> cells = new ArrayList<>();
        for (String key : cellKeys) {
            String was = before.cells().getOrDefault(key, NOT_CHECKED_HERE);
            String verdict = now.cells().getOrDefault(key, NOT_CHECKED_HERE);
            if (!was.equals(verdict)) {
                String[] parts = key.split(" · ", 3);
                cells.add(new CellChange(parts[0], parts[1], parts[2], was, verdict));
            }
        }
        List<String> appeared = new ArrayList<>();
        List<String> left = new ArrayList<>();
        if (before.models().isPresent() && now.models().isPresent()) {
            TreeSet<String> added = new TreeSet<>(now.models().get());
            added.removeAll(before.models().get());
            TreeSet<String> removed = new TreeSet<>(before.models().get());
            removed.removeAll(now.models().get());
            appeared.addAll(added);
            left.addAll(removed);
        } else if (before.models().isPresent() || now.models().isPresent()) {
            notCompared.add("Crazyrouter's model list: only " + (now.models().isPresent() ? "this" : "the previous") + " run fetched it.");
        }
        List<LatencyChange> latency = new ArrayList<>();
        int tooFew = 0;
        for (Map.Entry<String, RunRecord.Latency> row : now.latency().entrySet()) {
            RunRecord.Latency was = before.latency().get(row.getKey());
            if (was == null) {
                continue;
            }
            if (was.requests() < FEWEST_TIMED || row.getValue().requests() < FEWEST_TIMED) {
                tooFew++;
                continue;
            }
            LatencyChange change = new LatencyChange(row.getKey(), was.medianMs(), row.getValue().medianMs(), was.requests(), row.getValue().requests());
            if (Math.abs(change.percent()) >= latencyChangePercent) {
                latency.add(change);
            }
        }
        Optional<String> latencyNotCompared = tooFew == 0
                ? Optional.empty()
                : Optional.of("latency not compared for " + tooFew + " model × route row"
                        + (tooFew == 1 ? "" : "s") + ": fewer than " + FEWEST_TIMED + " plain replies timed in one run or both (one request is noise; "
                        + "-Dsamples=" + FEWEST_TIMED + " or more times enough)");
        Map<String, RunRecord.Scenario> ranBefore = before.ran();
        List<ScenarioChange> red = new ArrayList<>();
        List<ScenarioChange> green = new ArrayList<>();
        now.ran().forEach((key, scenario) -> Optional.ofNullable(ranBefore.get(key)).filter(was -> !was.status().equals(scenario.status()))
                .ifPresent(was -> (scenario.status().equals("FAILED") ? red : green).add(new ScenarioChange(scenario.name(), scenario.feature(),
                        Optional.ofNullable(scenario.diagnosedAs())))));
        return new RunChanges(history, Optional.of(before.finished()), notCompared, cells, appeared, left, latency, latencyNotCompared, red, green,
                flaky(kept, now));
    }

    /** Scenarios whose status flipped at least twice (passed, failed, passed…) over the kept runs and this one. */
    private static List<Flaky> flaky(List<RunRecord> kept, RunRecord now) {
        List<RunRecord> runs = new ArrayList<>(kept);
        runs.add(now);
        List<Flaky> flaky = new ArrayList<>();
        for (Map.Entry<String, RunRecord.Scenario> scenario : now.scenarios().entrySet()) {
            List<String> statuses = runs.stream().map(run -> run.ran().get(scenario.getKey())).filter(s -> s != null).map(RunRecord.Scenario::status).toList();
            int flips = 0;
            for (int i = 1; i < statuses.size(); i++) {
                flips += statuses.get(i).equals(statuses.get(i - 1)) ? 0 : 1;
            }
            if (flips >= 2) {
                flaky.add(new Flaky(scenario.getValue().name(), scenario.getValue().feature(), flips, statuses.size()));
            }
        }
        return flaky;
    }

    public boolean firstRun() {
        return previousFinished.isEmpty();
    }

    /** Whether anything was found changed (what was not compared is no change). */
    public boolean anyChange() {
        return !(cells.isEmpty() && modelsAppeared.isEmpty() && modelsLeft.isEmpty() && latency.isEmpty() && newlyRed.isEmpty() && newlyGreen.isEmpty()
                && flaky.isEmpty());
    }

    /** The section as Markdown, its heading included. */
    public String markdown() {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        if (firstRun()) {
            md.append("Nothing to compare with: this is the first run kept for this target (").append(history).append(").\n");
            notCompared.forEach(why -> md.append("\n").append(why).append('\n'));
            return md.toString();
        }
        String since = "the previous run (" + previousFinished.get() + ")";
        if (!anyChange()) {
            md.append("Nothing changed since ").append(since).append(": the same verdicts").append(latencyNotCompared.map(w -> "; " + w).orElse(""))
                    .append(".\n");
            notCompared.forEach(why -> md.append("\nNot compared: ").append(why).append('\n'));
            return md.toString();
        }
        md.append("Compared with ").append(since).append(":\n\n");
        newlyRed.forEach(s -> md.append("- **Newly red:** ").append(s.scenario()).append(" — diagnosed as ").append(s.diagnosedAs().orElse("no guide row"))
                .append('\n'));
        newlyGreen.forEach(s -> md.append("- **Newly green:** ").append(s.scenario()).append('\n'));
        modelsLeft.forEach(m -> md.append("- **Left Crazyrouter's model list:** ").append(m).append('\n'));
        modelsAppeared.forEach(m -> md.append("- **Appeared in Crazyrouter's model list:** ").append(m).append('\n'));
        cells.forEach(c -> md.append("- **").append(c.model()).append(" / ").append(c.route()).append(" / ").append(c.capability()).append(":** ")
                .append(c.before()).append(" → ").append(c.now()).append('\n'));
        latency.forEach(l -> md.append("- **").append(l.row().replace(" · ", " / ")).append(", total time (median):** ").append(l.beforeMs()).append(" ms → ")
                .append(l.nowMs()).append(" ms (").append(l.percent() > 0 ? "+" : "").append(l.percent()).append(" %; ").append(l.beforeRequests())
                .append(" and ").append(l.nowRequests()).append(" replies timed)\n"));
        flaky.forEach(
                f -> md.append("- **Flaky:** ").append(f.scenario()).append(" — passed and failed in turn, ").append(f.flips()).append(" flips over the last ")
                        .append(f.runs()).append(" runs\n"));
        latencyNotCompared.ifPresent(why -> md.append("\nNot compared: ").append(why).append(".\n"));
        notCompared.forEach(why -> md.append("\nNot compared: ").append(why).append('\n'));
        return md.toString().replace("|", "\\|");
    }

    /** The same changes, for a machine: changes.json beside the summary. */
    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("previousRun", previousFinished.orElse(null));
        json.put("firstRun", firstRun());
        json.put("anyChange", anyChange());
        json.put("newlyRed",
                newlyRed.stream().map(s -> Map.of("scenario", s.scenario(), "feature", s.feature(), "diagnosedAs", s.diagnosedAs().orElse("no guide row")))
                        .toList());
        json.put("newlyGreen", newlyGreen.stream().map(s -> Map.of("scenario", s.scenario(), "feature", s.feature())).toList());
        json.put("modelsLeft", modelsLeft);
        json.put("modelsAppeared", modelsAppeared);
        json.put("cells", cells);
        json.put("latency", latency.stream().map(l -> Map.of("row", l.row(), "beforeMs", l.beforeMs(), "nowMs", l.nowMs(), "percent", l.percent(),
                "beforeRequests", l.beforeRequests(), "nowRequests", l.nowRequests())).toList());
        json.put("flaky", flaky);
        json.put("notCompared", latencyNotCompared.map(w -> java.util.stream.Stream.concat(notCompared.stream(), java.util.stream.Stream.of(w)).toList())
                .orElse(notCompared));
        try {
            return Json.PRETTY.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the changes as JSON", e);
        }
    }

    /** One line for the console: "Changed since the previous run: 2 newly red, 1 model left the list, 4 cells changed". */
    public String consoleLine() {
        if (firstRun()) {
            return TITLE + ": nothing to compare with (first run kept in " + history + ")";
        }
        if (!anyChange()) {
            return TITLE + ": nothing";
        }
        List<String> parts = new ArrayList<>();
        count(parts, newlyRed.size(), "newly red");
        count(parts, newlyGreen.size(), "newly green");
        count(parts, modelsLeft.size(), "left the model list");
        count(parts, modelsAppeared.size(), "appeared in the model list");
        count(parts, cells.size(), "capability cell(s) changed");
        count(parts, latency.size(), "latency moved");
        count(parts, flaky.size(), "flaky");
        return TITLE + ": " + parts.stream().collect(Collectors.joining(", "));
    }

    private static void count(List<String> parts, int n, String words) {
        if (n > 0) {
            parts.add(n + " " + words);
        }
    }
}
