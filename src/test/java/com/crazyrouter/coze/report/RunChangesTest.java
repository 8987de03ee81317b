package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.models.Capability;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.Timing;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Changed since the previous run": what two runs of the same target differ in, compared only where both ran it, and its words. */
class RunChangesTest {
    private static final String PLUGIN = "Coze API plugin (Create from API)";
    private static final String NODE = "Coze workflow HTTP request node";
    private static final String SELECTION = "tags (all), models gpt-5.4, claude-sonnet-4-6, setup file (none)";
    private static final String DRIFT = "file:/repo/features/models/model-list-drift.feature:10";
    private static final String GPT_ROW = "file:/repo/features/models/recommended-models.feature:32";

    @Test
    void theSecondOfTwoRunsNamesTheModelThatLeftTheListTheFlippedCellsAndTheNewRedsWithTheirRows() {
        RunRecord first = record(night(List.of("gpt-5.4", "claude-sonnet-4-6", "gemini-3-pro-preview"), true, 1));
        RunLedger second = night(List.of("gpt-5.4", "gemini-3-pro-preview"), false, 1);
        second.recordFailure(DRIFT, new RunLedger.Failure("claude-sonnet-4-6 is no longer listed", Optional.of(Finding.of(CommonError.MODEL_NOT_FOUND)),
                Optional.empty()));

        RunChanges changes = RunChanges.between(List.of(first), record(second), 50, "reports/history/stub.json");
        String md = changes.markdown();

        assertThat(changes.modelsLeft(), is(List.of("claude-sonnet-4-6")));
        assertThat(changes.modelsAppeared(), is(empty()));
        assertThat(changes.cells(), is(List.of(new RunChanges.CellChange("gpt-5.4", PLUGIN, "streaming", "pass", "fail"))));
        assertThat(md, containsString("## Changed since the previous run\n\nCompared with the previous run (2026-01-01T03:17:00Z):"));
        assertThat(md, containsString("- **Left Crazyrouter's model list:** claude-sonnet-4-6"));
        assertThat(md, containsString("- **gpt-5.4 / " + PLUGIN + " / streaming:** pass → fail"));
        assertThat(md, containsString("- **Newly red:** No model under test has left Crazyrouter's model list — diagnosed as "
                + CommonError.MODEL_NOT_FOUND.title()));
        assertThat(md, containsString("- **Newly red:** gpt-5.4 through the API plugin — diagnosed as no guide row"));
        assertThat("one request per row is noise", md, containsString("Not compared: latency not compared for 2 model × route rows: fewer than 5"));
        JsonNode json = Json.parse(changes.json()).orElseThrow();
        assertThat(json.path("modelsLeft").get(0).asText(), is("claude-sonnet-4-6"));
        assertThat(json.path("cells").get(0).path("now").asText(), is("fail"));
        assertThat(json.path("newlyRed").size(), is(2));
    }

    @Test
    void twoIdenticalRunsSayNothingChangedInOneLine() {
        RunChanges changes = RunChanges.between(List.of(record(night(List.of("gpt-5.4"), true, 1))), record(night(List.of("gpt-5.4"), true, 1)), 50, "h");
        String body = changes.markdown().substring(("## " + RunChanges.TITLE + "\n\n").length());

        assertThat(changes.anyChange(), is(false));
        assertThat(body, containsString("Nothing changed since the previous run (2026-01-01T03:17:00Z): the same verdicts; latency not compared"));
        assertThat(body.strip().lines().count(), is(1L));
        assertThat(changes.consoleLine(), is(RunChanges.TITLE + ": nothing"));
    }

    @Test
    void theFirstRunHasNothingToCompareWith() {
        RunChanges changes = RunChanges.between(List.of(), record(night(List.of("gpt-5.4"), true, 1)), 50, "reports/history/stub.json");
        assertThat(changes.markdown(), containsString("Nothing to compare with: this is the first run kept for this target (reports/history/stub.json)."));
        assertThat(Json.parse(changes.json()).orElseThrow().path("firstRun").asBoolean(), is(true));
    }

    @Test
    void latencyIsComparedOnlyWhereBothRunsTimedEnoughRepliesAndOnlyBeyondTheThreshold() {
        RunRecord slow = record(night(List.of("gpt-5.4"), true, 5, 100));
        RunRecord slower = record(night(List.of("gpt-5.4"), true, 5, 180));
        RunRecord bitSlower = record(night(List.of("gpt-5.4"), true, 5, 120));

        RunChanges moved = RunChanges.between(List.of(slow), slower, 50, "h");
        assertThat(moved.latency().size(), is(2));
        assertThat(moved.markdown(), containsString("- **gpt-5.4 / " + PLUGIN + ", total time (median):** 100 ms → 180 ms (+80 %; 5 and 5 replies timed)"));
        assertThat(moved.latencyNotCompared(), is(Optional.empty()));
        assertThat("20 % is within a 50 % threshold", RunChanges.between(List.of(slow), bitSlower, 50, "h").anyChange(), is(false));
        assertThat("one reply in the earlier run: not compared", RunChanges.between(List.of(record(night(List.of("gpt-5.4"), true, 1, 100))), slower, 50, "h")
                .latencyNotCompared().isPresent(), is(true));
    }

