package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.PUBLIC;
import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static com.crazyrouter.coze.route.PluginToolTest.chat;
import static com.crazyrouter.coze.route.PluginToolTest.count;
import static com.crazyrouter.coze.route.PluginToolTest.header;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The headers each route puts on the wire besides the builder's own (docs/COZE.md §3.1), none of them a token. */
class CozeWireHeadersTest {
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static OutgoingRequest plugin(PluginTool tool) {
        return tool.render(chat("Hello"), PUBLIC);
    }

    private static OutgoingRequest node(WorkflowHttpNode node) {
        return node.render(Map.of("model", "gpt-5.4", "input", "Hello"), PUBLIC);
    }

    @Test
    void thePluginSendsCozesUserAgentItsLogIdAndUserIdAndAsksForJsonAndGzip() {
        OutgoingRequest request = plugin(PluginTool.guide(TOKEN));
        assertThat(request.header("User-Agent"), equalTo(Optional.of("Coze/1.0")));
        assertThat(request.header("X-Tt-Logid").orElseThrow().matches(UUID_FORM), is(true));
        assertThat(request.header("X-Aiplugin-Connector-Identifier").orElseThrow().matches("\\d{19}"), is(true));
        assertThat("resty: Accept is the JSON Content-Type", request.header("Accept"), equalTo(Optional.of("application/json")));
        assertThat("Go's transport", request.header("Accept-Encoding"), equalTo(Optional.of("gzip")));
        assertThat("outside a bot and a conversation", count(request, "X-Aiplugin-Bot-Id") + count(request, "X-Aiplugin-Conversation-Id"), equalTo(0L));
    }

    @Test
    void eachPluginCallHasItsOwnLogId() {
        PluginTool tool = PluginTool.guide(TOKEN);
        assertThat(plugin(tool).header("X-Tt-Logid"), not(equalTo(plugin(tool).header("X-Tt-Logid"))));
    }

    @Test
    void aToolThatSetsItsOwnUserAgentOrAcceptKeepsThem() {
        OutgoingRequest request = plugin(PluginTool.guide(TOKEN).withHeaders(List.of(header("User-Agent", "my-agent"), header("Accept", "*/*"))));
        assertThat(request.header("User-Agent"), equalTo(Optional.of("my-agent")));
        assertThat(request.header("Accept"), equalTo(Optional.of("*/*")));
        assertThat(count(request, "User-Agent") + count(request, "Accept"), equalTo(2L));
    }

    @Test
    void theNodeSendsGosDefaultUserAgentAndAsksForGzip() {
        OutgoingRequest request = node(WorkflowHttpNode.guide(TOKEN));
        assertThat(request.header("User-Agent"), equalTo(Optional.of("Go-http-client/1.1")));
        assertThat(request.header("Accept-Encoding"), equalTo(Optional.of("gzip")));
        assertThat("the node sends no Coze header", count(request, "X-Tt-Logid") + count(request, "Accept"), equalTo(0L));
    }

    @Test
    void aNodeWhoseBuilderSetAUserAgentOrAnEncodingSendsTheirs() {
        OutgoingRequest request = node(WorkflowHttpNode.guide(TOKEN).withHeaders(List.of(header("User-Agent", "mine"), header("Accept-Encoding", "identity"))));
        assertThat(request.header("User-Agent"), equalTo(Optional.of("mine")));
        assertThat(request.header("Accept-Encoding"), equalTo(Optional.of("identity")));
        assertThat(count(request, "User-Agent") + count(request, "Accept-Encoding"), equalTo(2L));
    }

    @Test
    void noCozeHeaderCarriesTheToken() {
        for (OutgoingRequest request : List.of(plugin(PluginTool.guide(TOKEN)), node(WorkflowHttpNode.guide(TOKEN)))) {
            request.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Authorization"))
                    .forEach(h -> assertThat(h.name(), h.value().contains(TOKEN.substring(3, 12)), is(false)));
        }
    }
}
