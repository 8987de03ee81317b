package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model table is the file non-engineers edit: every mistake in it is named with its line. */
class ModelTableTest {
    private static final String HEAD = """
            Feature: models
              @models
              Scenario Outline: <model> through the <route>
                Given a dedicated Crazyrouter token for Coze

                Examples:
                  | model | route | allowed for the Coze token | JSON mode |
            """;
    @TempDir
    Path dir;

    @Test
    void theGuidesModelsAreTheThreeItRecommendsOnBothRoutes() {
        ModelTable table = ModelTable.load(ModelTable.GUIDE_MODELS);
        assertThat(table.models(), contains("gpt-5.4", "claude-sonnet-4-6", "gemini-3-pro-preview"));
        assertThat(table.allowedModels(), contains("gpt-5.4", "claude-sonnet-4-6"));
        assertThat(table.rows().size(), is(6));
    }

    /** The one test that reads the table people edit: a mistake there fails here once, with its line, and stops every run the same way. */
    @Test
    void theCommittedTableLoads() {
        assertThat(ModelTable.load(ModelTable.DEFAULT).rows(), is(not(empty())));
    }

    @Test
    void aMissingFileSaysWhichSettingPointsAtIt() {
        assertThat(assertThrows(ConfigurationException.class, () -> ModelTable.load(dir.resolve("nowhere.feature"))).getMessage(),
                allOf(containsString("nowhere.feature is missing"), containsString("-Dcrazyrouter.modelTable")));
    }

    @Test
    void aFileThatIsNotGherkinIsNamedWithItsLine() throws IOException {
        assertThat(failure("models:\n  - gpt-5.4\n"), allOf(containsString("models.feature:1: does not parse as Gherkin"), not(containsString("(1:"))));
    }

    @Test
    void aRowWithACellMissingIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | yes |\n"), allOf(containsString("models.feature:8: does not parse as Gherkin"),
                containsString("inconsistent cell count")));
    }

    @Test
    void aTableOutsideTheModelsScenarioIsNotFound() throws IOException {
        assertThat(failure(HEAD.replace("@models", "@other") + "      | gpt-5.4 | API plugin | yes | yes |\n"),
                containsString("exactly one Examples table, with a header row, under the feature's @models scenario; found none"));
    }

    @Test
    void twoTablesAreNamedWithTheirLines() throws IOException {
        String row = "      | gpt-5.4 | API plugin | yes | yes |\n";
        assertThat(failure(HEAD + row + "\n    Examples:\n      | model | route | allowed for the Coze token | JSON mode |\n" + row),
                containsString("found 2 (lines 6, 10)"));
    }

    @Test
    void anUnknownColumnIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD.replace("| JSON mode |", "| JSON mode | price |") + "      | gpt-5.4 | API plugin | yes | yes | 1 |\n"),
                allOf(containsString(":7: the table's columns must be"), containsString("price")));
    }

    @Test
    void anEmptyTableIsNamedWithItsHeaderLine() throws IOException {
        assertThat(failure(HEAD), containsString(":7: the model table lists no model"));
    }

    @Test
    void aModelIdWithASpaceOrAnEmptyModelCellIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt 5.4 | API plugin | yes | yes |\n"), containsString(":8: 'gpt 5.4' is not a model id"));
        assertThat(failure(HEAD + "      |  | API plugin | yes | yes |\n"), containsString(":8: the model cell is empty"));
    }

    @Test
    void aWrongRouteIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | Slack | yes | yes |\n"), containsString(":8: route 'Slack'"));
    }

    @Test
    void aWordOtherThanYesOrNoIsNamedWithItsLineAndColumn() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | maybe | yes |\n"), containsString(":8: 'allowed for the Coze token' must be yes or no"));
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | yes | sometimes |\n"), containsString(":8: 'JSON mode' must be yes or no, not 'sometimes'"));
    }

    @Test
    void aDuplicateRowIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | yes | yes |\n      | gpt-5.4 | API plugin | yes | no |\n"),
                containsString(":9: gpt-5.4 through the API plugin is listed twice"));
    }

    @Test
    void aModelAllowedOnOneRouteOnlyIsNamedWithBothLines() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | yes | yes |\n      | gpt-5.4 | workflow HTTP node | no | yes |\n"),
                containsString(":9: gpt-5.4 is 'no' in 'allowed for the Coze token' here but 'yes' on line 8"));
    }

    @Test
    void aRunStartingOnAMalformedTableStopsWithThatOneMessage() throws IOException {
        Path file = dir.resolve("models.feature");
        Files.writeString(file, HEAD + "      | gpt-5.4 | API plugin | maybe | yes |\n");
        ConfigurationException stopped = assertThrows(ConfigurationException.class,
                () -> Settings.load(Map.of(Settings.MODEL_TABLE, file.toString()), Map.of()));
        assertThat(stopped.getMessage(), equalTo(file + ":8: 'allowed for the Coze token' must be yes or no, not 'maybe'."));
    }

    private String failure(String text) throws IOException {
        Path file = dir.resolve("models.feature");
        Files.writeString(file, text);
        return assertThrows(ConfigurationException.class, () -> ModelTable.load(file)).getMessage();
    }
}
