package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.PUBLIC;
import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static com.crazyrouter.coze.route.PluginToolTest.count;
import static com.crazyrouter.coze.route.PluginToolTest.header;
import static com.crazyrouter.coze.route.PluginToolTest.reply;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.route.WorkflowHttpNode.BearerAuth;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.route.WorkflowHttpNode.CustomAuth;
import com.crazyrouter.coze.route.WorkflowHttpNode.NoAuth;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workflow HTTP request node's rules, each pinned to the fact in docs/COZE.md it models (coze-studio,
 * backend/domain/workflow/internal/nodes/httprequester/http_requester.go unless said otherwise).
 */
class WorkflowHttpNodeTest {
    private static final WorkflowHttpNode GUIDE = WorkflowHttpNode.guide(TOKEN);
    private static final String URL = "https://crazyrouter.com/v1/chat/completions";
    /** The guide's node without hand-written headers, so each test adds what it pins. */
    private static final WorkflowHttpNode BARE = GUIDE.withHeaders(List.of());

    private static OutgoingRequest render(WorkflowHttpNode node, String input) {
        return node.render(Map.of("model", "gpt-5.4", "input", input), PUBLIC);
    }

    private static CozeRefusedToSend refused(WorkflowHttpNode node, String input) {
        return assertThrows(CozeRefusedToSend.class, () -> render(node, input));
    }

    // ---- templates: template.go TemplatePart.Render, raw text, unknown variable kept (COZE.md 2) -----------------

    @Test
    void aQuoteInAVariableStaysARawQuoteInTheBody() {
        OutgoingRequest request = render(BARE.withBody(BodyType.RAW_TEXT, "say {{input}}"), "He said \"hi\"");
        assertThat(request.body(), equalTo("say He said \"hi\""));
    }

    @Test
    void anUnknownVariableStaysTheLiteralTemplate() {
        OutgoingRequest request = render(BARE.withBody(BodyType.JSON, "{\"model\":\"{{model}}\",\"note\":\"{{x}}\"}"), "Hello");
        assertThat(request.body(), equalTo("{\"model\":\"gpt-5.4\",\"note\":\"{{x}}\"}"));
    }

