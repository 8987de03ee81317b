package com.crazyrouter.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The nightly regression workflow (.github/workflows/crazyrouter-contract-nightly.yml) runs the README's live command
 * on a schedule, with the token from the repository's secrets, keeps the report's history and uploads the reports; and
 * docs/CI.md links it. What every workflow shares (pinned actions, no token kept by checkout, timeouts) is CiWorkflowTest's.
 */
class NightlyWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github", "workflows", "crazyrouter-contract-nightly.yml");
    private static final Path README = Path.of("README.md");
    private static final Path CI_PAGE = Path.of("docs", "CI.md");
    private static final String LIVE_COMMAND = "./mvnw verify -Plive";
    private static final String HISTORY = "reports/allure-report/history";
    private static final String RUN_HISTORY = "reports/history";
    private static final Pattern SECRET = Pattern.compile("\\$\\{\\{\\s*secrets\\.[A-Za-z0-9_]+\\s*}}");

    private final String text = read(WORKFLOW);
    private final JsonNode workflow = parse(text);
    private final List<JsonNode> steps = steps();

    @Test
    void itRunsOnASchedule() {
        JsonNode schedule = workflow.path("on").path("schedule");
        assertThat("on.schedule", schedule.isArray() && !schedule.isEmpty(), is(true));
        for (JsonNode entry : schedule) {
            assertThat(entry.path("cron").asText(), matchesPattern("(\\S+ ){4}\\S+"));
        }
    }

    @Test
    void itRunsTheReadmesLiveCommandAndTheSelfCheckNot() {
        assertThat(read(README), containsString(LIVE_COMMAND));
        List<JsonNode> live = steps.stream().filter(step -> step.path("run").asText().contains("verify -Plive")).toList();
        assertThat(live, hasSize(1));
        assertThat("the README's command, in batch mode", live.get(0).path("run").asText().replace(" -B", ""), equalTo(LIVE_COMMAND));
        assertThat(steps.stream().map(step -> step.path("run").asText()).filter(run -> run.contains("self-check")).toList(), empty());
    }

    @Test
    void theTokenComesFromTheSecretStoreNeverAsALiteral() {
        JsonNode live = steps.stream().filter(step -> step.path("run").asText().contains("verify -Plive")).findFirst().orElseThrow();
        assertThat(live.path("env").path("CRAZYROUTER_API_KEY").asText(), matchesPattern(SECRET));
        List<String> keys = new ArrayList<>();
        collectTokenVariables(workflow, keys);
        assertThat(keys, not(empty()));
        keys.forEach(value -> assertThat("every CRAZYROUTER_*KEY is a secret", value, matchesPattern(SECRET)));
        assertThat("no key-like literal in the workflow", Pattern.compile("sk-[A-Za-z0-9]").matcher(text).find(), is(false));
    }

    @Test
    void itUploadsTheReportsEvenWhenTheContractIsRed() {
        List<JsonNode> uploads = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact@")).toList();
        assertThat(uploads, hasSize(1));
        assertThat(uploads.get(0).path("with").path("path").asText(), equalTo("reports/"));
        assertThat(uploads.get(0).path("if").asText(), equalTo("always()"));
        assertThat(indexOf("upload-artifact"), is(steps.size() - 1));
    }

    @Test
    void itKeepsTheReportsHistoryBetweenRunsAndRendersTheReport() {
        int restore = indexOf("actions/cache/restore@");
        int live = indexOfRun("verify -Plive");
        int report = indexOfRun("-Preport verify");
        int save = indexOf("actions/cache/save@");
        assertThat("restore, live run, report, save", restore < live && live < report && report < save, is(true));
        for (int i : List.of(restore, save)) {
            assertThat(steps.get(i).path("with").path("path").asText(), equalTo(HISTORY));
            assertThat("keyed by run", steps.get(i).path("with").path("key").asText(), containsString("${{ github.run_id }}"));
        }
        assertThat(steps.get(restore).path("with").path("restore-keys").asText(), not(equalTo("")));
        assertThat(steps.get(report).path("if").asText(), equalTo("always()"));
        assertThat(steps.get(save).path("if").asText(), equalTo("always()"));
    }

    /** The run history (report/RunHistory) goes from night to night the way Allure's does, so the summary can say what changed. */
    @Test
    void itCarriesTheRunHistoryBetweenNightsSoTheSummaryOpensWithTheChanges() {
        List<JsonNode> restores = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/cache/restore@")
                && step.path("with").path("path").asText().equals(RUN_HISTORY)).toList();
        List<JsonNode> saves = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/cache/save@")
                && step.path("with").path("path").asText().equals(RUN_HISTORY)).toList();
        assertThat(restores, hasSize(1));
        assertThat(saves, hasSize(1));
        assertThat("restored before the live run, saved after it", steps.indexOf(restores.get(0)) < indexOfRun("verify -Plive")
                && steps.indexOf(saves.get(0)) > indexOfRun("verify -Plive"), is(true));
        assertThat(saves.get(0).path("if").asText(), equalTo("always()"));
        assertThat(saves.get(0).path("with").path("key").asText(), containsString("${{ github.run_id }}"));
        assertThat(restores.get(0).path("with").path("restore-keys").asText(), not(equalTo("")));
        assertThat("the job summary is summary.md, which opens with the changes", CiWorkflowTest.jobSummarySteps(steps), hasSize(1));
    }

    @Test
    void oneRunAtATimeNeverCancelledHalfway() {
        assertThat(workflow.path("concurrency").path("group").asText(), not(equalTo("")));
        assertThat(workflow.path("concurrency").path("cancel-in-progress").asBoolean(true), is(false));
    }

    @Test
    void theSummaryGoesToTheRunsPageRightAfterTheLiveRunRedOrGreen() {
        List<JsonNode> summary = CiWorkflowTest.jobSummarySteps(steps);
        assertThat(summary, hasSize(1));
        assertThat(steps.indexOf(summary.get(0)), is(indexOfRun("verify -Plive") + 1));
    }

    @Test
    void theCiPageLinksThisFileAndNamesTheLiveCommand() {
        String page = read(CI_PAGE);
        assertThat("docs/CI.md links " + WORKFLOW, page, containsString("](../.github/workflows/" + WORKFLOW.getFileName() + ")"));
        assertThat(page, containsString("`" + LIVE_COMMAND + "`"));
    }

    private List<JsonNode> steps() {
        List<JsonNode> all = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(all::add));
        assertThat("steps", all.size(), not(lessThan(1)));
        return all;
    }

    private int indexOf(String uses) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("uses").asText().contains(uses)) {
                return i;
            }
        }
        throw new AssertionError("no step uses " + uses);
    }

    private int indexOfRun(String run) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("run").asText().contains(run)) {
                return i;
            }
        }
        throw new AssertionError("no step runs " + run);
    }

    private static void collectTokenVariables(JsonNode node, List<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().matches("CRAZYROUTER_\\w*KEY")) {
                    values.add(field.getValue().asText());
                }
                collectTokenVariables(field.getValue(), values);
            });
        } else if (node.isArray()) {
            StreamSupport.stream(node.spliterator(), false).forEach(child -> collectTokenVariables(child, values));
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(WORKFLOW + " is not YAML: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
