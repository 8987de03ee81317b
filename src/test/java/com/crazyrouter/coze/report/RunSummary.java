package com.crazyrouter.coze.report;

import com.crazyrouter.coze.Harness;
import io.qameta.allure.util.PropertiesUtils;
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
 * fed by environment.properties in the results folder).
 */
public final class RunSummary {
    private RunSummary() {
    }

    public static void publish(Harness harness) {
        Map<String, String> figures = figures(harness);
        System.out.println();
        System.out.println("Crazyrouter contract run: " + figures.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
        SummaryWriter.write(harness.settings().reportsDir(), harness.ledger(), figures);
        Path results = Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
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
    }

    static Map<String, String> figures(Harness harness) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Target", harness.settings().target().label());
        figures.put("Gateway", harness.redactor().redact(harness.gatewayUrl().toString()));
        figures.put("Requests sent", harness.budget().requests() + " (cap " + harness.budget().requestCap() + ")");
        figures.put("Retries", String.valueOf(harness.budget().retries()));
        figures.put("Tokens used", harness.budget().tokens() + " (cap " + harness.budget().tokenCap() + ")");
        return figures;
    }
}
