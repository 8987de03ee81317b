package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.report.AllureCategories;
import com.crazyrouter.coze.report.AllureConformance;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.report.RunVerdict;
import com.crazyrouter.coze.report.SummaryWriter;
import com.crazyrouter.coze.contract.OpenAiConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        SummaryWriter.write(run.settings().reportsDir(), ledger, figures, red, run.redactor());
        Path results = run.settings().allureResults();
        if (Files.isDirectory(results)) {
            writeEnvironment(results, figures);
        }
        return red;
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
