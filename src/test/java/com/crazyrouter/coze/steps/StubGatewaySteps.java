package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.Redactor;
import com.crazyrouter.coze.transport.WireRequest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;

/** Steps that need the embedded stub gateway: scenarios using them are tagged @stub-only. */
public class StubGatewaySteps {
    private final ScenarioState state;
    private final StubGateway stub;
    private final Redactor redactor;

    public StubGatewaySteps(ScenarioState state, StubGateway stub, Redactor redactor) {
        this.state = state;
        this.stub = stub;
        this.redactor = redactor;
    }

    @Given("Crazyrouter is told to answer the next request with a 429, as new-api's rate limiter does")
    public void brieflyOverloaded() {
        stub.overloadOnce(state.mark());
    }

    @Then("the workflow node fails, and Coze does not send the request again")
    public void nodeFailsWithoutRetrying() {
        assertThat("What the Coze builder sees", state.lastAttempt().cozeShows(), startsWith("Coze shows the failure"));
        assertThat("Requests this scenario's node put on the wire: Coze retries only when no answer came, never on a status",
                stub.requestsMarked(state.mark()), hasSize(1));
    }

    @Then("Crazyrouter's request log holds exactly that request, with the URL, headers and body Coze set")
    public void requestLogHoldsIt() {
        OutgoingRequest sent = state.lastReply().request();
        List<LoggedRequest> logged = stub.requestsMarked(state.mark());
        assertThat("Requests this scenario's Coze node put on the wire", logged, hasSize(1));
        LoggedRequest arrived = logged.get(0);
        assertThat("the request as it arrived", WireRequest.arrived(arrived.getMethod().getName(), arrived.getUrl(), arrived.getHeader("Authorization"),
                arrived.getHeader("Content-Type"), arrived.getBodyAsString(), redactor), equalTo(WireRequest.of(sent, redactor)));
    }
}
