package com.crazyrouter.coze.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An answer past the harness's size cap is not a transport error to Coze: it reads any size, so the workflow node does
 * not retry it, and the message says what the harness could not check instead of putting words in Coze's mouth. An
 * answer whose body does not end in time is not retried either (its headers came); only one without headers is.
 */
@Timeout(30) // a guard against a hang, not a measurement: each test ends within a few seconds, on a loaded machine too
class CozeNodeLimitsTest {
    private static final String TOKEN = "sk-testCozeNodeLimits000000000000000000000";

    private ScriptedGateway gateway;

    /** A limit below measures the gateway, not the loading of the JVM's HTTP client (ScriptedGateway#warmUpHttpClient). */
    @BeforeAll
    static void warmUp() throws Exception {
        ScriptedGateway.warmUpHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aReplyLargerThanTheCapIsNeitherRetriedByTheWorkflowNodeNorShownAsATransportError() throws Exception {
        byte[] body = ("{\"object\":\"chat.completion\",\"padding\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body));

        AnswerBeyondLimits tooLarge = assertThrows(AnswerBeyondLimits.class,
                () -> node(Limits.MAX_BODY, "64KB").send(InputPlacement.defaultFor(Route.WORKFLOW), "gpt-5.4", "Reply only OK"));

        assertThat(gateway.requests(), is(1));
        assertThat(tooLarge.getMessage(), containsString("the reply body is larger than 64 KB (crazyrouter.maxBody)"));
        assertThat(tooLarge.getMessage(), not(containsString("What the Coze builder sees")));
    }

    @Test
    void aBodyThatDoesNotEndInTimeIsNotRetriedByTheWorkflowNodeItsHeadersHadCome() throws Exception {
        gateway = new ScriptedGateway(out -> out.write(ScriptedGateway.head("application/json", 100)));

        // the headers, sent at once, must come within the limit the body passes: 1 s holds on a loaded machine
        AnswerBeyondLimits tooSlow = assertThrows(AnswerBeyondLimits.class,
                () -> node(Limits.REQUEST_TIMEOUT, "1s").send(InputPlacement.defaultFor(Route.WORKFLOW), "gpt-5.4", "Reply only OK"));

        assertThat("requests sent: Go's client.Do had returned, so the node does not retry", gateway.requests(), is(1));
        assertThat(tooSlow.getMessage(), containsString("What the Coze builder sees: Coze shows the failure: Workflow execution failure: Crazyrouter "
                + "answered 200 to POST " + gateway.url("/v1/chat/completions") + ", but the reply body did not end within 1 s"));
    }

    @Test
    void headersThatNeverComeAreRetriedByTheWorkflowNodeAsCozeDoes() throws Exception {
        gateway = new ScriptedGateway(out -> {
        });

        GatewayUnreachable none = assertThrows(GatewayUnreachable.class,
                () -> node(Limits.READ_TIMEOUT, "200ms").send(InputPlacement.defaultFor(Route.WORKFLOW), "gpt-5.4", "Reply only OK"));

        // every try was sent before the node gave up; the gateway may still be reading the last one it got no answer to
        assertThat("the node's first try and its 3 retries", gateway.requestsOnceAtLeast(4, Duration.ofSeconds(10)), is(4));
        assertThat(none.getMessage(),
                containsString("What the Coze builder sees: Coze shows the failure: Workflow execution failure: Crazyrouter gave no HTTP answer"));
    }

    /** A workflow node on the scripted gateway, with the guide's setup and this limit over the defaults. */
    private CozeNode node(String limit, String value) {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString(), limit, value),
                Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CozeNode(new ScenarioState(), new Tokens(settings),
                new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(10, 1_000)), new GatewayUrl(gateway.url("")),
                settings,
                new ModelLists(kind -> Optional.empty()), com.crazyrouter.coze.transport.OffWireMarks.NONE);
    }
}
