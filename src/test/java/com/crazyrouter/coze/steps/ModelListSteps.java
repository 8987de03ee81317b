package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.ModelList;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.run.CozeNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The models a token may use, as the gateway lists them for that token (GET /v1/models). */
public class ModelListSteps {
    private final CozeNode node;
    private final Settings settings;
    private ModelList listing;

    public ModelListSteps(CozeNode node, Settings settings) {
        this.node = node;
        this.settings = settings;
    }

    @When("Coze lists the models the token may use")
    public void listModels() {
        listing = ModelList.from(node.fetch("/v1/models"));
    }

    @Then("the list holds exactly the models the token is expected to allow")
    public void listIsTheAllowlist() {
        List<String> expected = settings.expectedAllowlist();
        Assumptions.assumeFalse(expected.isEmpty(), "Skipped: " + Settings.ALLOWED_MODELS + " is empty, so no allowlist is expected");
        ContractViolation.assertThat("The dedicated Coze token should allow exactly " + Settings.ALLOWED_MODELS + ". " + CommonError.MODEL_NOT_ALLOWED.advice()
                + " Listing: " + listing.describe(), listing.nonEmptyIds(), containsInAnyOrder(expected.toArray()), CommonError.MODEL_NOT_ALLOWED);
    }

    @Then("the token allows no more than {int} models")
    public void allowsAtMost(int most) {
        assertThat("The guide: " + TokenPractice.MODEL_ALLOWLIST.words() + " (first pass: gpt-5.4 and claude-sonnet-4-6). "
                + "Fix: in Crazyrouter's token settings, turn on the model limit and allow only those. It allows " + listing.nonEmptyIds(),
                listing.nonEmptyIds(), hasSize(lessThanOrEqualTo(most)));
    }
}
