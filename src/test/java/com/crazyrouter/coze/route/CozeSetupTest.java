package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.PUBLIC;
import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static com.crazyrouter.coze.route.PluginToolTest.chat;
import static com.crazyrouter.coze.route.PluginToolTest.count;
import static com.crazyrouter.coze.route.PluginToolTest.header;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the builder has set up on both routes, and how one change reaches each route's form (COZE.md 3 and 4.5 for
 * the plugin — server scheme://host, the rest as the tool path, auth as a service token; COZE.md 2 for the node).
 */
class CozeSetupTest {
    private static final CozeSetup GUIDE = CozeSetup.guide(TOKEN);
    private static final Path FILE = Path.of("in-memory.yaml");
    private static final String OTHER_TOKEN = "sk-testCozeModelTestsOwnSetup0000000000000";

    private static OutgoingRequest plugin(CozeSetup setup) {
        Map<String, Object> arguments = chat("Hello");
        arguments.putAll(setup.pluginArguments());
        return setup.plugin().render(arguments, PUBLIC);
    }

    private static OutgoingRequest node(CozeSetup setup) {
        return setup.node().render(Map.of("model", "gpt-5.4", "input", "Hello"), PUBLIC);
    }

    private static PluginTool ownTool() {
        return new PluginTool("https://crazyrouter.com/v1", "/chat/completions", "POST", PluginTool.CHAT_PARAMETERS, Optional.empty(), List.of());
    }

    @Test
    void theGuidesSetupIsTheGuidesPluginAndTheGuidesNode() {
        assertThat(GUIDE.plugin(), equalTo(PluginTool.guide(TOKEN)));
        assertThat(GUIDE.node(), equalTo(WorkflowHttpNode.guide(TOKEN)));
        assertThat(GUIDE.pluginArguments(), equalTo(Map.of()));
        assertThat(GUIDE.authorization(), equalTo(Optional.of("Bearer " + TOKEN)));
    }

    // ---- withUrl: the node takes the URL as typed; the plugin splits it as the cURL import does (COZE.md 4.5) ------

    @Test
    void aTypedUrlBecomesThePluginsSchemeAndHostAndTheRestAsItsPath() {
        CozeSetup setup = GUIDE.withUrl("https://crazyrouter.com/v1/chat/completions/");
        assertThat(setup.plugin().serverUrl(), equalTo("https://crazyrouter.com"));
        assertThat(setup.plugin().path(), equalTo("/v1/chat/completions/"));
        assertThat(setup.plugin().url(), equalTo("https://crazyrouter.com/v1/chat/completions/"));
    }

    @Test
    void aTypedUrlIsTheNodesUrlInFull() {
        CozeSetup setup = GUIDE.withUrl("https://crazyrouter.com/v1/chat/completions/");
        assertThat(setup.node().url(), equalTo("https://crazyrouter.com/v1/chat/completions/"));
        assertThat(node(setup).url().getRawPath(), equalTo("/v1/chat/completions/"));
    }

    @Test
    void aPortAndAQueryStayWithTheServerAndThePath() {
        CozeSetup setup = GUIDE.withUrl("http://localhost:3000/v1//chat/completions?x=1");
        assertThat(setup.plugin().serverUrl(), equalTo("http://localhost:3000"));
        assertThat(setup.plugin().path(), equalTo("/v1//chat/completions?x=1"));
    }

    @Test
    void aTypedUrlChangesNothingElse() {
        CozeSetup setup = GUIDE.withUrl("https://crazyrouter.com/v1/chat");
        assertThat(setup.plugin().serviceToken(), equalTo(GUIDE.plugin().serviceToken()));
        assertThat(setup.plugin().method(), equalTo("POST"));
        assertThat(setup.node().headers(), equalTo(GUIDE.node().headers()));
        assertThat(setup.node().bodyTemplate(), equalTo(GUIDE.node().bodyTemplate()));
    }

    @Test
    void aTypedUrlWithoutASchemeCannotBeSentOnEitherRoute() {
        CozeSetup setup = GUIDE.withUrl("crazyrouter.com/v1/chat/completions");
        assertThrows(CozeRefusedToSend.class, () -> plugin(setup));
        assertThrows(CozeRefusedToSend.class, () -> node(setup));
    }

