package com.crazyrouter.coze.report;

import com.crazyrouter.coze.contract.OpenAiConformance;
import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenAI conformance layer in the Allure report: each scenario whose answers differ from OpenAI's schemas gets an
 * attachment saying how (in its tear-down: it is attached as the scenario ends), and a green one is filed under a
 * category of its own ("OpenAI conformance (report only)"). Allure files a result under a category by its status
 * message, which a passed scenario does not have and which Allure's Cucumber plugin sets as the scenario finishes; so the
 * message is written into the passed scenario's result once the run is over ({@link #intoResults}), from the attachment,
 * and a red scenario keeps its own (its failure decides its category).
 */
public final class AllureConformance {
    static final String MESSAGE = OpenAiConformance.TITLE + ": ";

    private AllureConformance() {
    }

    /** Attaches this scenario's differences. */
    public static void show(List<OpenAiConformance.Difference> found) {
        AllureSteps.attach(OpenAiConformance.TITLE, "text/plain", OpenAiConformance.words(found));
    }

    /** The category: green scenarios whose answers differ from OpenAI's contract. */
    static List<AllureCategories.Category> categories() {
        String regex = "(?s)" + Pattern.quote(MESSAGE) + ".*";
        return List.of(new AllureCategories.Category(OpenAiConformance.TITLE, List.of("passed"), regex, false),
                new AllureCategories.Category(OpenAiConformance.TITLE, List.of("passed"), regex, true));
    }

    /**
     * Gives each passed scenario with the conformance attachment its status message, in the results folder Allure
     * renders from: the attachment sits in a tear-down of the scenario's container, whose children are the scenario's result.
     */
    public static void intoResults(Path results) {
        List<Path> containers;
        try (Stream<Path> files = Files.list(results)) {
            containers = files.filter(f -> f.getFileName().toString().endsWith("-container.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Allure results in " + results, e);
        }
        for (Path container : containers) {
            try {
                JsonNode node = Json.MAPPER.readTree(container.toFile());
                for (JsonNode after : node.path("afters")) {
                    for (JsonNode attachment : after.path("attachments")) {
                        if (attachment.path("name").asText().equals(OpenAiConformance.TITLE)) {
                            String words = Files.readString(results.resolve(attachment.path("source").asText()), StandardCharsets.UTF_8);
                            node.path("children").forEach(child -> giveMessage(results.resolve(child.asText() + "-result.json"), words));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot give the results of " + container + " their OpenAI conformance message", e);
            }
        }
    }

    private static void giveMessage(Path file, String words) {
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            JsonNode result = Json.MAPPER.readTree(file.toFile());
            if (!"passed".equals(result.path("status").asText()) || result.path("statusDetails").hasNonNull("message")) {
                return;
            }
            ObjectNode details = result.path("statusDetails").isObject()
                    ? (ObjectNode) result.get("statusDetails")
                    : ((ObjectNode) result).putObject("statusDetails");
            details.put("message", MESSAGE + words);
            Files.writeString(file, Json.MAPPER.writeValueAsString(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + file + " its OpenAI conformance message", e);
        }
    }
}
