package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.CHAT_REPLY;
import static com.crazyrouter.coze.route.PluginToolTest.PUBLIC;
import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static com.crazyrouter.coze.route.PluginToolTest.reply;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workflow HTTP node's outputs as the next node receives them (coze-studio, httprequester: body is the response
 * as a string, never parsed; statusCode an integer; headers a JSON string; COZE.md 2 "Output", §5).
 */
class NodeOutputsTest {
    private static final String EVENTS = "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"OK\"}}]}\n\n"
            + ": PING\n\ndata: [DONE]\n\n";

    private static NodeOutputs outputs(int status, String contentType, String body) {
        OutgoingRequest request = WorkflowHttpNode.guide(TOKEN).render(Map.of("model", "gpt-5.4", "input", "Hello"), PUBLIC);
        GatewayReply reply = reply(request, status, contentType, body);
        return NodeOutputs.of(reply);
    }

    @Test
    void theOutputsAreTheBodyStringTheStatusCodeAndTheHeadersAsAJsonString() {
        NodeOutputs outputs = outputs(200, "application/json", CHAT_REPLY);
        assertThat(outputs.body(), equalTo(CHAT_REPLY));
        assertThat(outputs.statusCode(), equalTo(200));
        assertThat(outputs.headers(), equalTo("{\"Content-Type\":\"application/json\"}"));
    }

    @Test
    void aMappingToBodyFindsTheWholeAnswerAsAString() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).read("body"), equalTo(CHAT_REPLY));
    }

    @Test
    void aMappingToStatusCodeFindsANumber() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).read("statusCode"), equalTo(200));
    }

    @Test
    void aMappingToTheReplyInsideTheBodyFindsNothingBecauseTheBodyIsAString() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).read("body.choices[0].message.content"), is(nullValue()));
    }

    @Test
    void aMappingIntoTheBodyMissesTheReplyThatTheStringHolds() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).mappingIntoBody("choices[0].message.content"),
                equalTo(NodeOutputs.MappingIntoBody.MISSES_THE_REPLY_IN_THE_STRING));
    }

    @Test
    void aBodyWithoutAReplyIsNoMappingMistake() {
        assertThat(outputs(200, "application/json", "").mappingIntoBody("choices[0].message.content"),
                equalTo(NodeOutputs.MappingIntoBody.NO_REPLY_IN_THE_BODY));
        assertThat(outputs(200, "text/html", "<html>dashboard</html>").mappingIntoBody("choices[0].message.content"),
                equalTo(NodeOutputs.MappingIntoBody.NO_REPLY_IN_THE_BODY));
        assertThat(outputs(200, "application/json", CHAT_REPLY.replace("\"content\":\"OK\"", "\"content\":null"))
                .mappingIntoBody("choices[0].message.content"), equalTo(NodeOutputs.MappingIntoBody.NO_REPLY_IN_THE_BODY));
    }

    @Test
    void aCodeNodeThatParsesTheBodyFindsTheReply() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).parsedBody("choices[0].message.content"), equalTo("OK"));
    }

    @Test
    void parsingABodyThatIsNotJsonFindsNothing() {
        assertThat(outputs(200, "text/html", "<!doctype html><html></html>").parsedBody("choices[0].message.content"), is(nullValue()));
    }

    @Test
    void parsingAnEmptyBodyFindsNothing() {
        assertThat(outputs(307, null, "").parsedBody("choices[0].message.content"), is(nullValue()));
    }

    // the node reads the whole body (io.ReadAll): an SSE reply arrives as one text blob (COZE.md 2, 6)
    @Test
    void aBodyOfDataLinesIsAnEventStream() {
        assertThat(outputs(200, "text/event-stream", EVENTS).bodyIsEventStream(), is(true));
    }

    @Test
    void aJsonBodyIsNotAnEventStream() {
        assertThat(outputs(200, "application/json", CHAT_REPLY).bodyIsEventStream(), is(false));
    }

    @Test
    void anHtmlBodyIsNotAnEventStream() {
        assertThat(outputs(200, "text/html", "<!doctype html><html></html>").bodyIsEventStream(), is(false));
    }

    @Test
    void anEmptyBodyIsNotAnEventStream() {
        assertThat(outputs(307, null, "").bodyIsEventStream(), is(false));
    }

    @Test
    void theDescriptionShowsTheStatusAndTheBodyOnOneLine() {
        assertThat(outputs(200, "text/event-stream", "data: a\n\ndata: [DONE]").describe(), equalTo("{statusCode: 200, body: \"data: a data: [DONE]\"}"));
    }

    // a code node's json.loads / JSON.parse and the JSON deserialization node's sonic.Unmarshal refuse both (COZE.md 4.8)
    @Test
    void aCodeNodeFindsNothingInABodyBehindAByteOrderMarkOrWithASecondValue() {
        assertThat(outputs(200, "application/json", "\uFEFF" + CHAT_REPLY).parsedBody("choices[0].message.content"), is(nullValue()));
        assertThat(outputs(200, "application/json", CHAT_REPLY + "{\"id\":\"x\"}").parsedBody("choices[0].message.content"), is(nullValue()));
        assertThat(outputs(200, "application/json", CHAT_REPLY + "\n\n").parsedBody("choices[0].message.content"), equalTo("OK"));
    }
}
