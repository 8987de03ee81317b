package com.crazyrouter.coze.report;

import com.crazyrouter.coze.run.RunStop;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a run is red although none of its scenarios need be: it stopped early (its deadline, a gateway that stopped
 * answering, an interruption), or it checked nothing (every scenario skipped, like a tag selection that selects none).
 * The summary opens with these words and the build fails with them.
 */
public final class RunVerdict {
    private static final int LONGEST_REASON = 200;
    private static final int REASONS_SHOWN = 3;
    private static final List<String> STATUS_ORDER = List.of("passed", "failed", "skipped");

    private RunVerdict() {
    }

    /** The words a red run without a red scenario ends with; empty when its scenarios alone decide. */
    public static Optional<String> redWithoutARedScenario(RunLedger ledger, Optional<RunStop.Stop> stop, OptionalLong planned) {
        return stop.map(why -> stoppedEarly(ledger, why, planned)).or(() -> nothingChecked(ledger));
    }

    /** "This run stopped early. …: Of 101 scenarios, 40 ran (38 passed, 2 failed) and 61 did not run or were cut short." */
    static String stoppedEarly(RunLedger ledger, RunStop.Stop stop, OptionalLong planned) {
        List<RunLedger.ScenarioResult> finished = ledger.scenarios();
        List<RunLedger.ScenarioResult> ran = finished.stream()
                .filter(s -> ledger.skipReason(s.location()).filter(r -> r.startsWith(stop.skipped())).isEmpty()).toList();
        long total = Math.max(planned.orElse(finished.size()), finished.size());
        return "This run stopped early. " + stop.message() + " Of " + total + " scenarios, " + ran.size() + " ran"
                + (ran.isEmpty() ? "" : " (" + byStatus(ran) + ")") + " and " + (total - ran.size()) + " did not run or were cut short.";
    }

    /** "Nothing was checked: all 12 scenarios were skipped — 12 × …". */
    static Optional<String> nothingChecked(RunLedger ledger) {
        List<RunLedger.ScenarioResult> finished = ledger.scenarios();
        if (finished.isEmpty() || finished.stream().anyMatch(s -> !s.status().equals("SKIPPED"))) {
            return Optional.empty();
        }
        Map<String, Long> reasons = finished.stream().map(s -> ledger.skipReason(s.location()).orElse("no reason given"))
                .map(RunVerdict::shortened).collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        String counted = reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(REASONS_SHOWN)
                .map(e -> e.getValue() + " × \"" + e.getKey() + "\"").collect(Collectors.joining("; "));
        return Optional.of("Nothing was checked: all " + finished.size() + " scenarios were skipped — " + counted
                + (reasons.size() > REASONS_SHOWN ? "; and " + (reasons.size() - REASONS_SHOWN) + " other reasons" : "")
                + ". A run that checks nothing is not green: select scenarios this run can check (README, \"Run part of it\").");
    }

    /** "38 passed, 2 failed, 1 skipped". */
    private static String byStatus(List<RunLedger.ScenarioResult> scenarios) {
        Map<String, Long> counts = scenarios.stream()
                .collect(Collectors.groupingBy(s -> s.status().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Comparator.comparingInt(e -> STATUS_ORDER.indexOf(e.getKey()) & Integer.MAX_VALUE))
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String shortened(String reason) {
        String line = reason.replaceFirst("^Skipped: ", "").replaceAll("\\s+", " ").trim().replaceFirst("\\.$", "");
        return line.length() > LONGEST_REASON ? line.substring(0, LONGEST_REASON) + "…" : line;
    }
}
