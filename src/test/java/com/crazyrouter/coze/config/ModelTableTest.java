package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void theCommittedTableHoldsTheGuidesThreeModels() {
        ModelTable table = ModelTable.load(ModelTable.DEFAULT);
        assertThat(table.models(), contains("gpt-5.4", "claude-sonnet-4-6", "gemini-3-pro-preview"));
        assertThat(table.allowedModels(), contains("gpt-5.4", "claude-sonnet-4-6"));
    }

    @Test
    void aDuplicateRowIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | yes | yes |\n      | gpt-5.4 | API plugin | yes | no |\n"),
                containsString(":9: gpt-5.4 through the API plugin is listed twice"));
    }

    @Test
    void aWrongValueIsNamedWithItsLine() throws IOException {
        assertThat(failure(HEAD + "      | gpt-5.4 | API plugin | maybe | yes |\n"), containsString(":8: 'allowed for the Coze token' must be yes or no"));
        assertThat(failure(HEAD + "      | gpt-5.4 | Slack | yes | yes |\n"), containsString(":8: route 'Slack'"));
    }

    @Test
    void anUnknownColumnOrAnEmptyTableIsRefused() throws IOException {
        assertThat(failure(HEAD.replace("| JSON mode |", "| JSON mode | price |") + "      | gpt-5.4 | API plugin | yes | yes | 1 |\n"),
                containsString("the table's columns must be"));
        assertThat(failure(HEAD), containsString("lists no model"));
    }

    @Test
    void aFileThatIsNotGherkinIsRefused() throws IOException {
        assertThat(failure("models:\n  - gpt-5.4\n"), containsString("does not parse as Gherkin"));
    }

    private String failure(String text) throws IOException {
        Path file = dir.resolve("models.feature");
        Files.writeString(file, text);
        return assertThrows(ConfigurationException.class, () -> ModelTable.load(file)).getMessage();
    }
}
