package com.crazyrouter.coze.route;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plugin tool's rules, each pinned to the fact in docs/COZE.md it models (coze-studio, backend/domain/plugin/…).
 */
class PluginToolTest {
    /** An obvious fake. */
    static final String TOKEN = "sk-testCozeModelTests000000000000000000000";
    static final GatewayUrl PUBLIC = new GatewayUrl(URI.create("https://crazyrouter.com"));
    static final String CHAT_REPLY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-5.4\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}]}";

    private static final PluginTool GUIDE = PluginTool.guide(TOKEN);

    static Map<String, Object> chat(String content) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("model", "gpt-5.4");
        arguments.put("messages", List.of(Map.of("role", "user", "content", content)));
        return arguments;
    }

    static OutgoingRequest.Header header(String name, String value) {
        return new OutgoingRequest.Header(name, value);
    }

    static long count(OutgoingRequest request, String name) {
        return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).count();
    }

    static GatewayReply reply(OutgoingRequest request, int status, String contentType, String body) {
        return new GatewayReply(request, status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body, Duration.ZERO,
                Duration.ZERO);
    }

    private static OutgoingRequest guideRequest() {
        return GUIDE.render(chat("Hello"), PUBLIC);
    }

    // ---- URL: invocation_http.go buildHTTPRequest, rawURL := args.ServerURL + tool.GetSubURL() (COZE.md 4.3) -----

    @Test
    void theGuidesServerAndPathJoinIntoTheChatCompletionsUrl() {
        assertThat(GUIDE.url(), equalTo("https://crazyrouter.com/v1/chat/completions"));
        assertThat(guideRequest().url(), equalTo(URI.create("https://crazyrouter.com/v1/chat/completions")));
    }

    @Test
    void theFullUrlAsServerWithPathSlashEndsInATrailingSlash() {
        PluginTool tool = GUIDE.withServer("https://crazyrouter.com/v1/chat/completions", "/");
        assertThat(tool.url(), equalTo("https://crazyrouter.com/v1/chat/completions/"));
        assertThat(tool.render(chat("Hello"), PUBLIC).url().getRawPath(), equalTo("/v1/chat/completions/"));
    }

    @Test
    void aServerEndingInASlashPlusAPathStartingWithOneGivesADoubledSlash() {
        PluginTool tool = GUIDE.withServer("https://crazyrouter.com/v1/", "/chat/completions");
        assertThat(tool.url(), equalTo("https://crazyrouter.com/v1//chat/completions"));
        assertThat(tool.render(chat("Hello"), PUBLIC).url().getRawPath(), equalTo("/v1//chat/completions"));
    }

    @Test
    void theMethodIsSentAsConfigured() {
        assertThat(guideRequest().method(), equalTo("POST"));
    }

    // ---- body: req_encode.go jsonBodyEncoder → sonic.Marshal (COZE.md 4.4); invocation_args.go (COZE.md 3) --------

    @Test
    void aQuoteALineBreakATabAndABackslashInTheContentArriveIntact() {
        String content = "He said \"hi\"\nname\tprice C:\\Users\\coze";
        OutgoingRequest request = GUIDE.render(chat(content), PUBLIC);
        JsonNode body = Json.parse(request.body()).orElseThrow();
        assertThat(body.path("messages").path(0).path("content").asText(), equalTo(content));
        assertThat(body.path("model").asText(), equalTo("gpt-5.4"));
        assertThat("JSON escapes, never raw control characters", request.body(), allOf(containsString("\\\"hi\\\""), containsString("\\n"),
                containsString("\\t"), containsString("C:\\\\Users"), not(containsString("\n")), not(containsString("\t"))));
    }

    @Test
    void aKeyTheParameterSchemaDoesNotListIsDropped() {
        Map<String, Object> arguments = chat("Hello");
        arguments.put("temperature", 0.7);
        JsonNode body = Json.parse(GUIDE.render(arguments, PUBLIC).body()).orElseThrow();
        assertThat(body.has("temperature"), is(false));
        assertThat(body.has("messages"), is(true));
    }

    @Test
    void anOptionalParameterThatIsGivenIsSentAndOneThatIsNotIsLeftOut() {
        Map<String, Object> arguments = chat("Hello");
        arguments.put("max_tokens", 16);
        JsonNode body = Json.parse(GUIDE.render(arguments, PUBLIC).body()).orElseThrow();
        assertThat(body.path("max_tokens").asInt(), equalTo(16));
        assertThat(body.has("stream"), is(false));
    }

    @Test
    void aMissingRequiredParameterFailsBeforeSending() {
        Map<String, Object> arguments = chat("Hello");
        arguments.remove("model");
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class, () -> GUIDE.render(arguments, PUBLIC));
        assertThat(refused.getMessage(), containsString("[setBodyDefaultValues] parameter 'model' is required"));
    }

    // COZE.md §5: in a workflow plugin node the builder sees "Workflow execution failure: [setBodyDefaultValues] …",
    // the way every other PluginTool failure text is worded as the plugin node shows it
    @Test
    void aMissingRequiredParameterReadsAsTheWorkflowPluginNodeShowsIt() {
        Map<String, Object> arguments = chat("Hello");
        arguments.remove("messages");
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class, () -> GUIDE.render(arguments, PUBLIC));
        assertThat(refused.getMessage(), equalTo("Workflow execution failure: [setBodyDefaultValues] parameter 'messages' is required"));
    }

    // ---- service token: injectServiceAPIToken, Header.Set only when unset; Coze adds no "Bearer " (COZE.md 3) -----

    @Test
    void theServiceTokenIsSentExactlyAsTyped() {
        assertThat(guideRequest().header("Authorization"), equalTo(Optional.of("Bearer " + TOKEN)));
    }

    @Test
    void aServiceTokenTypedWithoutBearerIsSentWithoutBearer() {
        PluginTool tool = GUIDE.withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", TOKEN)));
        assertThat(tool.render(chat("Hello"), PUBLIC).header("Authorization"), equalTo(Optional.of(TOKEN)));
    }

    @Test
    void theServiceTokenIsNotSetWhenAHeaderOfThatNameIsAlreadySet() {
        PluginTool tool = GUIDE.withHeaders(List.of(header("authorization", "Bearer sk-testHandWritten0000000000000")));
        OutgoingRequest request = tool.render(chat("Hello"), PUBLIC);
        assertThat(count(request, "Authorization"), equalTo(1L));
        assertThat(request.header("Authorization"), equalTo(Optional.of("Bearer sk-testHandWritten0000000000000")));
    }

    @Test
    void aServiceTokenInTheQueryGoesIntoTheUrlAndNotIntoAHeader() {
        PluginTool tool = GUIDE.withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.QUERY, "key", TOKEN)));
        OutgoingRequest request = tool.render(chat("Hello"), PUBLIC);
        assertThat(request.url().getRawQuery(), equalTo("key=" + TOKEN));
        assertThat(request.url().getRawPath(), equalTo("/v1/chat/completions"));
        assertThat(request.header("Authorization"), equalTo(Optional.empty()));
    }

    @Test
    void withoutAServiceTokenNoAuthorizationIsSent() {
        assertThat(GUIDE.withServiceToken(Optional.empty()).render(chat("Hello"), PUBLIC).header("Authorization"), equalTo(Optional.empty()));
    }

    @Test
    void theServiceTokenNeverAppearsInTheToolsText() {
        assertThat(GUIDE.toString(), not(containsString(TOKEN)));
    }

    // ---- Content-Type: the body's media type, application/json (COZE.md 3, 4.6) ---------------------------------

    @Test
    void contentTypeApplicationJsonIsAddedWhenNoHeaderSaysOtherwise() {
        OutgoingRequest request = guideRequest();
        assertThat(request.header("Content-Type"), equalTo(Optional.of("application/json")));
        assertThat(count(request, "Content-Type"), equalTo(1L));
    }

    @Test
    void aContentTypeHeaderOfTheToolIsKeptAndNotDuplicated() {
        OutgoingRequest request = GUIDE.withHeaders(List.of(header("Content-Type", "application/json; charset=utf-8"))).render(chat("Hello"), PUBLIC);
        assertThat(request.header("Content-Type"), equalTo(Optional.of("application/json; charset=utf-8")));
        assertThat(count(request, "Content-Type"), equalTo(1L));
    }

    // ---- Go's transport refuses a header value with a line break (COZE.md 2, §5 transport-error row) -------------

    @Test
    void aServiceTokenWithALineBreakIsRefusedBeforeSendingWithGosError() {
        PluginTool tool = GUIDE.withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization",
                "Bearer " + TOKEN + "\n")));
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class, () -> tool.render(chat("Hello"), PUBLIC));
        assertThat(refused.getMessage(), allOf(containsString("net/http: invalid header field value for \"Authorization\""),
                containsString("http request failed, err=Post \"https://crazyrouter.com/v1/chat/completions\": "),
                startsWith("Workflow execution failure: code=109000009 message=execute tool failed : "), not(containsString(TOKEN))));
    }

    @Test
    void aUrlWithoutASchemeIsRefusedBeforeSending() {
        PluginTool tool = GUIDE.withServer("crazyrouter.com/v1", "/chat/completions");
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class, () -> tool.render(chat("Hello"), PUBLIC));
        assertThat(refused.getMessage(), containsString("unsupported protocol scheme"));
    }

    // ---- what the builder sees: exec_tool.go processResponse, invocation_http.go Do (COZE.md 4.3, §5) -------------

    @Test
    void anOkReplyWithAJsonObjectIsTheToolsOutputWithTheReplyText() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "application/json", CHAT_REPLY));
        assertThat(view.failed(), is(false));
        assertThat(view.words(), containsString("choices[0].message.content is \"OK\""));
    }

    @Test
    void anOkReplyWithAJsonObjectWithoutReplyTextIsStillTheToolsOutput() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "application/json", "{\"object\":\"list\"}"));
        assertThat(view.failed(), is(false));
        assertThat(view.words(), containsString("with no text at choices[0].message.content"));
    }

    @Test
    void a401FailsTheToolWithTheStatusAndTheBody() {
        String body = "{\"error\":{\"code\":\"\",\"message\":\"Invalid token (request id: 1)\",\"type\":\"new_api_error\"}}";
        CozeView view = GUIDE.shows(reply(guideRequest(), 401, "application/json", body));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), equalTo("Workflow execution failure: code=109000009 message=execute tool failed : "
                + "http request failed, status=401 Unauthorized\nresp=" + body));
    }

    @Test
    void aSuccessStatusOtherThan200FailsTheToolToo() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 201, "application/json", CHAT_REPLY));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("http request failed, status=201"));
    }

    @Test
    void anOkReplyWithServerSentEventsIsNotAnObject() {
        String events = "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"OK\"}}]}\n\ndata: [DONE]\n\n";
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "text/event-stream", events));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("execute tool failed : response is not object, raw response=data: {"));
    }

    @Test
    void anOkReplyWithTheDashboardsHtmlIsNotAnObject() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "text/html; charset=utf-8", "<!doctype html><html><body>Crazyrouter</body></html>"));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("response is not object, raw response=<!doctype html>"));
    }

    @Test
    void anOkReplyWithAJsonArrayIsNotAnObject() {
        assertThat(GUIDE.shows(reply(guideRequest(), 200, "application/json", "[1,2]")).words(), containsString("response is not object"));
    }

    // COZE.md 3: "An empty 200 body becomes {}"; 4.3: "an empty body skips it ({})"
    @Test
    void anEmptyOkReplyIsAnEmptyObjectAndNotAFailure() {
        assertThat(GUIDE.shows(reply(guideRequest(), 200, null, "")).failed(), is(false));
    }

    // exec_tool.go processResponse: sonic.ConfigDefault.NewDecoder(...).Decode(&respMap) reads one value (COZE.md 4.8)
    @Test
    void aSecondJsonValueAfterTheReplyIsIgnoredByThePluginWhichReadsTheFirst() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "application/json", CHAT_REPLY + "\n{\"id\":\"chatcmpl-2\"}"));
        assertThat(view.failed(), is(false));
        assertThat(view.words(), containsString("choices[0].message.content is \"OK\""));
        assertThat(view.describe(), containsString(
                "the plugin tool reads the first value and ignores the rest (sonic's stream decoder, exec_tool.go processResponse), so the plugin works]"));
    }

    @Test
    void aByteOrderMarkBeforeTheReplyFailsThePluginAndIsNamed() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "application/json", "\uFEFF" + CHAT_REPLY));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("response is not object, raw response=\uFEFF{"));
        assertThat(view.describe(), containsString("stops at the mark"));
    }

    @Test
    void anErrorWith200IsTheToolsOutputWithNoReplyAndNoError() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 200, "application/json", "{\"error\":{\"message\":\"upstream error\",\"type\":\"x\"}}"));
        assertThat(view.failed(), is(false));
        assertThat(view.describe(), containsString("neither a reply nor an error"));
    }

    @Test
    void aPageFromTheSitesFrontFailsOnTheStatusAndNeedsNoNoteBeyondIt() {
        CozeView view = GUIDE.shows(reply(guideRequest(), 403, "text/html", "<html><title>Just a moment...</title></html>"));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("http request failed, status=403 Forbidden\nresp=<html>"));
    }

    @Test
    void aTransportErrorIsShownAsTheToolsHttpFailure() {
        CozeView view = PluginTool.showsTransportError("Post \"https://crazyrouter.com/v1/chat/completions\": dial tcp: lookup crazyrouter.com: no such host");
        assertThat(view.failed(), is(true));
        assertThat(view.words(), containsString("execute tool failed : http request failed, err=Post \"https://crazyrouter.com/v1/chat/completions\""));
    }
}
