package com.crazyrouter.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workflow on every push and pull request (.github/workflows/crazyrouter-contract-ci.yml) runs the README's
 * commands — the contract, the report with its browser check, the self-check — with no secret, and uploads the reports;
 * docs/CI.md shows that very file. Every workflow pins its actions to a commit.
 */
class CiWorkflowTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final Path WORKFLOW = WORKFLOWS.resolve("crazyrouter-contract-ci.yml");
    private static final Path README = Path.of("README.md");
    private static final Path CI_PAGE = Path.of("docs", "CI.md");
    /** The README's commands, in the order CI runs them. */
    private static final List<String> COMMANDS = List.of("./mvnw verify", "./mvnw -Preport verify", "./mvnw verify -Pself-check");
    private static final Pattern PINNED = Pattern.compile("uses: [\\w.-]+/[\\w.-]+(/[\\w./-]+)?@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+");

    private final String text = read(WORKFLOW);
    private final JsonNode workflow = parse(text);
    private final List<JsonNode> steps = steps();

    @Test
    void itRunsOnEveryPushAndPullRequest() {
        assertThat(workflow.path("on").has("push"), is(true));
        assertThat(workflow.path("on").has("pull_request"), is(true));
        assertThat(workflow.path("permissions").path("contents").asText(), equalTo("read"));
    }

    @Test
    void itRunsTheReadmesCommandsInOrderEachEvenAfterARedOne() {
        String readme = read(README);
        List<String> runs = steps.stream().filter(step -> step.path("run").asText().startsWith("./mvnw")).map(step -> step.path("run").asText().replace(" -B", ""))
                .toList();
        assertThat(runs, contains(COMMANDS.toArray(String[]::new)));
        COMMANDS.forEach(command -> assertThat("the README gives " + command, readme, containsString(command)));
        steps.stream().filter(step -> step.path("run").asText().startsWith("./mvnw")).skip(1)
                .forEach(step -> assertThat(step.path("run").asText(), step.path("if").asText(), equalTo("always()")));
    }

    @Test
    void itNeedsNoSecret() {
        assertThat(text, not(containsString("secrets.")));
        assertThat(text, not(containsString("CRAZYROUTER_API_KEY")));
    }

    @Test
    void itShowsTheSummaryAndUploadsTheReportsEvenWhenRed() {
        List<JsonNode> uploads = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact@")).toList();
        assertThat(uploads, hasSize(1));
        assertThat(uploads.get(0).path("with").path("path").asText(), equalTo("reports/"));
        assertThat(uploads.get(0).path("if").asText(), equalTo("always()"));
        assertThat(steps.indexOf(uploads.get(0)), is(steps.size() - 1));
        assertThat(jobSummarySteps(steps), hasSize(1));
    }

    @Test
    void everyWorkflowsJobsHaveATimeout() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                parse(read(file)).path("jobs").forEach(job -> {
                    assertThat(file.toString(), job.path("timeout-minutes").asInt(0), not(equalTo(0)));
                    assertThat(file.toString(), job.path("timeout-minutes").asInt(), lessThanOrEqualTo(60));
                });
            }
        }
    }

    @Test
    void everyWorkflowPinsItsActionsToACommitNamingTheRelease() throws IOException {
        List<String> loose = new ArrayList<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                read(file).lines().map(String::strip).map(line -> line.replaceFirst("^- ", "")).filter(line -> line.startsWith("uses:"))
                        .filter(line -> !PINNED.matcher(line).matches()).forEach(line -> loose.add(file + ": " + line));
            }
        }
        assertThat("actions not pinned as `uses: owner/name@<40-hex SHA> # vX.Y.Z`", loose, empty());
    }

    @Test
    void theCiPageShowsThisVeryFile() {
        Matcher block = Pattern.compile("### On every push and pull request\\R.*?```yaml\\R(.*?)```", Pattern.DOTALL).matcher(read(CI_PAGE));
        assertThat("a ```yaml block under \"### On every push and pull request\" in docs/CI.md", block.find(), is(true));
        assertThat("docs/CI.md's workflow differs from " + WORKFLOW + ": copy the file into docs/CI.md", block.group(1), equalTo(text));
    }

    /** Steps that append reports/summary.md to the job summary of the run's page. */
    static List<JsonNode> jobSummarySteps(List<JsonNode> steps) {
        return steps.stream().filter(step -> step.path("run").asText().matches("(?s).*cat reports/summary\\.md >> \"\\$GITHUB_STEP_SUMMARY\".*"))
                .filter(step -> step.path("if").asText().equals("always()")).toList();
    }

    private List<JsonNode> steps() {
        List<JsonNode> all = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(all::add));
        assertThat("steps", all, not(empty()));
        return all;
    }

    static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("a workflow is not YAML: " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
