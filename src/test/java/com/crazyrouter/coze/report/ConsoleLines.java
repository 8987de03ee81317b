package com.crazyrouter.coze.report;

import com.crazyrouter.coze.guide.GuideLine;
import io.cucumber.plugin.event.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** What a person watching a run reads in the console: a line per finished scenario, and the lines the run ends with. */
public final class ConsoleLines {
    private static final int VERDICT_WIDTH = 8;

    private ConsoleLines() {
    }

    /** "[ 12/101] passed   Validation Checklist 4 — The Authorization header filled as Bearer {token}". */
    public static String progress(long finished, OptionalLong planned, String verdict, Collection<String> tags, String name) {
        String total = planned.isPresent() ? String.valueOf(planned.getAsLong()) : "?";
        String count = String.valueOf(finished);
        return "[" + " ".repeat(Math.max(0, total.length() - count.length())) + count + "/" + total + "] "
                + verdict + " ".repeat(Math.max(1, VERDICT_WIDTH + 1 - verdict.length())) + label(tags, name);
    }

    /** passed, FAILED, skipped, or what the run's retry note says happened ("passed after 1 retry"). */
    public static String verdict(Status status, Optional<String> retryNote) {
        return switch (status) {
            case PASSED -> retryNote.map(note -> note.split(" — ", 2)[0]).orElse("passed");
            case SKIPPED -> "skipped";
            case FAILED -> "FAILED";
            default -> "FAILED (" + status.name().toLowerCase(Locale.ROOT) + ")";
        };
    }

    /** The summary to open, and for a red run the first red scenario with the guide row whose fix applies, as the summary chooses it. */
    public static List<String> closing(Path reportsDir, RunLedger ledger) {
        return closing(reportsDir, ledger, Optional.empty());
    }

    /**
     * As {@link #closing(Path, RunLedger)}, the root cause first: why the run stopped, if it did, then the first red
     * scenario as the summary lists it (the builder's setup check before the scenarios that failed because of it).
     */
    public static List<String> closing(Path reportsDir, RunLedger ledger, Optional<String> stopped) {
        List<String> lines = new ArrayList<>(List.of("Open " + reportsDir.resolve("summary.html")));
        stopped.ifPresent(why -> lines.add("Root cause: the run stopped. " + why));
        List<RunLedger.ScenarioResult> red = RedScenarios.rootCauseFirst(ledger);
        if (!red.isEmpty()) {
            RunLedger.ScenarioResult first = red.get(0);
            lines.add("First red scenario (of " + red.size() + "): " + label(first.tags(), first.name()) + ". "
                    + RedScenarios.diagnosedAs(ledger, first).map(finding -> "Diagnosed as " + finding.cause().title() + ". "
                            + (finding.row().isPresent() ? "Fix: " : "What to do: ") + finding.whatToDo().replaceFirst("\\.?$", "."))
                            .orElse("No guide row names a fix: read what happened in the summary."));
        }
        return lines;
    }

    /** A setup file the run was given and refused: what is wrong, with its file, line and column, and what to do; once, without a stack trace. */
    public static List<String> setupRefused(String why) {
        return notStarted("its setup file was refused. Nothing was sent.", why);
    }

    /** "The run did not start: the preflight stopped it.", then why, each line indented. */
    public static List<String> notStarted(String what, String why) {
        List<String> lines = new ArrayList<>(List.of("", "The run did not start: " + what));
        why.strip().lines().forEach(line -> lines.add("  " + line.strip()));
        lines.add("");
        return lines;
    }

    /** "Validation Checklist 4 — <scenario>": the guide line's short name, then the scenario's own. */
    public static String label(Collection<String> tags, String name) {
        return GuideLine.of(tags).map(line -> line.title().split(": ", 2)[0] + " — " + name).orElse(name);
    }
}
