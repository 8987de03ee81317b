package com.crazyrouter.coze.report;

import com.crazyrouter.coze.Json;
import com.crazyrouter.coze.gateway.OpenAiConformance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAI conformance layer in the Allure report: each scenario whose answers differ from OpenAI's schemas gets an
 * attachment saying how, and a green one is filed under a category of its own ("OpenAI conformance (report only)").
 * Allure files a result under a category by its status message, which a passed scenario does not have and which
 * Allure's Cucumber plugin sets as the scenario finishes; so the message is written into the passed scenario's result
 * once the run is over ({@link #intoResults}), and a red scenario keeps its own (its failure decides its category).
 */
public final class AllureConformance {
    static final String MESSAGE = OpenAiConformance.TITLE + ": ";
    /** Allure's result id of each scenario shown with differences, and the differences' words. */
    private static final Map<String, String> SHOWN = new ConcurrentHashMap<>();

    private AllureConformance() {
    }

    /** Attaches this scenario's differences; remembers its result for the category. */
    public static void show(List<OpenAiConformance.Difference> found) {
        if (!Evidence.recorded()) {
            return;
        }
        String words = OpenAiConformance.words(found);
        Evidence.attach(OpenAiConformance.TITLE, "text/plain", words);
        Allure.getLifecycle().getCurrentTestCase().ifPresent(uuid -> SHOWN.put(uuid, words));
    }

    /** The category: green scenarios whose answers differ from OpenAI's contract. */
    static List<AllureCategories.Category> categories() {
        String regex = "(?s)" + Pattern.quote(MESSAGE) + ".*";
        return List.of(new AllureCategories.Category(OpenAiConformance.TITLE, List.of("passed"), regex, false),
                new AllureCategories.Category(OpenAiConformance.TITLE, List.of("passed"), regex, true));
    }

    /** Gives each passed scenario shown with differences its status message, in the results folder Allure renders from. */
    public static void intoResults(Path results) {
        for (Map.Entry<String, String> shown : Map.copyOf(SHOWN).entrySet()) {
            Path file = results.resolve(shown.getKey() + "-result.json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            SHOWN.remove(shown.getKey());
            try {
                JsonNode result = Json.MAPPER.readTree(file.toFile());
                if (!"passed".equals(result.path("status").asText()) || result.path("statusDetails").hasNonNull("message")) {
                    continue;
                }
                ObjectNode details = result.path("statusDetails").isObject() ? (ObjectNode) result.get("statusDetails")
                        : ((ObjectNode) result).putObject("statusDetails");
                details.put("message", MESSAGE + shown.getValue());
                Files.writeString(file, Json.MAPPER.writeValueAsString(result), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot give " + file + " its OpenAI conformance message", e);
            }
        }
    }
}
