package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.GuideRow;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The models a token may use, as the gateway lists them for that token (GET /v1/models). */
public class ModelListSteps {
    private final ScenarioState state;
    private GatewayReply listing;

    public ModelListSteps(ScenarioState state) {
        this.state = state;
    }

    @When("Coze lists the models the token may use")
    public void listModels() {
        listing = state.fetch("/v1/models");
    }

    @Then("the list holds exactly the models the token is expected to allow")
    public void listIsTheAllowlist() {
        List<String> expected = state.harness().settings().expectedAllowlist();
        Assumptions.assumeFalse(expected.isEmpty(), "Skipped: crazyrouter.token.allowedModels is empty, so no allowlist is expected");
        assertThat("The dedicated Coze token should allow exactly crazyrouter.token.allowedModels. "
                + GuideRow.MODEL_NOT_ALLOWED.advice() + " Listing: " + listing.describe(), modelIds(), containsInAnyOrder(expected.toArray()));
    }

    @Then("the token allows no more than {int} models")
    public void allowsAtMost(int most) {
        List<String> ids = modelIds();
        assertThat("The guide: start with only one or two models on the Coze token (first pass: gpt-5.4 and claude-sonnet-4-6). "
                + "Fix: in Crazyrouter's token settings, turn on the model limit and allow only those. It allows " + ids, ids.size(), is(lessThanOrEqualTo(most)));
    }

    private List<String> modelIds() {
        assertThat("GET /v1/models should answer 200 with a JSON list: " + listing.describe(), listing.status(), is(200));
        JsonNode data = listing.json().map(j -> j.path("data")).filter(JsonNode::isArray)
                .orElseThrow(() -> new AssertionError("The model list has no \"data\" array: " + listing.describe()));
        List<String> ids = new ArrayList<>();
        data.forEach(model -> ids.add(model.path("id").asText()));
        assertThat("The model list is empty: " + listing.describe(), ids, org.hamcrest.Matchers.not(hasSize(0)));
        return ids;
    }
}
