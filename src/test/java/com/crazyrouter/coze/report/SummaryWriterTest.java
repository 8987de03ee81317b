package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.models.Capability;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.testsupport.TokenLeaks;
import com.crazyrouter.coze.transport.Redactor;
import com.crazyrouter.coze.transport.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary a manager reads: counts, the model matrix, and every red scenario with the fix that applies. */
class SummaryWriterTest {
    private final RunLedger ledger = new RunLedger();

    @Test
    void aRedScenarioQuotesTheFixOfTheRowItsAssertionNamedNotTheRowItEncodes() {
        red("f.feature:3", "A misspelled model", List.of("@error-4"), Optional.of(CommonError.UNAUTHORIZED), "Expected a 503 but got 401");
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("Checks: Common Errors 4: model not found"));
        assertThat(md, containsString("Diagnosed as: Common Errors 1: 401 unauthorized"));
        assertThat(md, containsString("Fix: " + CommonError.UNAUTHORIZED.fix()));
        assertThat(md, not(containsString("Fix: " + CommonError.MODEL_NOT_FOUND.fix())));
        assertThat(md, containsString("> Expected a 503 but got 401"));
        assertThat(md, containsString("What Coze shows: Coze shows the failure: http request failed, status=401"));
    }

    @Test
    void withoutARowFromTheAssertionNoRowsFixIsGivenNotEvenTheOneTheScenarioChecks() {
        red("f.feature:9", "An output mapped to data.content finds nothing", List.of("@error-5"), Optional.empty(), "was \"OK\"");
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("Checks: Common Errors 5"));
        assertThat(md, containsString("Diagnosed as: no guide row"));
        assertThat(md, not(containsString("Fix: " + CommonError.MAPPING_INCONSISTENT.fix())));
        assertThat(md, not(containsString("Symptom: ")));
    }

    @Test
    void aRedScenarioWithNoRowAtAllPointsAtWhatHappened() {
        red("f.feature:12", "The token allows no more than 2 models", List.of("@token"), Optional.empty(), "It allows [a, b, c]");
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("Checks: Token Best Practices"));
        assertThat(md, containsString("Diagnosed as: no guide row — what happened is below"));
    }

    @Test
    void aGreenRunSaysSoAndCountsItsScenarios() {
        ledger.record(new RunLedger.ScenarioResult("f.feature:1", "Smoke", List.of("@smoke"), "PASSED", "Both routes", "gpt-5.4"));
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("**Scenarios:** 1 — 1 PASSED"));
        assertThat(md, containsString("None: every scenario that ran passed."));
        assertThat(md, containsString("**Target:** stub"));
    }

    @Test
    void theMatrixCountsCellsAndShowsTimingsAndWhatEachFailedCheckSaw() {
        Timing timing = new Timing(Duration.ofMillis(20), Duration.ofMillis(30), Optional.empty());
        ledger.record(Cell.of("gpt-5.4", "Coze API plugin (Create from API)", Capability.PLAIN_REPLY, true, "replied OK", timing, 12));
        ledger.record(Cell.of("gpt-5.4", "Coze API plugin (Create from API)", Capability.STREAMING, false, "no [DONE] | at the end", timing, 0));
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("| gpt-5.4 | Coze API plugin (Create from API) | 1 | 1 | 0 | 0 | 20 ms | 30 ms | 30 ms | — | 12 |"));
        assertThat(md, containsString("**gpt-5.4 / Coze API plugin (Create from API) / streaming** failed: no [DONE] \\| at the end"));
    }

    @Test
    void aModelThatCouldNotBeProbedIsNotCheckedInEveryCellNotPassed() {
        Timing timing = new Timing(Duration.ofMillis(20), Duration.ofMillis(30), Optional.empty());
        ledger.record(Cell.of("gpt-5.4", "Coze API plugin (Create from API)", Capability.PLAIN_REPLY, true, "replied OK", timing, 12));
        ledger.record(Cell.notProbed("gemini-3-pro-preview", "Coze API plugin (Create from API)", "no token at hand allows gemini-3-pro-preview"));
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        String notChecked = (" " + SummaryWriter.NOT_CHECKED + " |").repeat(Capability.values().length);
        assertThat(md, containsString("| gemini-3-pro-preview | Coze API plugin (Create from API) |" + notChecked + "\n"));
        assertThat(md, containsString("| gpt-5.4 | Coze API plugin (Create from API) | pass |"));
        assertThat(md, not(containsString("not probed")));
    }

    @Test
    void aRowWithAProbeThatFailedKeepsWhatPassedAndSaysWhatWasNotCheckedAndWhy() {
        Timing timing = new Timing(Duration.ofMillis(20), Duration.ofMillis(30), Optional.empty());
        String route = "Coze API plugin (Create from API)";
        ledger.record(Cell.of("gpt-5.4", route, Capability.PLAIN_REPLY, true, "replied OK", timing, 12));
        ledger.record(Cell.failedWithoutAnswer("gpt-5.4", route, Capability.STREAMING, "the stream did not end within 60 s",
                Optional.of(CommonError.INTERMITTENT)));
        ledger.record(Cell.notChecked("gpt-5.4", route, Capability.JSON_MODE, "not checked: the streaming probe failed without an answer to judge"));

        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());

        assertThat(md, containsString("| gpt-5.4 | " + route + " | 1 | 1 | 0 | 1 | 20 ms |"));
        assertThat(md, containsString("| gpt-5.4 | " + route + " | pass | — | — | — | — | fail | not checked |"));
        assertThat(md, containsString("**gpt-5.4 / " + route + " / streaming** failed: the stream did not end within 60 s"));
        assertThat(md, containsString("What was not checked, and why:\n\n- **gpt-5.4 / " + route + "**: JSON mode — not checked: the streaming probe"));
    }

    @Test
    void aRunThatIsRedWithoutARedScenarioSaysWhyAtTheTop() {
        String md = SummaryWriter.markdown(ledger, figures(), Optional.of("This run stopped early. The run deadline of 10 min passed."));

        assertThat(md, startsWith("# Crazyrouter as Coze calls it — run summary\n\n> **This run stopped early.** The run deadline of 10 min passed.\n"));
    }

    @Test
    void aRunThatCannotStartReplacesThePreviousSummaryWithOneThatSaysWhy(@TempDir Path reports) throws Exception {
        Files.writeString(reports.resolve("summary.md"), "last night: every scenario passed");
        Files.writeString(reports.resolve("summary.html"), "last night: every scenario passed");

        SummaryWriter.removePrevious(reports);
        assertThat(Files.exists(reports.resolve("summary.md")) || Files.exists(reports.resolve("summary.html")), is(false));
        SummaryWriter.writeNotStarted(reports, "crazyrouter.retries='9' must be a whole number from 0 to 2.");

        assertThat(Files.readString(reports.resolve("summary.md")), containsString("> **This run stopped early.** The harness did not start: "
                + "crazyrouter.retries='9' must be a whole number from 0 to 2.\n\nNo scenario ran."));
        assertThat(Files.readString(reports.resolve("summary.html")), containsString("No scenario ran."));
    }

    /** A manager's first screen: one verdict line with counts, then what changed since the previous run, then the tables. */
    @Test
    void theVerdictLineAndTheChangesComeBeforeTheTables(@TempDir Path reports) throws Exception {
        red("f.feature:3", "Smoke", List.of("@smoke"), Optional.of(CommonError.UNAUTHORIZED), "401");
        ledger.record(new RunLedger.ScenarioResult("f.feature:4", "Other", List.of(), "PASSED", "r", "m"));
        Timing timing = new Timing(Duration.ofMillis(20), Duration.ofMillis(30), Optional.empty());
        ledger.record(Cell.of("gpt-5.4", "Coze API plugin (Create from API)", Capability.PLAIN_REPLY, true, "OK", timing, 1));
        ledger.record(Cell.of("gpt-5.4", "Coze API plugin (Create from API)", Capability.STREAMING, false, "no events", timing, 1));
        RunChanges changes = RunChanges.between(List.of(), RunRecord.of(ledger, "now", "tags (all)"), 50, "reports/history/stub.json");

        SummaryWriter.write(reports, ledger, figures(), Optional.empty(), changes, new Redactor(List.of()));

        String md = Files.readString(reports.resolve("summary.md"));
        assertThat(md,
                startsWith("# Crazyrouter as Coze calls it — run summary\n\n**Verdict: red** — 2 scenarios: 1 failed, 1 passed; capability cells: 1 pass, "
                        + "1 fail\n\n## Changed since the previous run\n\nNothing to compare with"));
        assertThat(md.indexOf("## Changed since the previous run"), is(org.hamcrest.Matchers.lessThan(md.indexOf("## Models × routes"))));
        assertThat(Files.readString(reports.resolve(SummaryWriter.CHANGES)), containsString("\"firstRun\" : true"));
        String html = Files.readString(reports.resolve("summary.html"));
        assertThat(html, containsString("<p class=\"verdict-red\"><strong>Verdict: red</strong>"));
        assertThat(html, containsString("<td class=\"pass\">pass</td>"));
        assertThat(html, containsString("<td class=\"fail\">fail</td>"));
        assertThat("the model × route table's failed column", html, containsString("<td>1</td>\n<td class=\"fail\">1</td>"));
        assertThat("styled inline, for offline reading and print", html, containsString("@media print"));
        assertThat(html, not(containsString("<script")));
        assertThat("nothing fetched", html, not(org.hamcrest.Matchers.matchesPattern("(?s).*(src|href)=\"https?:.*")));
    }

    @Test
    void aGreenRunsVerdictLineIsGreen() {
        ledger.record(new RunLedger.ScenarioResult("f.feature:1", "Smoke", List.of("@smoke"), "PASSED", "Both routes", "gpt-5.4"));
        ledger.record(new RunLedger.ScenarioResult("f.feature:2", "Live only", List.of(), "SKIPPED", "Both routes", "gpt-5.4"));
        String md = SummaryWriter.markdown(ledger, figures(), Optional.empty());
        assertThat(md, containsString("**Verdict: green** — 2 scenarios: 1 passed, 1 skipped\n"));
        assertThat(SummaryHtml.of(md), containsString("<p class=\"verdict-green\">"));
    }

    @Test
    void theHtmlPageEscapesWhatAGatewaySent() {
        red("f.feature:5", "Smoke", List.of("@smoke"), Optional.empty(), "body: <script>alert(1)</script>");
        String html = SummaryHtml.of(SummaryWriter.markdown(ledger, figures(), Optional.empty()));
        assertThat(html, not(containsString("<script>alert(1)")));
        assertThat(html, containsString("&lt;script&gt;"));
    }

    /**
     * A gateway's echo of the token in disguise, wherever the page quotes a gateway: what happened, what Coze shows, a
     * matrix cell's evidence, a note. Neither file holds it in any form a reader decodes, the HTML (which a Markdown
     * renderer makes by decoding references and escapes) included.
     */
    @Test
    void neitherFileHoldsATokenInAnyDisguise(@TempDir Path reports) throws Exception {
        Secret token = new Secret("sk-testSummaryCanary00000000000000000000");
        String escaped = token.reveal().chars().mapToObj(c -> String.format("\\u%04x", c)).collect(Collectors.joining());
        String references = token.reveal().chars().mapToObj(c -> "&#" + c + ";").collect(Collectors.joining());
        String percent = token.reveal().chars().mapToObj(c -> "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
        red("f.feature:3", "Smoke", List.of("@smoke"), Optional.empty(), "gateway said: Invalid token " + escaped + " / " + references);
        ledger.record(new Cell("gpt-5.4", "Coze API plugin (Create from API)", Capability.STREAMING, Cell.Verdict.FAIL, "HTTP 401: " + percent,
                Optional.empty(), 0));
        ledger.note("Model-list drift", "a model named " + references);

        SummaryWriter.write(reports, ledger, figures(), Optional.empty(), new Redactor(List.of(token)));

        List<String> needles = TokenLeaks.needles(List.of(token));
        for (String file : List.of("summary.md", "summary.html")) {
            String written = Files.readString(reports.resolve(file));
            assertThat(file, TokenLeaks.found(written, needles), is(Optional.empty()));
            assertThat(file, written, containsString("Invalid token [REDACTED] / [REDACTED]"));
        }
    }

    @Test
    void aSummaryWrittenBeforeTheTokensAreKnownMasksWhatIsShapedLikeOne(@TempDir Path reports) throws Exception {
        SummaryWriter.writeNotStarted(reports, "the gateway answered \\u0073k-testShapeOnly0000000000 &#115;k-testShapeOnly1111111111");

        assertThat(Files.readString(reports.resolve("summary.md")), containsString("the gateway answered [REDACTED] [REDACTED]"));
        assertThat(Files.readString(reports.resolve("summary.html")), not(containsString("testShapeOnly")));
    }

    private void red(String location, String name, List<String> tags, Optional<? extends GuideLine> row, String message) {
        ledger.record(new RunLedger.ScenarioResult(location, name, tags, "FAILED", "Coze API plugin (Create from API)", "gpt-5.4"));
        ledger.recordFailure(location, new RunLedger.Failure(message, row.map(r -> Finding.of((GuideLine) r)),
                Optional.of("Coze shows the failure: http request failed, status=401")));
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Target", "stub");
        return figures;
    }
}
