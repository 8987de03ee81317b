package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.report.Evidence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Model-list drift: GET /v1/models against a committed baseline, per target. */
public class ModelListDriftSteps {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ACCEPT = "models.acceptBaseline";
    private static final int LISTED_BY_NAME = 20;
    private final ScenarioState state;
    private TreeSet<String> listed;

    public ModelListDriftSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("the token that sees the most models")
    public void widestToken() {
        state.useToken(state.harness().settings().token(TokenKind.UNRESTRICTED).isPresent() ? TokenKind.UNRESTRICTED : TokenKind.DEDICATED);
    }

    @When("Coze fetches Crazyrouter's model list")
    public void fetchList() {
        GatewayReply reply = state.fetch("/v1/models");
        JsonNode data = reply.json().filter(j -> reply.status() == 200).map(j -> j.path("data")).filter(JsonNode::isArray)
                .orElseThrow(() -> new AssertionError("GET /v1/models should answer 200 with a \"data\" list: " + reply.describe()));
        listed = new TreeSet<>();
        data.forEach(model -> listed.add(model.path("id").asText()));
    }

    @Then("the model list is compared with the committed baseline")
    public void compareWithBaseline() throws IOException {
        Path own = baselineFile(state.harness().settings().target().isStub() ? "stub" : "live");
        if (Boolean.getBoolean(ACCEPT)) {
            Files.writeString(own, JSON.writeValueAsString(List.copyOf(listed)) + "\n", StandardCharsets.UTF_8);
            state.harness().ledger().note("Model-list drift", "The current list (" + listed.size() + " models) was accepted as the new baseline "
                    + own + ".\n");
            return;
        }
        // Until a live baseline is accepted, the stub run's baseline (the models the guide names) stands in for it.
        Path baseline = Files.exists(own) ? own : baselineFile("stub");
        if (!Files.exists(baseline)) {
            state.harness().ledger().note("Model-list drift", "No baseline " + own + " yet: run once with -D" + ACCEPT + "=true to accept the "
                    + "current list (" + listed.size() + " models).\n");
            return;
        }
        TreeSet<String> before = new TreeSet<>(List.of(JSON.readValue(baseline.toFile(), String[].class)));
        TreeSet<String> added = new TreeSet<>(listed);
        added.removeAll(before);
        TreeSet<String> removed = new TreeSet<>(before);
        removed.removeAll(listed);
        TreeSet<String> kept = new TreeSet<>(listed);
        kept.retainAll(before);
        StringBuilder diff = new StringBuilder("Compared with " + baseline + (baseline.equals(own) ? "" : " (there is no " + own.getFileName()
                + " yet; -D" + ACCEPT + "=true accepts the current list)") + ":\n\n");
        removed.forEach(m -> diff.append("- removed: ").append(m).append('\n'));
        added.stream().limit(LISTED_BY_NAME).forEach(m -> diff.append("- added: ").append(m).append('\n'));
        if (added.size() > LISTED_BY_NAME) {
            diff.append("- added: ").append(added.size() - LISTED_BY_NAME).append(" more\n");
        }
        diff.append("- still listed: ").append(kept.size()).append(" models").append(kept.size() <= LISTED_BY_NAME ? " (" + String.join(", ", kept) + ")" : "").append('\n');
        Evidence.attach("Model-list drift", "text/markdown", diff.toString());
        state.harness().ledger().note("Model-list drift", diff.toString());
    }

    @Then("every model under test is still listed")
    public void modelsUnderTestListed() {
        List<String> expected = new ArrayList<>(state.harness().settings().modelsUnderTest());
        expected.removeIf(model -> !state.allowlist().allows(model));
        List<String> gone = expected.stream().filter(model -> !listed.contains(model)).toList();
        if (!gone.isEmpty()) {
            throw new AssertionError("Crazyrouter no longer lists " + String.join(", ", gone) + " for this token. If it was renamed or retired, "
                    + "update the model table (features/models/recommended-models.feature); meanwhile switch back to gpt-5.4 and revalidate "
                    + "(guide, Common Errors @error-4). Listed now: " + listed);
        }
    }

    private Path baselineFile(String target) {
        return state.harness().settings().modelTable().file().resolveSibling("model-list-baseline." + target + ".json");
    }
}
