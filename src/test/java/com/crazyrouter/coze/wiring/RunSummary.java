package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.OpenAiConformance;
import com.crazyrouter.coze.report.AllureCategories;
import com.crazyrouter.coze.report.AllureConformance;
import com.crazyrouter.coze.report.RunChanges;
import com.crazyrouter.coze.report.RunHistory;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.report.RunRecord;
import com.crazyrouter.coze.report.RunVerdict;
import com.crazyrouter.coze.report.SummaryWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run spent, printed at its end and shown on the Allure report's Overview (its "Environment" widget,
 * fed by environment.properties in the results folder); the report's categories (categories.json, from the guide);
 * and the summary, which never stands for another run: removed as a run starts, written however it ends.
 */
public final class RunSummary {
    private RunSummary() {
    }

    /** Writes the run's summary and figures; returns why the run is red although no scenario need be, if it is. */
    public static Optional<String> publish(Run run) {
        run.ledger().note(OpenAiConformance.TITLE, run.ledger().conformance().markdown());
        RunLedger ledger = run.ledger().snapshot();
        Optional<String> red = RunVerdict.redWithoutARedScenario(ledger, run.stop().stopped(), RunSlot.planned());
        Map<String, String> figures = figures(run);
        System.out.println();
        System.out.println("Crazyrouter contract run: " + figures.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
        RunChanges changes = changesSincePrevious(run, ledger);
        System.out.println(changes.consoleLine());
        SummaryWriter.write(run.settings().reportsDir(), ledger, figures, red, changes, run.redactor());
        Path results = run.settings().allureResults();
        if (Files.isDirectory(results)) {
            writeEnvironment(results, figures);
        }
        return red;
    }

    /**
     * Compares this run with the previous one of the same target kept in the run history, then keeps this one there too;
     * a run in which no scenario finished is not kept (it would make the next run's comparison empty).
     */
    private static RunChanges changesSincePrevious(Run run, RunLedger ledger) {
        Settings settings = run.settings();
        RunHistory history = new RunHistory(settings.historyDir(), RunHistory.target(settings.target(), settings.baseUrl()));
        RunHistory.Kept kept = history.read();
        RunRecord now = RunRecord.of(ledger, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), selection(settings));
        RunChanges changes = RunChanges.between(kept.runs(), now, settings.latencyChangePercent(), history.file().toString());
        if (kept.unreadable().isPresent()) {
            changes = new RunChanges(changes.history(), changes.previousFinished(), List.of(kept.unreadable().get()), changes.cells(), changes.modelsAppeared(),
                    changes.modelsLeft(), changes.latency(), changes.latencyNotCompared(), changes.newlyRed(), changes.newlyGreen(), changes.flaky());
        }
        if (!ledger.scenarios().isEmpty()) {
            history.keep(kept.runs(), now, run.redactor());
        }
        return changes;
    }

    /** What the run selected, as compared between runs: the tag selection, the models under test, a builder's setup file (its name). */
    static String selection(Settings settings) {
        return "tags " + (Settings.tagSelection().isEmpty() ? "(all)" : Settings.tagSelection()) + ", models " + String.join(", ", settings.modelsUnderTest())
                + ", setup file " + settings.cozeSetupFile().map(file -> String.valueOf(file.getFileName())).orElse("(none)");
    }

    private static void writeEnvironment(Path results, Map<String, String> figures) {
        String properties = figures.entrySet().stream()
                .map(e -> e.getKey().replace(" ", "\\ ") + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(results.resolve("environment.properties"), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run summary into " + results, e);
        }
        AllureCategories.write(results);
        AllureConformance.intoResults(results);
    }

    static Map<String, String> figures(Run run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Target", run.settings().target().label());
        figures.put("Gateway", run.redactor().redact(run.gatewayUrl().toString()));
        figures.put("Requests sent", run.budget().requests() + " (cap " + run.budget().requestCap() + ")");
        figures.put("Retries", run.budget().retries() + " (cap " + run.budget().retryCap() + ")");
        figures.put("Scenarios that passed only after retries", String.valueOf(run.ledger().retried().size()));
        figures.put("Tokens used", run.budget().tokens() + " (cap " + run.budget().tokenCap() + ")");
        return figures;
    }
}
