package com.crazyrouter.coze.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.ListedModels;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.contract.Outcome;
import com.crazyrouter.coze.contract.TokenAllowlist;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where Coze's request goes and which model it names: a redirect to another host is reported, not followed onto the
 * run's own gateway; a redirect on the same host is followed; the attempt names the model in the body actually sent.
 */
@Timeout(10) // a guard against a hang, not a measurement
class CozeNodeRedirectsTest {
    private static final String TOKEN = "sk-testCozeNodeRedirects0000000000000000000";
    private static final byte[] CHAT = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5.4\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}"
            .getBytes(StandardCharsets.UTF_8);

    private ScriptedGateway gateway;

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aRedirectToAnotherHostIsRedSayingSoAndNothingIsSentThere() throws Exception {
        gateway = new ScriptedGateway(out -> out.write(ScriptedGateway.head(307, "text/plain", 0, "Location: https://elsewhere.example/steal")));

        ContractViolation offHost = assertThrows(ContractViolation.class,
                () -> node().send(InputPlacement.defaultFor(Route.PLUGIN), "gpt-5.4", "Reply only OK"));

        assertThat("requests: the redirect is not followed onto the run's own gateway", gateway.requests(), is(1));
        assertThat(offHost.getMessage(), containsString("Crazyrouter redirects (307) to another host, elsewhere.example: Coze's API plugin would follow "
                + "it there (Go's client drops the Authorization header when the host changes, other headers go along); nothing was sent there."));
        assertThat(offHost.getMessage(), not(containsString("/steal/steal")));
        assertThat(offHost.row(), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
    }

    @Test
    void aRedirectOnTheSameHostIsFollowedWithTheBody() throws Exception {
        gateway = new ScriptedGateway((request, out) -> {
            if (request.path().endsWith("/")) {
                out.write(ScriptedGateway.head(307, "text/plain", 0, "Location: /v1/chat/completions"));
            } else {
                out.write(ScriptedGateway.head("application/json", CHAT.length));
                out.write(CHAT);
            }
        });
        CozeNode node = node();
        node.change(setup -> setup.withPluginServer(gateway.url("/v1/chat/completions").toString(), "/"));

        Attempt attempt = node.send(InputPlacement.defaultFor(Route.PLUGIN), "gpt-5.4", "Reply only OK");

        assertThat(gateway.requests(), is(2));
        assertThat(attempt.reply().orElseThrow().isChatCompletion(), is(true));
    }

    @Test
    void theAttemptNamesTheModelTheBodyFixesNotTheOneTheScenarioNamed() throws Exception {
        byte[] refused = "{\"error\":{\"code\":\"\",\"message\":\"This token has no access to model gpt-5.4o\",\"type\":\"new_api_error\"}}"
                .getBytes(StandardCharsets.UTF_8);
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head(403, "application/json", refused.length));
            out.write(refused);
        });
        CozeNode node = node();
        node.change(setup -> setup.withNode(setup.node().withBody(WorkflowHttpNode.BodyType.JSON,
                "{\"model\":\"gpt-5.4o\",\"messages\":[{\"role\":\"user\",\"content\":\"{{input}}\"}]}")));

        Attempt attempt = node.send(InputPlacement.defaultFor(Route.WORKFLOW), "gpt-5.4", "Reply only OK");
        AssertionError red = assertThrows(AssertionError.class, () -> Outcome.CHAT_REPLY.verify(attempt, new TokenAllowlist(List.of("gpt-5.4")),
                () -> new ListedModels(Optional.of(List.of("gpt-5.4", "claude-sonnet-4-6")),
                        Optional.of(List.of("gpt-5.4", "claude-sonnet-4-6", "gemini-3-pro-preview")))));

        assertThat(attempt.model(), equalTo("gpt-5.4o"));
        assertThat(red.getMessage(), containsString("the workflow HTTP node asking gpt-5.4o via POST"));
        assertThat(red.getMessage(), containsString("Did you mean gpt-5.4?"));
        assertThat(((ContractViolation) red).row(), equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
    }

    private CozeNode node() {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString()), Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CozeNode(new ScenarioState(), new Tokens(settings),
                new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(20, 1_000)), new GatewayUrl(gateway.url("")),
                settings,
                new ModelLists(kind -> Optional.empty()), com.crazyrouter.coze.transport.OffWireMarks.NONE);
    }
}
