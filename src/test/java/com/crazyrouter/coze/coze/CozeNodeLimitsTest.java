package com.crazyrouter.coze.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.gateway.AnswerBeyondLimits;
import com.crazyrouter.coze.gateway.CrazyrouterClient;
import com.crazyrouter.coze.gateway.GatewayUrl;
import com.crazyrouter.coze.gateway.Redactor;
import com.crazyrouter.coze.gateway.RequestBudget;
import com.crazyrouter.coze.gateway.ScriptedGateway;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.run.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An answer past the harness's size cap is not a transport error to Coze: it reads any size, so the workflow node does
 * not retry it, and the message says what the harness could not check instead of putting words in Coze's mouth.
 */
@Timeout(10) // a guard against a hang, not a measurement
class CozeNodeLimitsTest {
    private static final String TOKEN = "sk-testCozeNodeLimits000000000000000000000";

    private ScriptedGateway gateway;

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aReplyLargerThanTheCapIsNeitherRetriedByTheWorkflowNodeNorShownAsATransportError() throws Exception {
        byte[] body = ("{\"object\":\"chat.completion\",\"padding\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body));
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString(), Limits.MAX_BODY, "64KB"),
                Map.of("CRAZYROUTER_API_KEY", TOKEN));
        CozeNode node = new CozeNode(new ScenarioState(), new Tokens(settings),
                new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(10, 1_000)), new GatewayUrl(gateway.url("")), settings);

        AnswerBeyondLimits tooLarge = assertThrows(AnswerBeyondLimits.class,
                () -> node.send(InputPlacement.defaultFor(Route.WORKFLOW), "gpt-5.4", "Reply only OK"));

        assertThat(gateway.requests(), is(1));
        assertThat(tooLarge.getMessage(), containsString("the reply body is larger than 64 KB (crazyrouter.maxBody)"));
        assertThat(tooLarge.getMessage(), not(containsString("What the Coze builder sees")));
    }
}
