package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's id across runs: feature, name and example values, never its line; the run history's and Allure's the same. */
class ScenarioKeyTest {
    private static final String OUTLINE = "Feature: f\n\n  Scenario Outline: <model> through the <route>\n    Given x\n\n    Examples:\n"
            + "      | model   | route      |\n      | gpt-5.4 | API plugin |\n      | gpt-5.4 | a \\| b     |\n";

    @Test
    void aScenarioKeepsItsIdWhenLinesAboveItMove(@TempDir Path dir) throws Exception {
        Path before = Files.createDirectories(dir.resolve("one/features/models")).resolve("m.feature");
        Path after = Files.createDirectories(dir.resolve("two/features/models")).resolve("m.feature");
        Files.writeString(before, OUTLINE);
        Files.writeString(after, OUTLINE.replace("Feature: f\n", "Feature: f\n  A description added\n  over two lines\n"));

        String was = ScenarioKey.ofLocation(before.toUri() + ":8", "gpt-5.4 through the API plugin");
        assertThat(ScenarioKey.ofLocation(after.toUri() + ":10", "gpt-5.4 through the API plugin"), is(was));
        assertThat("another example row is another scenario", ScenarioKey.ofLocation(before.toUri() + ":9", "gpt-5.4 through the API plugin"), not(is(was)));
        assertThat(ScenarioKey.exampleValues(before.toUri().toString(), 9), is(List.of("gpt-5.4", "a | b")));
        assertThat(ScenarioKey.exampleValues(before.toUri().toString(), 3), is(List.of()));
        assertThat("trimmed before its escapes are read, as Gherkin does", ScenarioKey.cells("| Bearer {token}\\n | x |"),
                is(List.of("Bearer {token}\n", "x")));
    }

    @Test
    void theFeatureIsItsPathUnderFeaturesWhereverTheRunFoundIt() {
        assertThat(ScenarioKey.featurePath("file:///work/repo/features/checklist/01-token.feature"), is("checklist/01-token.feature"));
        assertThat(ScenarioKey.featurePath("classpath:features/checklist/01-token.feature"), is("checklist/01-token.feature"));
        assertThat(ScenarioKey.featurePath("features/checklist/01-token.feature"), is("checklist/01-token.feature"));
    }

    /** Allure's historyId is the run history's key: the full name allure-cucumber7-jvm gives (path:line) and the example row as parameters. */
    @Test
    void alluresHistoryIdIsTheRunHistorysKey() {
        Path feature = Path.of("features", "models", "recommended-models.feature");
        String location = feature.toAbsolutePath().toUri() + ":" + ROW;
        TestResult result = new TestResult().setFullName("features/models/recommended-models.feature:" + ROW).setName("gpt-5.4 through the API plugin")
                .setHistoryId("md5-of-uri-and-line").setParameters(List.of(new Parameter().setName("model").setValue("gpt-5.4"),
                        new Parameter().setName("route").setValue("API plugin"), new Parameter().setName("allowed for the Coze token").setValue("yes"),
                        new Parameter().setName("JSON mode").setValue("yes")));

        new StableHistoryId().beforeTestStart(result);

        assertThat(result.getHistoryId(), is(ScenarioKey.ofLocation(location, "gpt-5.4 through the API plugin")));
        assertThat(result.getHistoryId(), is(new RunLedger.ScenarioResult(location, "gpt-5.4 through the API plugin", List.of(), "PASSED", "r", "m").key()));
    }

    private static final int ROW = rowOfGptThroughThePlugin();

    private static int rowOfGptThroughThePlugin() {
        try {
            List<String> lines = Files.readAllLines(Path.of("features", "models", "recommended-models.feature"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().matches("\\| gpt-5\\.4 +\\| API plugin +\\|.*")) {
                    return i + 1;
                }
            }
            throw new AssertionError("no gpt-5.4 / API plugin row in recommended-models.feature");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
