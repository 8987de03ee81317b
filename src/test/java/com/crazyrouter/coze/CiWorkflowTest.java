package com.crazyrouter.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workflow on pushes to main and on pull requests (.github/workflows/crazyrouter-contract-ci.yml) runs the README's
 * commands — the contract, the report with its browser check, the self-check — on each JDK of its matrix, with no
 * secret, and uploads the reports and the test reports of each leg. Every workflow pins its actions to a commit of a
 * release that runs on Node 24 and keeps no token in the checkout; Dependabot keeps them, the harness's and the Karate
 * peer's Maven dependencies current; docs/CI.md links the files rather than copying them, so a bump keeps this green.
 */
class CiWorkflowTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final Path WORKFLOW = WORKFLOWS.resolve("crazyrouter-contract-ci.yml");
    private static final Path DEPENDABOT = Path.of(".github", "dependabot.yml");
    private static final Path README = Path.of("README.md");
    private static final Path POM = Path.of("pom.xml");
    private static final Path CI_PAGE = Path.of("docs", "CI.md");
    /** The README's commands, in the order CI runs them. */
    private static final List<String> COMMANDS = List.of("./mvnw verify", "./mvnw -Preport verify", "./mvnw verify -Pself-check");
    private static final Pattern PINNED = Pattern.compile("uses: ([\\w.-]+/[\\w.-]+)(/[\\w./-]+)?@[0-9a-f]{40} # v(\\d+)\\.\\d+\\.\\d+");
    /**
     * The first major release of each action whose action.yml says {@code using: node24} (GitHub's runners dropped Node 20
     * on 2026-09-16). A new action goes here once its action.yml is read; docs/CI.md tells how.
     */
    private static final Map<String, Integer> FIRST_ON_NODE_24 = Map.of("actions/checkout", 5, "actions/setup-java", 5, "actions/cache", 5,
            "actions/upload-artifact", 6);
    private static final List<String> TEST_REPORTS = List.of("reports/", "target/surefire-reports/", "target/failsafe-reports/");

    private final String text = read(WORKFLOW);
    private final JsonNode workflow = parse(text);
    private final List<JsonNode> steps = steps();

    @Test
    void itRunsOnPushesToMainAndOncePerPullRequest() {
        assertThat("on.push.branches: a pull request's own pushes would run it a second time beside on.pull_request",
                workflow.path("on").path("push").path("branches").toString(), equalTo("[\"main\"]"));
        assertThat(workflow.path("on").has("pull_request"), is(true));
        assertThat(workflow.path("permissions").path("contents").asText(), equalTo("read"));
    }

    @Test
    void aNewerPushCancelsTheRunOfAPullRequestButNeverOneOnMain() {
        JsonNode concurrency = workflow.path("concurrency");
        assertThat(concurrency.path("cancel-in-progress").asText(), equalTo("${{ github.event_name == 'pull_request' }}"));
        // GitHub cancels a run still pending in a group when a newer one joins it, whatever cancel-in-progress says:
        // a run on main has a group of its own
        assertThat(concurrency.path("group").asText(), containsString("github.event_name == 'pull_request' && github.ref || github.run_id"));
    }

    @Test
    void itRunsOnEveryJdkOfTheMatrixFromTheOneThePomCompilesFor() {
        JsonNode job = onlyJob();
        List<String> jdks = new ArrayList<>();
        job.path("strategy").path("matrix").path("java").forEach(jdk -> jdks.add(jdk.asText()));
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(read(POM));
        assertThat("maven.compiler.release in the pom", release.find(), is(true));
        assertThat(jdks, hasItems(release.group(1), "21"));
        assertThat("a red leg does not cancel the others", job.path("strategy").path("fail-fast").asBoolean(true), is(false));
        List<JsonNode> setupJava = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/setup-java@")).toList();
        assertThat(setupJava, hasSize(1));
        assertThat(setupJava.get(0).path("with").path("java-version").asText(), equalTo("${{ matrix.java }}"));
    }

    @Test
    void itRunsTheReadmesCommandsInOrderEachEvenAfterARedOne() {
        String readme = read(README);
        List<String> runs = steps.stream().filter(step -> step.path("run").asText().startsWith("./mvnw"))
                .map(step -> step.path("run").asText().replace(" -B", ""))
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
    void eachLegShowsTheSummaryAndUploadsTheReportsAndTestReportsEvenWhenRed() {
        List<JsonNode> uploads = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact@")).toList();
        assertThat(uploads, hasSize(1));
        JsonNode upload = uploads.get(0);
        assertThat("one artifact per leg: legs uploading under one name fail", upload.path("with").path("name").asText(), containsString("${{ matrix.java }}"));
        assertThat(upload.path("with").path("path").asText().lines().map(String::strip).toList(), containsInAnyOrder(TEST_REPORTS.toArray(String[]::new)));
        assertThat(upload.path("if").asText(), equalTo("always()"));
        assertThat(steps.indexOf(upload), is(steps.size() - 1));
        assertThat(jobSummarySteps(steps), hasSize(1));
    }

    @Test
    void everyWorkflowsJobsHaveATimeout() throws IOException {
        for (Path file : workflowFiles()) {
            parse(read(file)).path("jobs").forEach(job -> {
                assertThat(file.toString(), job.path("timeout-minutes").asInt(0), not(equalTo(0)));
                assertThat(file.toString(), job.path("timeout-minutes").asInt(), lessThanOrEqualTo(60));
            });
        }
    }

    @Test
    void everyWorkflowPinsItsActionsToACommitOfAReleaseOnNode24() throws IOException {
        List<String> loose = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (Path file : workflowFiles()) {
            read(file).lines().map(String::strip).map(line -> line.replaceFirst("^- ", "")).filter(line -> line.startsWith("uses:")).forEach(line -> {
                Matcher pin = PINNED.matcher(line);
                if (!pin.matches()) {
                    loose.add(file + ": " + line);
                } else if (Integer.parseInt(pin.group(3)) < FIRST_ON_NODE_24.getOrDefault(pin.group(1), Integer.MAX_VALUE)) {
                    old.add(file + ": " + line);
                }
            });
        }
        assertThat("actions not pinned as `uses: owner/name@<40-hex SHA> # vX.Y.Z`", loose, empty());
        assertThat("actions on a release before Node 24 (or not yet in FIRST_ON_NODE_24: read its action.yml, docs/CI.md)", old, empty());
    }

    @Test
    void everyCheckoutLeavesNoTokenBehind() throws IOException {
        for (Path file : workflowFiles()) {
            parse(read(file)).path("jobs").forEach(job -> job.path("steps").forEach(step -> {
                if (step.path("uses").asText().startsWith("actions/checkout@")) {
                    assertThat(file + ": checkout's persist-credentials", step.path("with").path("persist-credentials").asText(), equalTo("false"));
                }
            }));
        }
    }

    @Test
    void dependabotKeepsTheHarnessThePeerAndTheActionsCurrentInGroups() {
        JsonNode config = parse(read(DEPENDABOT));
        assertThat(config.path("version").asInt(), is(2));
        List<String> covered = new ArrayList<>();
        config.path("updates").forEach(update -> {
            List<String> directories = new ArrayList<>();
            update.path("directories").forEach(directory -> directories.add(directory.asText()));
            if (update.has("directory")) {
                directories.add(update.path("directory").asText());
            }
            directories.forEach(directory -> {
                String entry = update.path("package-ecosystem").asText() + " " + directory;
                covered.add(entry);
                assertThat(entry + ": a schedule", update.path("schedule").path("interval").asText(), not(equalTo("")));
                assertThat(entry + ": bumps grouped in one pull request", update.path("groups").isObject() && !update.path("groups").isEmpty(), is(true));
            });
        });
        assertThat(covered, hasItems("maven /", "maven /bench/karate-peer", "github-actions /"));
        covered.stream().filter(entry -> entry.startsWith("maven ")).forEach(entry -> {
            Path pom = Path.of(entry.substring("maven /".length()), "pom.xml");
            assertThat(entry + " has a pom", Files.isRegularFile(pom), is(true));
        });
    }

    @Test
    void theCiPageLinksEveryWorkflowAndTheBotsConfigInsteadOfCopyingThem() throws IOException {
        String page = read(CI_PAGE);
        for (Path file : workflowFiles()) {
            assertThat("docs/CI.md links " + file, page, containsString("](../.github/workflows/" + file.getFileName() + ")"));
        }
        assertThat("docs/CI.md links " + DEPENDABOT, page, containsString("](../.github/dependabot.yml)"));
        assertThat("docs/CI.md copies no pin: a bump would leave it stale", Pattern.compile("@[0-9a-f]{40} # v").matcher(page).find(), is(false));
    }

    /** Steps that append reports/summary.md to the job summary of the run's page. */
    static List<JsonNode> jobSummarySteps(List<JsonNode> steps) {
        return steps.stream().filter(step -> step.path("run").asText().matches("(?s).*cat reports/summary\\.md >> \"\\$GITHUB_STEP_SUMMARY\".*"))
                .filter(step -> step.path("if").asText().equals("always()")).toList();
    }

    private JsonNode onlyJob() {
        assertThat("jobs", workflow.path("jobs").size(), is(1));
        return workflow.path("jobs").elements().next();
    }

    private List<JsonNode> steps() {
        List<JsonNode> all = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(all::add));
        assertThat("steps", all, not(empty()));
        return all;
    }

    private static List<Path> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> yml = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertThat("workflows", yml, not(empty()));
            return yml;
        }
    }

    static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("a workflow or .github/dependabot.yml is not YAML: " + e.getMessage(), e);
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