    @Test
    void thePlainInputFillsTheGuidesBodyIntoValidJson() {
        OutgoingRequest request = render(GUIDE, "Hello");
        assertThat(Json.parse(request.body()).orElseThrow().path("messages").path(0).path("content").asText(), equalTo("Hello"));
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.url(), equalTo(URI.create(URL)));
    }

    @Test
    void theUrlTemplateIsTrimmedAndItsVariablesAreFilledIn() {
        WorkflowHttpNode node = BARE.withUrl("  https://crazyrouter.com/{{version}}/chat/completions \n").withBody(BodyType.JSON, "{}");
        OutgoingRequest request = node.render(Map.of("version", "v1"), PUBLIC);
        assertThat(request.url(), equalTo(URI.create(URL)));
    }

    // ---- the JSON body is parsed before sending: ToCallbackInput sonic.Unmarshal, node_runner.go (COZE.md 4.1) ---

    @Test
    void aQuoteInTheInputFailsTheNodeBeforeAnythingIsSent() {
        CozeRefusedToSend refused = refused(GUIDE, "Reply with the word \"OK\" in quotes");
        assertThat(refused.getMessage(), allOf(startsWith("Workflow execution failure:"), containsString("Syntax error")));
    }

    @Test
    void aRawLineBreakInTheInputPassesTheParseAndIsSentRaw() {
        OutgoingRequest request = render(GUIDE, "First line\nSecond line");
        assertThat(request.body(), containsString("First line\nSecond line"));
    }

    @Test
    void aRawTabInTheInputPassesTheParseAndIsSentRaw() {
        OutgoingRequest request = render(GUIDE, "name\tprice");
        assertThat(request.body(), containsString("name\tprice"));
    }

    @Test
    void anInvalidBackslashEscapeInTheInputFailsTheNodeBeforeSending() {
        assertThat(refused(GUIDE, "Save it to C:\\Users\\coze\\notes.txt").getMessage(), startsWith("Workflow execution failure:"));
    }

    @Test
    void aTopLevelArrayBodyFailsTheNodeBeforeSending() {
        assertThat(refused(BARE.withBody(BodyType.JSON, "[{\"model\":\"{{model}}\"}]"), "Hello").getMessage(), startsWith("Workflow execution failure:"));
    }

    @Test
    void aRawTextBodyIsNotParsed() {
        assertThat(render(BARE.withBody(BodyType.RAW_TEXT, "{\"content\":\"{{input}}\"}"), "a \"quote\"").body(), equalTo("{\"content\":\"a \"quote\"\"}"));
    }

    @Test
    void anEmptyBodyTypeSendsNoBody() {
        OutgoingRequest request = render(BARE.withBody(BodyType.EMPTY, "{\"ignored\":true}"), "Hello");
        assertThat(request.body(), equalTo(null));
        assertThat(request.header("Content-Type"), equalTo(Optional.empty()));
    }

    // ---- Content-Type of the body type, after the hand-written headers (COZE.md 2) -------------------------------

    @Test
    void aRawTextBodySendsContentTypeTextPlain() {
        assertThat(render(BARE.withBody(BodyType.RAW_TEXT, "{{input}}"), "Hello").header("Content-Type"), equalTo(Optional.of("text/plain")));
    }

    @Test
    void aJsonBodySendsContentTypeApplicationJson() {
        OutgoingRequest request = render(BARE, "Hello");
        assertThat(request.header("Content-Type"), equalTo(Optional.of("application/json")));
        assertThat(count(request, "Content-Type"), equalTo(1L));
    }

    @Test
    void aHandWrittenContentTypeIsKeptAndNotDuplicated() {
        OutgoingRequest request = render(BARE.withHeaders(List.of(header("Content-Type", "text/plain"))), "Hello");
        assertThat(request.header("Content-Type"), equalTo(Optional.of("text/plain")));
        assertThat(count(request, "Content-Type"), equalTo(1L));
    }

    @Test
    void theGuidesHandWrittenHeadersAreSentAsTyped() {
        OutgoingRequest request = render(GUIDE, "Hello");
        assertThat(request.header("Authorization"), equalTo(Optional.of("Bearer " + TOKEN)));
        assertThat(count(request, "Content-Type"), equalTo(1L));
    }

    // ---- auth: BEARER_AUTH header.Set("Authorization", "Bearer " + token) after the headers; CUSTOM_AUTH (COZE.md 2)

    @Test
    void bearerAuthSendsBearerAndTheTokenOverwritingAHandWrittenAuthorization() {
        WorkflowHttpNode node = BARE.withHeaders(List.of(header("Authorization", "Bearer sk-testHandWritten0000000000000"))).withAuth(new BearerAuth(TOKEN));
        OutgoingRequest request = render(node, "Hello");
        assertThat(count(request, "Authorization"), equalTo(1L));
        assertThat(request.header("Authorization"), equalTo(Optional.of("Bearer " + TOKEN)));
    }

    @Test
    void aTokenTypedWithBearerIntoBearerAuthIsSentAsBearerBearer() {
        OutgoingRequest request = render(BARE.withAuth(new BearerAuth("Bearer " + TOKEN)), "Hello");
        assertThat(request.header("Authorization"), equalTo(Optional.of("Bearer Bearer " + TOKEN)));
    }

    @Test
    void customAuthInTheHeaderSetsThatHeader() {
        OutgoingRequest request = render(BARE.withAuth(new CustomAuth(PluginTool.Location.HEADER, "Authorization", TOKEN)), "Hello");
        assertThat(request.header("Authorization"), equalTo(Optional.of(TOKEN)));
    }

    @Test
    void customAuthInTheQueryGoesIntoTheUrlAndNotIntoAHeader() {
        OutgoingRequest request = render(BARE.withAuth(new CustomAuth(PluginTool.Location.QUERY, "key", TOKEN)), "Hello");
        assertThat(request.url().getRawQuery(), equalTo("key=" + TOKEN));
        assertThat(request.header("Authorization"), equalTo(Optional.empty()));
    }

    @Test
    void noAuthSendsNoAuthorization() {
        assertThat(render(BARE.withAuth(new NoAuth()), "Hello").header("Authorization"), equalTo(Optional.empty()));
    }

    @Test
    void theAuthSettingsNeverShowTheToken() {
        assertThat(new BearerAuth(TOKEN) + " " + new CustomAuth(PluginTool.Location.HEADER, "Authorization", TOKEN), not(containsString(TOKEN)));
    }

    // ---- Go's transport refuses a header value with a line break; only the root cause is shown (COZE.md 2, §5) ---

    @Test
    void aHandWrittenAuthorizationWithALineBreakIsRefusedBeforeSending() {
        WorkflowHttpNode node = BARE.withHeaders(List.of(header("Authorization", "Bearer " + TOKEN + "\n")));
        CozeRefusedToSend refused = refused(node, "Hello");
        assertThat(refused.getMessage(), equalTo("Workflow execution failure: net/http: invalid header field value for \"Authorization\""));
    }

    // ---- what the builder sees: status >= 400 fails, cut at 1000; below, outputs with body a string (COZE.md 4.2, §5)

    @Test
    void aStatusOf400OrMoreFailsTheNodeWithRequestStatusHeadersAndBody() {
        String body = "{\"error\":{\"code\":\"\",\"message\":\"Invalid request: invalid JSON request body\",\"type\":\"new_api_error\"}}";
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 400, "application/json; charset=utf-8", body));
        assertThat(view.failed(), is(true));
        assertThat(view.words(), equalTo("Workflow execution failure: request " + URL + " failed, response status code=400, status=400 Bad Request, "
                + "headers={\"Content-Type\":\"application/json; charset=utf-8\"}, body=" + body));
    }

    @Test
    void aLongFailureTextIsCutAt1000Characters() {
        String body = "x".repeat(5000);
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 500, "text/plain", body));
        assertThat(view.words().length(), equalTo(1000));
        assertThat(view.words(),
                startsWith("Workflow execution failure: request " + URL + " failed, response status code=500, status=500 Internal Server Error"));
    }

    // event_handle.go: errorInfo = wfe.Msg()[:min(1000, len(wfe.Msg()))] slices a Go string, i.e. bytes (COZE.md 4.2)
    @Test
    void aLongFailureTextIsCutAt1000BytesNotCharacters() {
        String body = "{\"error\":{\"message\":\"" + "您的 IP 不在令牌允许访问的列表中".repeat(60) + "\"}}";
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 403, "application/json", body));
        int bytes = view.words().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes, allOf(lessThanOrEqualTo(1000), greaterThan(996)));
    }

    @Test
    void aStatusBelow400IsTheNodesOutputWithTheBodyAsAString() {
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 200, "application/json", PluginToolTest.CHAT_REPLY));
        assertThat(view.failed(), is(false));
        assertThat(view.words(), allOf(containsString("statusCode 200"), containsString(Json.write(PluginToolTest.CHAT_REPLY))));
    }

    @Test
    void a307IsASuccessWithAnEmptyBody() {
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 307, null, ""));
        assertThat(view.failed(), is(false));
        assertThat(view.words(), containsString("statusCode 307, body (a string, not parsed JSON) \"\""));
    }

    // ---- redirects: http.DefaultClient, no GetBody, so 307/308 with a body are returned, 301/302/303 followed (COZE.md 4.2) ----

    @ParameterizedTest(name = "{0} is followed")
    @ValueSource(ints = {301, 302, 303})
    void aMovedFoundOrSeeOtherRedirectIsFollowed(int status) {
        assertThat(GUIDE.followsRedirect(status), is(true));
    }

    @ParameterizedTest(name = "{0} is not followed")
    @ValueSource(ints = {307, 308})
    void aTemporaryOrPermanentRedirectIsNotFollowed(int status) {
        assertThat(GUIDE.followsRedirect(status), is(false));
        assertThat(GUIDE.withBody(BodyType.RAW_TEXT, "").followsRedirect(status), is(false));
    }

    /** Body type EMPTY leaves the request's Body nil: Go's outgoingLength is 0, so there is nothing to resend and it follows. */
    @ParameterizedTest(name = "{0} is followed without a body")
    @ValueSource(ints = {307, 308})
    void aNodeWithoutABodyFollowsATemporaryOrPermanentRedirect(int status) {
        assertThat(GUIDE.withBody(BodyType.EMPTY, "").followsRedirect(status), is(true));
    }

    // ---- defaults: data-transformer.ts timeout 120, retryTimes 3 (COZE.md 2) ---------------------------------------

    @Test
    void theGuidesNodeHasCozesUiDefaults() {
        assertThat(GUIDE.timeout(), equalTo(WorkflowHttpNode.DEFAULT_TIMEOUT));
        assertThat(GUIDE.timeout().getSeconds(), equalTo(120L));
        assertThat(GUIDE.retries(), equalTo(3));
    }

    @Test
    void aSecondJsonValueIsHandedOnWholeAndTheNoteSaysANextNodeRefusesIt() {
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 200, "application/json", PluginToolTest.CHAT_REPLY + "{\"id\":\"x\"}"));
        assertThat(view.failed(), is(false));
        assertThat(view.describe(), containsString("a next node that parses it refuses it"));
    }

    @Test
    void aByteOrderMarkIsHandedOnAndTheNoteSaysANextNodeFailsAtIt() {
        CozeView view = GUIDE.shows(reply(render(GUIDE, "Hello"), 200, "application/json", "\uFEFF" + PluginToolTest.CHAT_REPLY));
        assertThat(view.failed(), is(false));
        assertThat(view.describe(), containsString("fails at its first character"));
    }
}
