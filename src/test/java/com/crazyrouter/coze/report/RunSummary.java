package com.crazyrouter.coze.report;

import com.crazyrouter.coze.run.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run spent, printed at its end and shown on the Allure report's Overview (its "Environment" widget,
 * fed by environment.properties in the results folder); and the report's categories (categories.json, from the guide).
 */
public final class RunSummary {
    private RunSummary() {
    }

    public static void publish(Run run) {
        Map<String, String> figures = figures(run);
        System.out.println();
        System.out.println("Crazyrouter contract run: " + figures.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
        SummaryWriter.write(run.settings().reportsDir(), run.ledger(), figures);
        Path results = run.settings().allureResults();
        if (!Files.isDirectory(results)) {
            return;
        }
        String properties = figures.entrySet().stream()
                .map(e -> e.getKey().replace(" ", "\\ ") + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(results.resolve("environment.properties"), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run summary into " + results, e);
        }
        AllureCategories.write(results);
    }

    static Map<String, String> figures(Run run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Target", run.settings().target().label());
        figures.put("Gateway", run.redactor().redact(run.gatewayUrl().toString()));
        figures.put("Requests sent", run.budget().requests() + " (cap " + run.budget().requestCap() + ")");
        figures.put("Retries", String.valueOf(run.budget().retries()));
        figures.put("Scenarios that passed only after retries", String.valueOf(run.ledger().retried().size()));
        figures.put("Tokens used", run.budget().tokens() + " (cap " + run.budget().tokenCap() + ")");
        return figures;
    }
}
