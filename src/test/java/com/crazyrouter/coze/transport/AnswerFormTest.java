package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.guide.CommonError;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each form an answer takes, told apart by structure alone (docs/COZE.md §4.8, docs/GATEWAY.md §11). */
class AnswerFormTest {
    private static final String CHAT = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5.4\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}]}";
    private static final String CHALLENGE = "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head><body>…</body></html>";
    private static final String DATE = "Tue, 14 Apr 2026 09:30:00 GMT";

    static GatewayReply reply(String path, int status, Map<String, String> headers, String body) {
        OutgoingRequest request = new OutgoingRequest("POST", URI.create("https://crazyrouter.com" + path), List.of(), "{}");
        return new GatewayReply(request, status, headers, body, Duration.ZERO, Duration.ZERO);
    }

    static GatewayReply chat(int status, String contentType, String body) {
        return reply("/v1/chat/completions", status, Map.of("Content-Type", contentType, "Date", DATE), body);
    }

    private static Map<String, String> cloudflare(String contentType, boolean challenge) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("server", "cloudflare");
        headers.put("cf-ray", "8f1e2d3c4b5a6978-FRA");
        headers.put("date", DATE);
        if (challenge) {
            headers.put("cf-mitigated", "challenge");
        }
        return headers;
    }

    @Test
    void aChatReplyIsOneJsonObjectAndDecidesNothing() {
        AnswerForm form = chat(200, "application/json", CHAT).form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.ONE_JSON_OBJECT));
        assertThat(form.decidesTheRow(), is(false));
        assertThat(form.explained(), equalTo(""));
    }

    @Test
    void newApisErrorAtItsStatusIsOneJsonObjectAndTheStatusDecides() {
        AnswerForm form = chat(401, "application/json", "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"code\":\"\"}}").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.ONE_JSON_OBJECT));
        assertThat(form.decidesTheRow(), is(false));
    }

    // Cloudflare documents cf-mitigated: challenge on every challenge page (docs/GATEWAY.md §11)
    @Test
    void aChallengePageIsFromTheSitesFrontWithNoRowAndSaysWhatToSendCrazyrouter() {
        AnswerForm form = reply("/v1/chat/completions", 403, cloudflare("text/html; charset=UTF-8", true), CHALLENGE).form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.FRONT_PAGE));
        assertThat(form.cameFromTheFront(), is(true));
        assertThat(form.decidesTheRow(), is(true));
        assertThat(form.row(), equalTo(Optional.empty()));
        assertThat(form.named(), allOf(containsString("a challenge page from the site's front"), containsString("cf-mitigated: challenge"),
                containsString("titled \"Just a moment...\""), containsString("not Crazyrouter's API")));
        assertThat(form.whatToDo(), allOf(containsString("Coze's server is an API client too and gets the same page"),
                containsString("the CF-RAY id 8f1e2d3c4b5a6978-FRA"), containsString("2026-04-14T09:30:00Z")));
        assertThat(form.whatToDo(), not(containsString("new token and")));
    }

    @Test
    void aBlockAndARateLimitAndAnErrorPageFromCloudflareAreFromTheFrontToo() {
        Map<String, String> html = cloudflare("text/html", false);
        assertThat(reply("/v1/chat/completions", 403, html, "<html><title>Attention Required! | Cloudflare</title></html>").form().named(),
                containsString("a block page from the site's front"));
        assertThat(reply("/v1/chat/completions", 429, html, "<html><title>Error 1015</title></html>").form().named(),
                containsString("a rate-limit page from the site's front"));
        AnswerForm down = reply("/v1/chat/completions", 503, html, "<!DOCTYPE html><html>…</html>").form();
        assertThat(down.named(), containsString("an error page from the site's front"));
        assertThat(down.whatToDo(), containsString("If it lasts, send Crazyrouter"));
    }

    // Crazyrouter's own JSON errors come through Cloudflare too, with the same Server and CF-RAY: they are the API's
    @Test
    void theApisJsonErrorPassedOnByCloudflareIsNotAFrontPage() {
        AnswerForm form = reply("/v1/chat/completions", 401, cloudflare("application/json", false),
                "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\"}}").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.ONE_JSON_OBJECT));
    }

    @Test
    void anHtmlErrorWithoutCloudflaresMarkersIsAnHtmlPageAndTheStatusDecides() {
        AnswerForm form = chat(401, "text/html", "<html><body><h1>401 Unauthorized</h1></body></html>").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.HTML_PAGE));
        assertThat(form.decidesTheRow(), is(false));
        assertThat(form.named(), containsString("where new-api answers JSON"));
    }

    // RFC 8259 §8.1; sonic stops at U+FEFF (docs/COZE.md §4.8)
    @Test
    void aByteOrderMarkBeforeTheJsonIsNamedWithNoRow() {
        AnswerForm form = chat(200, "application/json", "\uFEFF" + CHAT).form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.BOM_THEN_JSON));
        assertThat(form.decidesTheRow(), is(true));
        assertThat(form.row(), equalTo(Optional.empty()));
        assertThat(form.named(), containsString("UTF-8 byte-order mark"));
        assertThat(form.plugin(), containsString("response is not object"));
        assertThat(form.node(), containsString("json.loads"));
        assertThat(form.whatToDo(), containsString("Common Errors 5 does not apply"));
    }

    // exec_tool.go processResponse decodes with sonic's stream decoder (one value); sonic.Unmarshal checks trailings
    @Test
    void aSecondJsonValueAfterTheReplyIsNamedAndThePluginStillReadsTheFirst() {
        AnswerForm form = chat(200, "application/json", CHAT + "\n{\"id\":\"chatcmpl-2\"}").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.TRAILING_VALUE));
        assertThat(form.named(), containsString("a JSON value followed by a second JSON value"));
        assertThat(form.plugin(), containsString("so the plugin works"));
        assertThat(form.node(), containsString("Extra data"));
        assertThat(form.firstObject().map(o -> o.path("id").asText()), equalTo(Optional.of("chatcmpl-1")));
        assertThat(chat(200, "application/json", CHAT + " trailing").form().named(), containsString("followed by other text (\"trailing\")"));
    }

    @Test
    void theHarnessReadsOnlyABodyThatIsExactlyOneJsonValue() {
        assertThat(chat(200, "application/json", CHAT + "\n{\"id\":\"chatcmpl-2\"}").json(), equalTo(Optional.empty()));
        assertThat(chat(200, "application/json", "\uFEFF" + CHAT).json(), equalTo(Optional.empty()));
        assertThat(chat(200, "application/json", "  " + CHAT + "\n\n").json().isPresent(), is(true));
    }

    @Test
    void newApisErrorEnvelopeWithHttp200IsAnErrorPassedOnAsSuccess() {
        AnswerForm form = chat(200, "application/json", "{\"error\":{\"message\":\"upstream error\",\"type\":\"upstream_error\"}}").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.ERROR_IN_SUCCESS));
        assertThat(form.decidesTheRow(), is(true));
        assertThat(form.row(), equalTo(Optional.empty()));
        assertThat(form.named(), containsString("answered with HTTP 200 as if it were a success"));
        assertThat(form.plugin(), containsString("neither a reply nor an error"));
    }

    // the billing endpoint answers its errors with 200 by design (docs/GATEWAY.md §8): not a chat path, not named so
    @Test
    void anErrorWith200OutsideTheChatPathIsNotCalledAnErrorPassedOnAsSuccess() {
        assertThat(reply("/v1/dashboard/billing/subscription", 200, Map.of("Content-Type", "application/json"),
                "{\"error\":{\"message\":\"x\",\"type\":\"new_api_error\"}}").form().kind(), equalTo(AnswerForm.Kind.ONE_JSON_OBJECT));
    }

    // new-api serves its dashboard for every path outside /v1, /api and /assets (docs/GATEWAY.md §7)
    @Test
    void anHtmlPageWith200OutsideTheApiIsTheDashboardAndCommonErrors2() {
        AnswerForm form = reply("/chat/completions", 200, Map.of("Content-Type", "text/html; charset=utf-8"), "<!doctype html><html><title>New API</title>")
                .form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.HTML_PAGE));
        assertThat(form.row(), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(form.named(), containsString("new-api's dashboard"));
    }

    @Test
    void anHtmlPageWith200ForTheApiPathIsNamedWithNoRow() {
        AnswerForm form = chat(200, "text/html", "<!doctype html><html><title>Maintenance</title></html>").form();
        assertThat(form.kind(), equalTo(AnswerForm.Kind.HTML_PAGE));
        assertThat(form.decidesTheRow(), is(true));
        assertThat(form.row(), equalTo(Optional.empty()));
        assertThat(form.named(), containsString("something other than the API answered"));
        assertThat(form.plugin(), containsString("response is not object"));
    }

    // a JSON object labelled text/html is still one JSON object: Coze reads bodies, not labels
    @Test
    void aJsonObjectLabelledHtmlIsOneJsonObject() {
        assertThat(chat(200, "text/html", CHAT).form().kind(), equalTo(AnswerForm.Kind.ONE_JSON_OBJECT));
    }

    @Test
    void textThatIsNotJsonAndJsonThatIsNotAnObjectAndAnEmptyBodyAreNamedWithNoRow() {
        AnswerForm text = chat(200, "application/json", "OK").form();
        assertThat(text.kind(), equalTo(AnswerForm.Kind.NOT_JSON));
        assertThat(text.named(), containsString("a body that is not JSON: starting \"OK\""));
        assertThat(chat(200, "application/json", "[1,2]").form().kind(), equalTo(AnswerForm.Kind.JSON_NOT_AN_OBJECT));
        AnswerForm empty = chat(200, "application/json", "").form();
        assertThat(empty.kind(), equalTo(AnswerForm.Kind.EMPTY));
        assertThat(empty.plugin(), containsString("{}"));
        for (AnswerForm form : List.of(text, empty)) {
            assertThat(form.decidesTheRow(), is(true));
            assertThat(form.row(), equalTo(Optional.empty()));
        }
    }

    @Test
    void atAStatusOtherThan200TheBodysFormDecidesNothingButAFrontPage() {
        assertThat(chat(502, "text/plain", "Bad Gateway").form().decidesTheRow(), is(false));
        assertThat(chat(401, "application/json", "\uFEFF{\"error\":{}}").form().decidesTheRow(), is(false));
    }

    @Test
    void describeSaysWhatTheAnswerIsBeforeItsBody() {
        String described = reply("/v1/chat/completions", 403, cloudflare("text/html", true), CHALLENGE).describe();
        assertThat(described, allOf(containsString("HTTP 403 (text/html) — a challenge page from the site's front"),
                containsString("The body: <!DOCTYPE html>")));
        assertThat(chat(200, "application/json", CHAT).describe(), equalTo("HTTP 200 (application/json): " + CHAT));
    }
}
