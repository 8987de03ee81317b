package com.crazyrouter.coze.models;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What every run knows of Common Errors 6 without -Dsamples: the guide's minimal test sent a few times, one after
 * another, through the workflow HTTP node, as Coze sends it and without a retry of a status (Coze never retries one).
 * It gives the failure rate, p50 and p95, and the headroom of p95 against Coze's timeouts: the workflow node's 120 s
 * default and the workflow plugin node's 3 min (docs/COZE.md §2, §3; a plugin tool called by a bot has none). Any
 * failed request fails it, as a failed node run would; the
 * headroom is reported, not judged (a reply past the harness's own 60 s timeout is already a failure). Too few requests
 * to measure a rate: the report says how to measure one (-Dsamples).
 */
public record IntermittentProbe(Sampler.Row row) {
    /** Few enough to be polite to production (and to add seconds, not minutes, to a run), enough to see a gateway failing now. */
    public static final int REQUESTS = 5;
    /** The summary section's title, also the Allure attachment's name. */
    public static final String TITLE = "Intermittent failures: the default probe (Common Errors 6)";
    /**
     * The workflow plugin node's timeout: the editor's default and maximum for it (docs/COZE.md §3, read in coze-studio at
     * 4f786d6a). A plugin tool called by a bot has none, so there is no headroom to report for it.
     */
    static final Duration PLUGIN_TIMEOUT = Duration.ofMinutes(3);

    /** "5 minimal tests …: 200: 5 → 0 % failed; total p50 …, p95 …; p95 is 1/75 of the workflow node's 120 s timeout …". */
    public String words() {
        SampleStats s = row.stats();
        return row.stats().requests() + " minimal tests (\"" + Sampler.MINIMAL_INPUT + "\", " + row.model() + ", " + row.route().words()
                + ", one after another, no retry of a status): " + s.outcomeWords() + "; first byte p50 " + SampleStats.ms(s.firstByte(50))
                + ", p95 " + SampleStats.ms(s.firstByte(95)) + "; total p50 " + SampleStats.ms(s.total(50)) + ", p95 " + SampleStats.ms(s.total(95))
                + ". " + headroom();
    }

    /** p95 against Coze's timeouts: how many times over it fits in each. */
    String headroom() {
        Optional<Duration> p95 = row.stats().total(95);
        if (p95.isEmpty()) {
            return "Headroom against Coze's timeouts: not measured (no request was answered).";
        }
        return "Headroom of p95 against Coze's timeouts: " + times(p95.get(), WorkflowHttpNode.DEFAULT_TIMEOUT) + " within the workflow node's "
                + WorkflowHttpNode.DEFAULT_TIMEOUT.toSeconds() + " s default, " + times(p95.get(), PLUGIN_TIMEOUT) + " within the workflow plugin node's "
                + PLUGIN_TIMEOUT.toMinutes() + " min (a plugin tool called by a bot has none).";
    }

    private static String times(Duration p95, Duration timeout) {
        double ratio = timeout.toNanos() / (double) Math.max(1, p95.toNanos());
        return ratio >= 10 ? String.format(Locale.ROOT, "%,d×", (long) ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    /** The summary's section: what was sent and found, and how to measure a rate. */
    public String markdown() {
        return words() + "\n\nToo few requests to measure a failure rate: for that, run the sampling (`-D" + Settings.SAMPLES
                + "=20`, docs/MODELS.md, \"Is it intermittent?\")." + (row.stats().failed() > 0 ? "\n\n" + CommonError.INTERMITTENT.advice() : "") + "\n";
    }

    /**
     * What the failed minimal tests were diagnosed as: the guide's row 6, unless every one of them was a cause the guide
     * has no row for (a page from the site's front, a reply that is not one JSON object), where row 6's fix cannot help.
     */
    public Finding finding() {
        return row.stats().offGuide().orElseGet(() -> Finding.of(CommonError.INTERMITTENT));
    }

    /** Why the probe failed, quoting what it was diagnosed as; empty when every minimal test got a chat reply. */
    public Optional<String> failure() {
        SampleStats s = row.stats();
        if (s.failed() == 0) {
            return Optional.empty();
        }
        boolean always = s.failed() == s.requests() && s.offGuide().isEmpty();
        return Optional.of("Expected: each of " + s.requests() + " minimal tests in a row gets a chat reply — Coze never retries on a status, so each "
                + "failure is a failed node run for a builder.\n     but: " + words() + "\nWhat happened matches " + finding().advice()
                + (always ? " Every request failed, though: that is constant, not intermittent, and the row for that status applies (e.g. 401, 403, 404)." : "")
                + " To measure how often, run the sampling (-D" + Settings.SAMPLES + "=20).");
    }
}