    @Test
    void aPluginServerAndPathChangeOnlyThePlugin() {
        CozeSetup setup = GUIDE.withPluginServer("https://crazyrouter.com/v1/", "/chat/completions");
        assertThat(setup.plugin().url(), equalTo("https://crazyrouter.com/v1//chat/completions"));
        assertThat(setup.node(), equalTo(GUIDE.node()));
    }

    // ---- withAuthorization: the plugin's service token as typed (no "Bearer " added); the node's header (COZE.md 3, 2)

    @Test
    void anAuthorizationAsTypedIsThePluginsServiceTokenAndTheNodesHeader() {
        CozeSetup setup = GUIDE.withAuthorization(Optional.of(TOKEN));
        assertThat(setup.plugin().serviceToken(), equalTo(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", TOKEN))));
        assertThat(plugin(setup).header("Authorization"), equalTo(Optional.of(TOKEN)));
        OutgoingRequest node = node(setup);
        assertThat(node.header("Authorization"), equalTo(Optional.of(TOKEN)));
        assertThat(count(node, "Authorization"), equalTo(1L));
        assertThat(setup.authorization(), equalTo(Optional.of(TOKEN)));
    }

    @Test
    void anEmptyAuthorizationRemovesItFromBothRoutes() {
        CozeSetup setup = GUIDE.withAuthorization(Optional.empty());
        assertThat(setup.plugin().serviceToken(), equalTo(Optional.empty()));
        assertThat(plugin(setup).header("Authorization"), equalTo(Optional.empty()));
        assertThat(node(setup).header("Authorization"), equalTo(Optional.empty()));
        assertThat(node(setup).header("Content-Type"), equalTo(Optional.of("application/json")));
        assertThat(setup.authorization(), equalTo(Optional.empty()));
    }

    @Test
    void aServiceTokenInTheQueryIsNoAuthorizationHeader() {
        CozeSetup setup = new CozeSetup(GUIDE.plugin().withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.QUERY, "key", TOKEN))),
                Map.of(), GUIDE.node());
        assertThat(setup.authorization(), equalTo(Optional.empty()));
    }

    // ---- withStreaming: "stream": true in the plugin's arguments and the node's body (COZE.md 3, 6) ----------------

    @Test
    void streamingAddsStreamTrueToThePluginsArgumentsAndItsBody() {
        CozeSetup setup = GUIDE.withStreaming();
        assertThat(setup.pluginArguments(), equalTo(Map.of("stream", true)));
        assertThat(Json.parse(plugin(setup).body()).orElseThrow().path("stream").asBoolean(), is(true));
    }

    @Test
    void streamingAddsStreamTrueToTheNodesBodyTemplate() {
        CozeSetup setup = GUIDE.withStreaming();
        assertThat(setup.node().bodyTemplate(), startsWith("{\"stream\":true,\"model\""));
        assertThat(Json.parse(node(setup).body()).orElseThrow().path("stream").asBoolean(), is(true));
    }

    // ---- withContentType: hand-written on both routes; each still sends its body's type without one -----------

    @Test
    void aHandWrittenContentTypeReachesBothRoutes() {
        CozeSetup setup = GUIDE.withContentType(Optional.of("text/plain"));
        assertThat(plugin(setup).header("Content-Type"), equalTo(Optional.of("text/plain")));
        assertThat(node(setup).header("Content-Type"), equalTo(Optional.of("text/plain")));
        assertThat(count(node(setup), "Content-Type"), equalTo(1L));
    }

    @Test
    void withoutAHandWrittenContentTypeEachRouteSendsItsBodysType() {
        CozeSetup setup = GUIDE.withContentType(Optional.empty());
        assertThat(setup.node().headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type")), is(true));
        assertThat(plugin(setup).header("Content-Type"), equalTo(Optional.of("application/json")));
        assertThat(node(setup).header("Content-Type"), equalTo(Optional.of("application/json")));
    }

    // ---- BuilderSetup.onItsRoute: the builder's own setup on its route, the guide's on the other (setup/BuilderSetup)

    @Test
    void aBuildersOwnPluginReplacesOnlyThePlugin() {
        PluginTool own = ownTool().withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization",
                "Bearer " + OTHER_TOKEN)));
        CozeSetup setup = new BuilderSetup.PluginSetup(FILE, own, List.of()).onItsRoute(GUIDE.withStreaming());
        assertThat(setup.plugin(), equalTo(own));
        assertThat(setup.node(), equalTo(GUIDE.withStreaming().node()));
        assertThat(setup.pluginArguments(), equalTo(Map.of("stream", true)));
    }

    // a cURL import carries no auth (NewDefaultPluginManifest, auth none); the builder then sets the guide's token
    @Test
    void aBuildersPluginWithNoAuthAtAllGetsTheGuidesServiceToken() {
        CozeSetup setup = new BuilderSetup.PluginSetup(FILE, ownTool(), List.of()).onItsRoute(GUIDE);
        assertThat(setup.plugin().serviceToken(), equalTo(GUIDE.plugin().serviceToken()));
        assertThat(setup.plugin().url(), equalTo("https://crazyrouter.com/v1/chat/completions"));
        assertThat(plugin(setup).header("Authorization"), equalTo(Optional.of("Bearer " + TOKEN)));
    }

    @Test
    void aBuildersPluginWithAnAuthorizationHeaderKeepsItAndGetsNoServiceToken() {
        PluginTool own = ownTool().withHeaders(List.of(header("Authorization", "Bearer " + OTHER_TOKEN)));
        CozeSetup setup = new BuilderSetup.PluginSetup(FILE, own, List.of()).onItsRoute(GUIDE);
        assertThat(setup.plugin(), equalTo(own));
        assertThat(plugin(setup).header("Authorization"), equalTo(Optional.of("Bearer " + OTHER_TOKEN)));
    }

    // the cURL import turns -H "Authorization: …" into a required tool input and drops its value (COZE.md 4.5)
    @Test
    void aBuildersPluginWhoseAuthorizationBecameAToolInputKeepsItThatWay() {
        PluginTool own = new PluginTool("https://crazyrouter.com", "/v1/chat/completions", "POST",
                List.of(new PluginTool.Parameter("model", "string", true), new PluginTool.Parameter("Authorization", "string", true)),
                Optional.empty(), List.of());
        CozeSetup setup = new BuilderSetup.PluginSetup(FILE, own, List.of()).onItsRoute(GUIDE);
        assertThat(setup.plugin().serviceToken(), equalTo(Optional.empty()));
    }

    // Coze fills a parameter's default when the caller gives none (invocation_args.go setBodyDefaultValues, COZE.md 4.6)
    @Test
    void aBuildersPluginSendsTheDefaultsCozeFillsButNeverADefaultForTheInput() {
        BuilderSetup.PluginSetup own = new BuilderSetup.PluginSetup(FILE, ownTool(), List.of(),
                Map.of("model", "gpt-5.4o", "temperature", 0, "messages", List.of()), List.of("model"), true);
        CozeSetup setup = own.onItsRoute(GUIDE.withStreaming());
        assertThat(setup.pluginArguments(), equalTo(Map.of("model", "gpt-5.4o", "temperature", 0, "stream", true)));
    }

    @Test
    void aBuildersOwnNodeReplacesOnlyTheNode() {
        WorkflowHttpNode own = WorkflowHttpNode.guide(OTHER_TOKEN).withUrl("https://crazyrouter.com/v1/chat/completions/");
        CozeSetup setup = new BuilderSetup.WorkflowSetup(FILE, own).onItsRoute(GUIDE);
        assertThat(setup.node(), equalTo(own));
        assertThat(setup.plugin(), equalTo(GUIDE.plugin()));
    }

    @Test
    void aChangedNodeReplacesOnlyTheNode() {
        WorkflowHttpNode changed = GUIDE.node().withAuth(new WorkflowHttpNode.BearerAuth(TOKEN));
        CozeSetup setup = GUIDE.withNode(changed);
        assertThat(setup.node(), equalTo(changed));
        assertThat(setup.plugin(), equalTo(GUIDE.plugin()));
    }
}
