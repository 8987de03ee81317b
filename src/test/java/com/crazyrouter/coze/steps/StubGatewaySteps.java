package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.stubs.StubGateway;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;

/** Steps that need the embedded stub gateway: scenarios using them are tagged @stub-only. */
public class StubGatewaySteps {
    private final ScenarioState state;

    public StubGatewaySteps(ScenarioState state) {
        this.state = state;
    }

    @Given("Crazyrouter is briefly overloaded")
    public void brieflyOverloaded() {
        stub().overloadOnce(state.mark(), Duration.ofSeconds(1));
    }

    @Then("Crazyrouter's request log holds exactly that request, with the URL, headers and body Coze set")
    public void requestLogHoldsIt() {
        OutgoingRequest sent = state.lastReply().request();
        List<LoggedRequest> logged = stub().requestsMarked(state.mark());
        assertThat("Requests this scenario's Coze node put on the wire", logged, hasSize(1));
        LoggedRequest arrived = logged.get(0);
        String redactedAuth = state.harness().redactor().redactHeader("Authorization", sent.header("Authorization").orElse(""));
        assertThat("method", arrived.getMethod().getName(), equalTo(sent.method()));
        assertThat("path: the guide's /v1/chat/completions", arrived.getUrl(), equalTo(sent.url().getRawPath()));
        assertThat("Authorization header (redacted)", state.harness().redactor().redactHeader("Authorization", arrived.getHeader("Authorization")), equalTo(redactedAuth));
        assertThat("Authorization header as sent, byte for byte", arrived.getHeader("Authorization").equals(sent.header("Authorization").orElse(null)), equalTo(true));
        assertThat("Content-Type header", arrived.getHeader("Content-Type"), equalTo(sent.header("Content-Type").orElse(null)));
        assertThat("body", arrived.getBodyAsString(), equalTo(sent.body()));
    }

    private StubGateway stub() {
        return state.harness().stub().orElseThrow(() -> new AssertionError("This step needs the embedded stub gateway; tag the scenario @stub-only"));
    }
}
