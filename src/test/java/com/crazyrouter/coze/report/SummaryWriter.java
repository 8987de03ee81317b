package com.crazyrouter.coze.report;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.models.Capability;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.transport.Redactor;
import com.crazyrouter.coze.transport.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * reports/summary.md and reports/summary.html: the page a manager reads. One verdict line, what changed since the
 * previous run ({@link RunChanges}), then the model × route matrix (cells passed,
 * failed, not supported; median time to first byte, median and p95 total time; time to first streamed chunk; tokens), then every red scenario
 * with the guide's symptom, cause and fix in plain words.
 */
public final class SummaryWriter {
    private static final int LONGEST_QUOTE = 1200;
    private static final String TITLE = "# Crazyrouter as Coze calls it — run summary\n\n";
    static final String NOT_CHECKED = "not checked";
    /** The changes since the previous run, for a machine, beside the summary. */
    public static final String CHANGES = "changes.json";
    /** What masks a token by its shape alone, for a summary written before the run's tokens are known. */
    private static final Redactor BY_SHAPE = new Redactor(List.of());
    private SummaryWriter() {
    }

    /**
     * {@code red}: why the run is red although no scenario need be (stopped early, nothing checked), said at the top.
     * Both files pass the run's redactor whole, whatever each part of the page was redacted with before.
     */
    public static void write(Path reports, RunLedger ledger, Map<String, String> figures, Optional<String> red, Redactor redactor) {
        write(reports, markdown(ledger, figures, red), redactor);
    }

