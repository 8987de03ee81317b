package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.coze.InputPlacement;
import com.crazyrouter.coze.coze.Route;
import com.crazyrouter.coze.coze.UserInput;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the Coze builder sets up in the plugin or HTTP node, and what Coze sends. */
public class CozeSteps {
    /** Longest Retry-After the harness honours before it gives up waiting. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private final ScenarioState state;

    public CozeSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("the URL is set to {string}")
    public void urlSetTo(String url) {
        state.changeSetup(state.setup().withUrl(url));
    }

    @Given("the Content-Type header is set to {string}")
    public void contentTypeSetTo(String contentType) {
        state.changeSetup(state.setup().withContentType(Optional.of(contentType)));
    }

    @Given("the Content-Type header is left out")
    public void contentTypeLeftOut() {
        state.changeSetup(state.setup().withContentType(Optional.empty()));
    }

    @When("the {route} sends {string} to {model}")
    public void routeSendsFixedString(Route route, String text, String model) {
        skipUnlessUnderTest(model);
        state.send(InputPlacement.defaultFor(route), model, text);
    }

    @When("a bot user types {input} and {placement} places it into the body for {model}")
    public void userInputThroughPlacement(UserInput input, InputPlacement placement, String model) {
        state.send(placement, model, input.text());
    }

    @When("Coze waits as long as Crazyrouter asked and sends the same request again")
    public void waitAndResend() throws InterruptedException {
        Duration wait = state.lastReply().retryAfter().orElseThrow(() -> new AssertionError(
                "Crazyrouter did not say how long to wait (no Retry-After header), so Coze cannot retry politely"));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new AssertionError("Crazyrouter asked Coze to wait " + wait.toSeconds() + " s; the harness waits at most " + LONGEST_WAIT.toSeconds() + " s");
        }
        Thread.sleep(wait.toMillis());
        state.resend();
    }

    /** -Dmodels narrows a run to some models; scenarios of the model matrix for the others are skipped. */
    private void skipUnlessUnderTest(String model) {
        if (state.tags().contains("@models")) {
            Assumptions.assumeTrue(state.harness().settings().isUnderTest(model),
                    () -> "Skipped: " + model + " is not in -Dmodels=" + String.join(",", state.harness().settings().modelsUnderTest()));
        }
    }
}
