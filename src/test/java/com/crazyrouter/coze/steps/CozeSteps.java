package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.UserInput;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the Coze builder sets up in the plugin or HTTP node, and what Coze sends. */
public class CozeSteps {
    private final CozeNode node;
    private final ScenarioState state;
    private final Settings settings;

    public CozeSteps(CozeNode node, ScenarioState state, Settings settings) {
        this.node = node;
        this.state = state;
        this.settings = settings;
    }

    @Given("the URL is set to {string}")
    public void urlSetTo(String url) {
        node.change(setup -> setup.withUrl(url));
    }

    @Given("the Content-Type header is set to {string}")
    public void contentTypeSetTo(String contentType) {
        node.change(setup -> setup.withContentType(Optional.of(contentType)));
    }

    @Given("the Content-Type header is left out")
    public void contentTypeLeftOut() {
        node.change(setup -> setup.withContentType(Optional.empty()));
    }

    @When("the {route} sends {string} to {model}")
    public void routeSendsFixedString(Route route, String text, String model) {
        skipUnlessUnderTest(model);
        node.send(InputPlacement.defaultFor(route), model, text);
    }

    @When("a bot user types {input} and {placement} places it into the body for {model}")
    public void userInputThroughPlacement(UserInput input, InputPlacement placement, String model) {
        node.send(placement, model, input.text());
    }

    @When("the builder runs the node again a moment later")
    public void runAgain() {
        node.resend();
    }

    /** -Dmodels narrows a run to some models; scenarios of the model matrix for the others are skipped. */
    private void skipUnlessUnderTest(String model) {
        if (state.tags().contains("@models")) {
            Assumptions.assumeTrue(settings.isUnderTest(model),
                    () -> "Skipped: " + model + " is not in -Dmodels=" + String.join(",", settings.modelsUnderTest()));
        }
    }
}