    @Test
    void aScenarioThatPassesAndFailsInTurnAcrossTheHistoryIsNamedFlaky() {
        List<RunRecord> kept = new ArrayList<>();
        for (boolean streams : List.of(true, false, true)) {
            kept.add(record(night(List.of("gpt-5.4"), streams, 1)));
        }
        RunChanges changes = RunChanges.between(kept, record(night(List.of("gpt-5.4"), false, 1)), 50, "h");
        assertThat(changes.markdown(), containsString("- **Flaky:** gpt-5.4 through the API plugin — passed and failed in turn, 3 flips over the last 4 runs"));
        assertThat(changes.markdown(), not(containsString("**Flaky:** No model under test")));
    }

    @Test
    void aModelWhoseRowFailedBeforeItsProbeHasItsCellsNamedAsNoLongerChecked() {
        RunLedger before = night(List.of("gpt-5.4"), true, 1);
        before.record(Cell.of("claude-sonnet-4-6", PLUGIN, Capability.PLAIN_REPLY, true, "OK", new Timing(Duration.ZERO, Duration.ZERO, Optional.empty()), 1));
        RunChanges changes = RunChanges.between(List.of(record(before)), record(night(List.of("gpt-5.4"), true, 1)), 50, "h");
        assertThat(changes.markdown(), containsString("- **claude-sonnet-4-6 / " + PLUGIN + " / plain reply:** pass → not checked (no probe in that run)"));
    }

    @Test
    void whatOnlyOneRunRanIsNotComparedAndTheOtherSelectionIsSaid() {
        RunLedger other = night(List.of("gpt-5.4"), false, 1);
        RunRecord before = record(night(List.of("gpt-5.4"), true, 1));
        RunRecord onlyOneModel = new RunRecord("2026-01-02T03:17:00Z", "tags @models, models gpt-5.4, setup file (none)", null,
                RunRecord.of(other, "x", SELECTION).scenarios(), Map.of(), Map.of());
        RunChanges changes = RunChanges.between(List.of(before), onlyOneModel, 50, "h");
        assertThat(changes.markdown(), containsString("Not compared: The previous run selected " + SELECTION + "; this one tags @models"));
        assertThat(changes.markdown(), containsString("Not compared: Crazyrouter's model list: only the previous run fetched it."));
        assertThat("no cell of this run to compare", changes.cells(), is(empty()));
    }

    @Test
    void theRecordKeysScenariosByFeatureNameAndExampleValuesNotByLine() {
        RunLedger ledger = new RunLedger();
        ledger.record(new RunLedger.ScenarioResult("file:/a/features/smoke.feature:7", "Smoke", List.of(), "PASSED", NODE, "gpt-5.4"));
        RunLedger moved = new RunLedger();
        moved.record(new RunLedger.ScenarioResult("file:/b/features/smoke.feature:19", "Smoke", List.of(), "FAILED", NODE, "gpt-5.4"));
        RunChanges changes = RunChanges.between(List.of(record(ledger)), record(moved), 50, "h");
        assertThat(changes.newlyRed().size(), is(1));
        assertThat(changes.newlyRed().get(0).feature(), is("smoke.feature"));
        assertThat(changes.markdown().length(), lessThan(1000));
    }

    /** One night: the drift scenario, the gpt-5.4 row through the plugin (streaming passing or not), a node row; each timed {@code timed} times. */
    private static RunLedger night(List<String> listed, boolean gptStreams, int timed) {
        return night(listed, gptStreams, timed, 100);
    }

    private static RunLedger night(List<String> listed, boolean gptStreams, int timed, long totalMs) {
        RunLedger ledger = new RunLedger();
        ledger.recordModelList(listed);
        boolean claudeListed = listed.contains("claude-sonnet-4-6") || !listed.contains("gemini-3-pro-preview");
        ledger.record(new RunLedger.ScenarioResult(DRIFT, "No model under test has left Crazyrouter's model list", List.of("@models", "@drift"),
                claudeListed ? "PASSED" : "FAILED", "No route", "No model"));
        ledger.record(new RunLedger.ScenarioResult(GPT_ROW, "gpt-5.4 through the API plugin", List.of("@models"), gptStreams ? "PASSED" : "FAILED", PLUGIN,
                "gpt-5.4"));
        for (String route : List.of(PLUGIN, NODE)) {
            Timing timing = new Timing(Duration.ofMillis(10), Duration.ofMillis(totalMs), Optional.empty());
            ledger.record(Cell.of("gpt-5.4", route, Capability.PLAIN_REPLY, true, "OK", timing, 3));
            for (int i = 1; i < timed; i++) {
                ledger.record(new Cell("gpt-5.4", route, Capability.PLAIN_REPLY, Cell.Verdict.LATENCY_SAMPLE, "OK", Optional.of(timing), 0));
            }
            ledger.record(Cell.of("gpt-5.4", route, Capability.STREAMING, gptStreams || route.equals(NODE), "events", timing, 3));
        }
        return ledger;
    }

    private static RunRecord record(RunLedger ledger) {
        return RunRecord.of(ledger, "2026-01-01T03:17:00Z", SELECTION);
    }
}