    /**
     * As {@link #write(Path, RunLedger, Map, Optional, Redactor)}, opening with what changed since the previous run, which
     * is also written beside the summary as changes.json.
     */
    public static void write(Path reports, RunLedger ledger, Map<String, String> figures, Optional<String> red, RunChanges changes, Redactor redactor) {
        write(reports, markdown(ledger, figures, red, Optional.of(changes)), redactor);
        try {
            Files.writeString(reports.resolve(CHANGES), redactor.redact(changes.json()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + CHANGES + " into " + reports, e);
        }
    }

    /** As {@link #write(Path, RunLedger, Map, Optional, Redactor)}, masking what is shaped like a token, without the run's tokens. */
    public static void write(Path reports, RunLedger ledger, Map<String, String> figures, Optional<String> red) {
        write(reports, ledger, figures, red, BY_SHAPE);
    }

    /**
     * The summary of a run that did not start (a setting, the preflight, a refused setup file): that, and why, every line
     * after the first one problem (a refused setup file lists them all), listed in full, none cut; last night's summary
     * must not stand.
     */
    public static void writeNotStarted(Path reports, String why, Redactor redactor) {
        List<String> lines = why.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String rest = lines.stream().skip(1).map(line -> "- " + line.replace("|", "\\|").replace("<", "&lt;") + "\n").collect(Collectors.joining());
        write(reports, TITLE + headline("This run stopped early. The harness did not start: " + (lines.isEmpty() ? why : lines.get(0)))
                + (rest.isEmpty() ? "" : rest + "\n") + "No scenario ran.\n", redactor);
    }

    /** As {@link #writeNotStarted(Path, String, Redactor)} before the run's tokens are known: what is shaped like a token is masked. */
    public static void writeNotStarted(Path reports, String why) {
        writeNotStarted(reports, why, BY_SHAPE);
    }

    /** Removes the previous run's summary, so that a run that ends before writing its own leaves none rather than a stale one. */
    public static void removePrevious(Path reports) {
        try {
            Files.deleteIfExists(reports.resolve("summary.md"));
            Files.deleteIfExists(reports.resolve("summary.html"));
            Files.deleteIfExists(reports.resolve(CHANGES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous run's summary from " + reports, e);
        }
    }

    /**
     * The page is redacted last, as a whole: a token a gateway echoed in disguise (u-escaped, as character references,
     * percent-encoded) is found as a reader decodes it, and the HTML is rendered from the redacted Markdown, so the
     * references and backslash escapes a Markdown renderer decodes are masked before it reads them.
     */
    private static void write(Path reports, String markdown, Redactor redactor) {
        String redacted = redactor.redact(markdown);
        try {
            Files.createDirectories(reports);
            Files.writeString(reports.resolve("summary.md"), redacted, StandardCharsets.UTF_8);
            Files.writeString(reports.resolve("summary.html"), SummaryHtml.of(redacted), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + reports, e);
        }
    }

    static String markdown(RunLedger ledger, Map<String, String> figures, Optional<String> redRun) {
        return markdown(ledger, figures, redRun, Optional.empty());
    }

    /** The page: why the run is red before anything (if it is so without a red scenario), the verdict line, the changes, then the tables. */
    static String markdown(RunLedger ledger, Map<String, String> figures, Optional<String> redRun, Optional<RunChanges> changes) {
        StringBuilder md = new StringBuilder(TITLE);
        redRun.ifPresent(words -> md.append(headline(words)));
        List<RunLedger.ScenarioResult> scenarios = ledger.scenarios();
        Map<String, Long> byStatus = scenarios.stream()
                .collect(Collectors.groupingBy(RunLedger.ScenarioResult::status, LinkedHashMap::new, Collectors.counting()));
        md.append(verdictLine(ledger, byStatus, redRun.isPresent())).append("\n\n");
        changes.ifPresent(c -> md.append(c.markdown()).append('\n'));
        md.append("**Scenarios:** ").append(scenarios.isEmpty()
                ? "none finished"
                : scenarios.size() + " — "
                        + byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                .append("  \n");
        figures.forEach((k, v) -> md.append("**").append(k).append(":** ").append(v).append("  \n"));
        md.append("\nThe scenarios themselves, step by step: [cucumber.html](cucumber.html). Every request and response: the Allure report.\n");

        md.append("\n## Models × routes\n\n");
        md.append("| model | route | capabilities passed | failed | not supported | not checked | first byte (median) | total (median) | total (p95) "
                + "| first streamed chunk | tokens |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Cell>> groups = ledger.cells().stream()
                .collect(Collectors.groupingBy(c -> c.model() + "\u0000" + c.route(), LinkedHashMap::new, Collectors.toList()));
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(null);
        for (String key : keys) {
            List<Cell> cells = groups.get(key);
            Cell first = cells.get(0);
            List<Timing> plain = cells.stream().filter(c -> c.capability() == Capability.PLAIN_REPLY).map(Cell::timing).flatMap(Optional::stream).toList();
            List<Duration> firstBytes = plain.stream().map(Timing::firstByte).sorted().toList();
            List<Duration> totals = plain.stream().map(Timing::total).sorted().toList();
            Optional<Duration> firstChunk = cells.stream().map(Cell::timing).flatMap(Optional::stream).map(Timing::firstChunk).flatMap(Optional::stream)
                    .findFirst();
            md.append("| ").append(first.model()).append(" | ").append(first.route())
                    .append(" | ").append(count(cells, Cell.Verdict.PASS)).append(" | ").append(count(cells, Cell.Verdict.FAIL))
                    .append(" | ").append(count(cells, Cell.Verdict.NOT_SUPPORTED)).append(" | ").append(count(cells, Cell.Verdict.NOT_CHECKED))
                    .append(" | ").append(percentile(firstBytes, 50)).append(" | ").append(percentile(totals, 50)).append(" | ").append(percentile(totals, 95))
                    .append(" | ").append(firstChunk.map(SummaryWriter::ms).orElse("—"))
                    .append(" | ").append(cells.stream().mapToInt(Cell::tokens).sum()).append(" |\n");
        }
        if (keys.isEmpty()) {
            md.append("| (no model was probed in this run) | | | | | | | | | | |\n");
        }

        md.append("\n## Capability matrix\n\n| model | route | ")
                .append(Arrays.stream(Capability.values()).map(Capability::words).collect(Collectors.joining(" | "))).append(" |\n|---|---|")
                .append("---|".repeat(Capability.values().length)).append("\n");
        for (String key : keys) {
            List<Cell> cells = groups.get(key);
            md.append("| ").append(cells.get(0).model()).append(" | ").append(cells.get(0).route()).append(" |");
            // A probe that could not run (no token at hand allows the model) checked nothing: no cell of it is a pass.
            boolean probed = cells.stream().noneMatch(c -> c.verdict() == Cell.Verdict.NOT_PROBED);
            for (Capability capability : Capability.values()) {
                md.append(' ').append(probed
                        ? cells.stream().filter(c -> c.capability() == capability && c.verdict() != Cell.Verdict.LATENCY_SAMPLE)
                                .map(c -> c.verdict().words()).findFirst().orElse("—")
                        : NOT_CHECKED).append(" |");
            }
            md.append('\n');
        }
        if (!keys.isEmpty()) {
            md.append("\nStreaming is a gateway capability: neither Coze route can use it (the plugin fails with \"response is not object\", the "
                    + "workflow node hands on the raw event stream as its body).\n");
        }
        List<Cell> failedCells = ledger.cells().stream().filter(c -> c.verdict() == Cell.Verdict.FAIL).toList();
        if (!failedCells.isEmpty()) {
            md.append("\nWhat each failed check saw:\n");
        }
        failedCells.forEach(c -> md.append("\n- **").append(c.model()).append(" / ").append(c.route()).append(" / ").append(c.capability().words())
                .append("** failed: ").append(c.evidence().replace("|", "\\|")));
        Map<String, List<Cell>> notChecked = ledger.cells().stream().filter(c -> c.verdict() == Cell.Verdict.NOT_CHECKED)
                .collect(Collectors.groupingBy(c -> "**" + c.model() + " / " + c.route() + "**", LinkedHashMap::new, Collectors.toList()));
        if (!notChecked.isEmpty()) {
            md.append(failedCells.isEmpty() ? "\n" : "\n\n").append("What was not checked, and why:\n");
        }
        notChecked.forEach((row, cells) -> md.append("\n- ").append(row).append(": ")
                .append(cells.stream().map(c -> c.capability().words()).collect(Collectors.joining(", "))).append(" — ")
                .append(cells.get(0).evidence().replace("|", "\\|")));

        ledger.notes().forEach((title, text) -> md.append("\n\n## ").append(title).append("\n\n").append(text));

        if (!ledger.retried().isEmpty()) {
            md.append("\n\n## Passed only after retries\n\nThe harness sent these again after a 429 or 5xx; a Coze workflow node never retries on a "
                    + "status, so in Coze they would have failed (" + CommonError.INTERMITTENT.title() + "). Run with -Dcrazyrouter.retries=0 to make "
                    + "them red.\n\n");
            ledger.retried().forEach(r -> md.append("- **").append(r.scenario()).append("**: ").append(r.note()).append('\n'));
        }

        md.append("\n\n## Red scenarios\n\n");
        List<RunLedger.ScenarioResult> red = RedScenarios.rootCauseFirst(ledger);
        if (red.isEmpty()) {
            md.append("None: every scenario that ran passed.\n");
        }
        for (RunLedger.ScenarioResult scenario : red) {
            md.append("### ").append(scenario.name()).append("\n\n")
                    .append("Route: ").append(scenario.route()).append(" · Model: ").append(scenario.model()).append("  \n")
                    .append("Checks: ").append(GuideLine.of(scenario.tags()).map(GuideLine::title).orElse("(no guide line)")).append("  \n");
            Optional<RunLedger.Failure> failure = ledger.failure(scenario.location());
            RedScenarios.diagnosedAs(ledger, scenario).ifPresentOrElse(
                    finding -> md.append("Diagnosed as: ").append(finding.cause().title()).append("  \n").append(fixOf(finding)).append("\n\n"),
                    () -> md.append("Diagnosed as: no guide row — what happened is below; the Allure report has every request and response.\n\n"));
            failure.flatMap(RunLedger.Failure::cozeShows).ifPresent(shows -> md.append("What Coze shows: ").append(escape(shows)).append("\n\n"));
            failure.ifPresent(f -> md.append("What happened:\n\n").append(quote(f.message())).append("\n\n"));
        }
        return md.toString();
    }

    /**
     * "**Verdict: green** — 103 scenarios: 101 passed, 2 skipped; capability cells: 36 pass, 0 fail": the first line a
     * manager reads. Red when a scenario failed, or the run is red without one (stopped early, nothing checked).
     */
    static String verdictLine(RunLedger ledger, Map<String, Long> byStatus, boolean redWithoutARedScenario) {
        long failed = byStatus.getOrDefault("FAILED", 0L);
        boolean red = failed > 0 || redWithoutARedScenario;
        List<Cell> cells = ledger.cells().stream().filter(c -> c.verdict() != Cell.Verdict.LATENCY_SAMPLE).toList();
        String counts = byStatus.isEmpty()
                ? "no scenario finished"
                : ledger.scenarios().size() + " scenarios: " + byStatus.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        return "**Verdict: " + (red ? "red" : "green") + "** — " + counts + (cells.isEmpty()
                ? ""
                : "; capability cells: " + count(cells, Cell.Verdict.PASS)
                        + " pass, " + count(cells, Cell.Verdict.FAIL) + " fail")
                + (red && failed == 0 ? " (the run is red: see above)" : "");
    }

    /** "> **This run stopped early.** The run deadline …": what makes the run red before anything else on the page. */
    private static String headline(String words) {
        return "> " + escape(words).replaceFirst("^(This run stopped early\\.|Nothing was checked:)", "**$1**") + "\n\n";
    }

    /** A Common Errors row in its three columns; any other cause with what to do about it. */
    private static String fixOf(Finding finding) {
        if (finding.cause() instanceof CommonError row) {
            return "Symptom: " + row.symptom() + "  \nCause: " + row.cause() + "  \nFix: " + row.fix();
        }
        return (finding.cause() instanceof GuideLine ? "Fix: " : "What to do: ") + escape(finding.whatToDo());
    }

    private static String quote(String message) {
        String shortened = message.length() > LONGEST_QUOTE ? message.substring(0, LONGEST_QUOTE) + " …" : message;
        return shortened.strip().lines().map(line -> "> " + line.replace("|", "\\|")).collect(Collectors.joining("  \n"));
    }

    private static String escape(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return (line.length() > LONGEST_QUOTE ? line.substring(0, LONGEST_QUOTE) + " …" : line).replace("|", "\\|").replace("<", "&lt;");
    }

    private static long count(List<Cell> cells, Cell.Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).count();
    }

    private static String percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return "—";
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return ms(sorted.get(Math.max(0, index)));
    }

    private static String ms(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
