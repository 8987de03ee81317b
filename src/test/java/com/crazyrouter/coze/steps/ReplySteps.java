package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.blankOrNullString;

import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.GuideRow;
import com.crazyrouter.coze.gateway.Outcome;
import io.cucumber.java.en.Then;
import io.restassured.path.json.JsonPath;

/** What the Coze builder sees come back. */
public class ReplySteps {
    private final ScenarioState state;

    public ReplySteps(ScenarioState state) {
        this.state = state;
    }

    @Then("{outcome}")
    public void outcome(Outcome outcome) {
        outcome.verify(state.lastAttempt(), state.allowlist());
    }

    @Then("the reply text is available at choices[0].message.content")
    public void replyTextAtGuidePath() {
        GatewayReply reply = state.lastReply();
        assertThat("Coze's output mapping reads the reply at choices[0].message.content; " + GuideRow.MAPPING_INCONSISTENT.advice()
                + " Reply: " + reply.describe(), reply.replyText().orElse(null), not(blankOrNullString()));
    }

    @Then("the reply says OK")
    public void replySaysOk() {
        assertThat("The model was asked to reply only OK. Reply: " + state.lastReply().describe(),
                state.lastReply().replyText().orElse(""), containsStringIgnoringCase("ok"));
    }

    @Then("an output mapped to {string} finds no reply text")
    public void outputMappingFindsNothing(String path) {
        Object found = JsonPath.from(state.lastReply().body()).get(path);
        assertThat("An output mapping to '" + path + "' should find nothing in a chat reply (that mismatch is what breaks a plugin inside a bot)",
                found, nullValue());
    }

    @Then("Crazyrouter says how long to wait before retrying")
    public void saysHowLongToWait() {
        GatewayReply reply = state.lastReply();
        assertThat("A 429 must carry Retry-After so Coze (and this harness) can back off instead of retrying at once; "
                + GuideRow.INTERMITTENT.advice() + " Reply: " + reply.describe(), reply.retryAfter().orElse(null), is(notNullValue()));
    }
}
