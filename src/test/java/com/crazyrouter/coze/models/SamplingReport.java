package com.crazyrouter.coze.models;

import com.crazyrouter.coze.guide.CommonError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the sampling found, as the summary's table (one row per model × route × mode), and, when a sample failed,
 * the failure message that quotes the failing rows and the guide's fix.
 */
public record SamplingReport(List<Sampler.Row> rows, Map<String, String> notSampled) {
    /** The summary section's title, also the Allure attachment's name. */
    public static final String TITLE = "Intermittent failures (-Dsamples)";
    private static final String HEADER = "| model | route | mode | requests | answers by status | failed | first byte p50 | first byte p95 "
            + "| total p50 | total p95 |\n|---|---|---|---|---|---|---|---|---|---|\n";

    public SamplingReport {
        rows = List.copyOf(rows);
        notSampled = Map.copyOf(notSampled);
    }

    public int requests() {
        return rows.stream().mapToInt(r -> r.stats().requests()).sum();
    }

    public int failed() {
        return rows.stream().mapToInt(r -> r.stats().failed()).sum();
    }

    /** The table, what it measured, and the models left out (no token allows them). */
    public String markdown() {
        return "The guide's minimal test (\"" + Sampler.MINIMAL_INPUT + "\", the guide's setup) sent as Coze sends it, per model, route and "
                + "mode; no retry of a status, as in Coze. " + failed() + " of " + requests() + " samples failed (" + SampleStats.percent(failed(), requests())
                + ").\n\n" + table(rows) + notSampled.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> "\n- " + e.getKey() + ": not sampled, " + e.getValue()).collect(Collectors.joining())
                + (failed() > 0 ? "\n\n" + CommonError.INTERMITTENT.advice() : "") + "\n";
    }

    private static String table(List<Sampler.Row> rows) {
        return HEADER + rows.stream().map(SamplingReport::line).collect(Collectors.joining());
    }

    private static String line(Sampler.Row row) {
        SampleStats s = row.stats();
        return "| " + row.model() + " | " + row.route().words() + " | " + row.mode() + " | " + s.requests() + " | " + s.answerWords()
                + " | " + s.failed() + " (" + SampleStats.percent(s.failed(), s.requests()) + ") | " + SampleStats.ms(s.firstByte(50))
                + " | " + SampleStats.ms(s.firstByte(95)) + " | " + SampleStats.ms(s.total(50)) + " | " + SampleStats.ms(s.total(95)) + " |\n";
    }

    /**
     * Why the minimal test is not reliable: the guide's row 6 and its fix first, then one line per batch that failed
     * (the whole table is in the summary's section and the report's attachment); empty when none failed.
     */
    public Optional<String> failure() {
        List<Sampler.Row> failing = rows.stream().filter(r -> r.stats().failed() > 0).toList();
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        boolean always = failing.stream().allMatch(r -> r.stats().failed() == r.stats().requests());
        return Optional.of("Expected: every run of the minimal test gets a chat reply — Coze never retries on a status, so each failed sample "
                + "is a failed node run for a builder.\n     but: " + failed() + " of " + requests() + " samples failed ("
                + SampleStats.percent(failed(), requests()) + "). What happened matches " + CommonError.INTERMITTENT.advice()
                + (always
                        ? " Every sample of the failed batches failed, though: that is constant, not intermittent, and the row for that "
                                + "status applies (e.g. 401, 403, 404)."
                        : "")
                + "\nBatches with failures (model / route / mode: answers by status → share failed):\n"
                + failing.stream().map(r -> r.model() + " / " + r.route().words() + " / " + r.mode() + ": " + r.stats().outcomeWords())
                        .collect(Collectors.joining("\n")));
    }

    /** What the builder saw on the first failed sample. */
    public Optional<String> cozeShows() {
        return rows.stream().map(r -> r.stats().cozeShows()).flatMap(Optional::stream).findFirst();
    }
}
