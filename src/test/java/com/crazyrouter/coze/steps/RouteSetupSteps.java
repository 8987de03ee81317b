package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.route.TypedAuthorization;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.Tokens;
import io.cucumber.java.en.Given;

/** What a builder sets in one route's own form: the plugin's server and tool path, the workflow node's auth and body type. */
public class RouteSetupSteps {
    private final CozeNode node;
    private final Tokens tokens;

    public RouteSetupSteps(CozeNode node, Tokens tokens) {
        this.node = node;
        this.tokens = tokens;
    }

    @Given("the plugin's server URL is {string} and its tool path is {string}")
    public void pluginServerAndPath(String serverUrl, String toolPath) {
        node.change(setup -> setup.withPluginServer(serverUrl, toolPath));
    }

    /** The token field of the node's Bearer auth, as typed: {@link TypedAuthorization} says what its placeholders stand for. */
    @Given("the workflow node uses Bearer auth with the token typed as {string}")
    public void nodeBearerAuth(String typed) {
        String token = TypedAuthorization.fill(typed, tokens.require(TokenKind.DEDICATED));
        node.change(setup -> setup.withNode(setup.node().withAuth(new WorkflowHttpNode.BearerAuth(token))));
    }

    @Given("the workflow node's body type is raw text")
    public void rawTextBody() {
        node.change(setup -> setup.withNode(setup.node().withBody(WorkflowHttpNode.BodyType.RAW_TEXT, setup.node().bodyTemplate())));
    }

    @Given("the request body asks for \"stream\": true")
    public void streamingBody() {
        node.change(setup -> setup.withStreaming());
    }
}
