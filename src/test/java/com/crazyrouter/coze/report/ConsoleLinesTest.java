package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import io.cucumber.plugin.event.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The console lines a person watching a run reads: one per finished scenario, and the lines the run ends with. */
class ConsoleLinesTest {
    private static final String RETRY_NOTE = "passed after 1 retry — Coze would have failed here (Common Errors 6: Workflow node fails intermittently)";
    private final RunLedger ledger = new RunLedger();

    @Test
    void aProgressLineCountsAgainstThePlanAndNamesTheGuideLineAndTheScenario() {
        assertThat(ConsoleLines.progress(12, OptionalLong.of(101), "passed", List.of("@checklist-4"), "The Authorization header filled as Bearer {token}"),
                is("[ 12/101] passed   Validation Checklist 4 — The Authorization header filled as Bearer {token}"));
        assertThat(ConsoleLines.progress(101, OptionalLong.of(101), "skipped", List.of("@error-1", "@stub-only"), "An expired token"),
                is("[101/101] skipped  Common Errors 1 — An expired token"));
        assertThat(ConsoleLines.progress(3, OptionalLong.of(101), "FAILED", List.of("@smoke"), "The smallest body"),
                is("[  3/101] FAILED   Smoke — The smallest body"));
    }

    @Test
    void aScenarioWithoutAGuideLineIsNamedAloneAndAnUnknownPlanSaysSo() {
        assertThat(ConsoleLines.progress(7, OptionalLong.empty(), "passed", List.of("@wip"), "Something else"), is("[7/?] passed   Something else"));
    }

    @Test
    void theVerdictSaysPassedFailedSkippedOrWhatTheRetryNoteSays() {
        assertThat(ConsoleLines.verdict(Status.PASSED, Optional.empty()), is("passed"));
        assertThat(ConsoleLines.verdict(Status.FAILED, Optional.empty()), is("FAILED"));
        assertThat(ConsoleLines.verdict(Status.SKIPPED, Optional.empty()), is("skipped"));
        assertThat(ConsoleLines.verdict(Status.UNDEFINED, Optional.empty()), is("FAILED (undefined)"));
        assertThat(ConsoleLines.verdict(Status.PASSED, Optional.of(RETRY_NOTE)), is("passed after 1 retry"));
        assertThat(ConsoleLines.progress(31, OptionalLong.of(101), "passed after 1 retry", List.of("@checklist-2"), "The workflow HTTP node route"),
                is("[ 31/101] passed after 1 retry Validation Checklist 2 — The workflow HTTP node route"));
    }

    @Test
    void aGreenRunEndsWithTheSummaryToOpenOnly() {
        passed("f.feature:1", "Smoke", List.of("@smoke"));
        assertThat(ConsoleLines.closing(Path.of("reports"), ledger), contains("Open reports/summary.html"));
        assertThat(ConsoleLines.closing(Path.of("/tmp/run-7/reports"), ledger), contains("Open /tmp/run-7/reports/summary.html"));
    }

    @Test
    void aRedRunEndsWithTheSummaryAndTheFirstRedScenarioWithTheRowItsAssertionNamed() {
        passed("f.feature:1", "Smoke", List.of("@smoke"));
        red("f.feature:3", "A misspelled model", List.of("@error-4"), Optional.of(CommonError.UNAUTHORIZED));
        red("f.feature:9", "An output mapped to data.content finds nothing", List.of("@error-5"), Optional.empty());
        assertThat(ConsoleLines.closing(Path.of("reports"), ledger), contains("Open reports/summary.html",
                "First red scenario (of 2): Common Errors 4 — A misspelled model. Diagnosed as Common Errors 1: 401 unauthorized. "
                        + "Fix: Generate a new token and re-enter the Authorization header."));
    }

    @Test
    void withoutARowFromTheAssertionTheFirstRedScenarioIsSentToTheSummaryNotToTheRowItChecks() {
        red("f.feature:9", "An output mapped to data.content finds nothing", List.of("@error-5"), Optional.empty());
        assertThat(ConsoleLines.closing(Path.of("reports"), ledger).get(1), is("First red scenario (of 1): Common Errors 5 — An output mapped to "
                + "data.content finds nothing. No guide row names a fix: read what happened in the summary."));
        RunLedger noRow = new RunLedger();
        noRow.record(
                new RunLedger.ScenarioResult("t.feature:2", "The token allows no more than 2 models", List.of("@token"), "FAILED", "No route", "No model"));
        assertThat(ConsoleLines.closing(Path.of("reports"), noRow).get(1), is("First red scenario (of 1): Token Best Practices — The token allows no "
                + "more than 2 models. No guide row names a fix: read what happened in the summary."));
    }

    @Test
    void theRootCauseComesFirstTheRunsStopThenTheBuildersSetupCheckThenTheFeaturesOrder() {
        red("f.feature:30", "A later scenario that finished first", List.of("@error-1"), Optional.of(CommonError.UNAUTHORIZED));
        red("f.feature:4", "An earlier scenario", List.of("@error-1"), Optional.of(CommonError.UNAUTHORIZED));
        red("s.feature:22", "The builder's setup, checked on paper", List.of("@setup", "@setup-check"), Optional.empty());
        List<String> lines = ConsoleLines.closing(Path.of("reports"), ledger, Optional.of("The gateway stopped answering."));
        assertThat(lines.get(1), is("Root cause: the run stopped. The gateway stopped answering."));
        assertThat(lines.get(2), is("First red scenario (of 3): The builder's setup, checked on paper. No guide row names a fix: read what happened "
                + "in the summary."));
        assertThat(RedScenarios.rootCauseFirst(ledger).stream().map(RunLedger.ScenarioResult::location).toList(),
                contains("s.feature:22", "f.feature:4", "f.feature:30"));
    }

    private void passed(String location, String name, List<String> tags) {
        ledger.record(new RunLedger.ScenarioResult(location, name, tags, "PASSED", "Both routes", "gpt-5.4"));
    }

    @Test
    void aRefusedSetupFileIsSaidOnceInFullAndTheNotStartedSummaryListsEveryProblemUncut(@org.junit.jupiter.api.io.TempDir Path reports) throws Exception {
        String problem = "examples/x.yaml:37:11: paths./v1/chat/completions.post.responses.200.content: Coze says \"response only supports "
                + "'application/json' media type\". " + "Give the response \"200\" exactly one media type. ".repeat(40);
        String why = "examples/x.yaml: Coze's Import refuses this OpenAPI 3 document (2 problems). Nothing was sent.\n  " + problem + "\n  second problem";
        assertThat(ConsoleLines.setupRefused(why), contains("", "The run did not start: its setup file was refused. Nothing was sent.",
                "  examples/x.yaml: Coze's Import refuses this OpenAPI 3 document (2 problems). Nothing was sent.", "  " + problem.strip(), "  second problem",
                ""));
        SummaryWriter.writeNotStarted(reports, why);
        String summary = java.nio.file.Files.readString(reports.resolve("summary.md"));
        assertThat(summary, org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("- " + problem.strip() + "\n"),
                org.hamcrest.Matchers.containsString("- second problem\n"), org.hamcrest.Matchers.containsString("No scenario ran.")));
    }

    private void red(String location, String name, List<String> tags, Optional<? extends GuideLine> row) {
        ledger.record(new RunLedger.ScenarioResult(location, name, tags, "FAILED", "Coze API plugin (Create from API)", "gpt-5.4"));
        ledger.recordFailure(location, new RunLedger.Failure("Expected a 503 but got 401", row.map(r -> Finding.of((GuideLine) r)), Optional.empty()));
    }
}
