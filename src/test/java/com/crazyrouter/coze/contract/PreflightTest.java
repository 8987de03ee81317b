package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight lets a live run go on only for a model list new-api's way, and otherwise stops it with one message that
 * says what came back — against a tiny local gateway that answers GET /v1/models as each test tells it to.
 */
class PreflightTest {
    private static final String TOKEN = "sk-testPreflight0000000000000000";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String MODEL_LIST = "{\"success\":true,\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4\",\"object\":\"model\"},"
            + "{\"id\":\"claude-sonnet-4-6\",\"object\":\"model\"}]}";

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer;
            synchronized (answers) {
                answer = answers.size() > 1 ? answers.pop() : answers.peek();
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aModelListLetsTheRunGoOnWithTheTokenInTheAuthorizationHeader() {
        answer(Answer.of(200, JSON, MODEL_LIST));

        assertThat(check(), allOf(containsString("GET " + base() + "/v1/models -> 200, token accepted, 2 models listed")));
        assertThat(authorizations, contains("Bearer " + TOKEN));
    }

    @Test
    void anEmptyModelListIsStillAList() {
        answer(Answer.of(200, JSON, "{\"object\":\"list\",\"data\":[]}"));

        assertThat(check(), containsString("token accepted, 0 models listed"));
    }

    @Test
    void aWebPageIsNotTheApi() {
        answer(Answer.of(200, "text/html; charset=utf-8", "<!doctype html><html><head><title>New API</title></head><body></body></html>"));

        assertThat(stopped(),
                allOf(containsString("a web page, not the API: GET " + base() + "/v1/models answered HTTP 200 with an HTML page titled \"New API\""),
                        containsString("Check the base URL: crazyrouter.baseUrl"), containsString("without /v1"), endsWith("Nothing else was sent.")));
        assertThat(authorizations.size(), is(1));
    }

    @Test
    void aWebPageServedAsJsonIsAWebPageToo() {
        answer(Answer.of(200, JSON, "\n  <html><body>Welcome</body></html>"));

        assertThat(stopped(), containsString("a web page, not the API"));
    }

    @Test
    void binaryBytesAreShownEscapedNeverRaw() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0x1b, '[', '2', 'J'};
        answer(new Answer(200, Map.of("Content-Type", "application/json"), png));

        String message = stopped();

        assertThat(message, allOf(containsString("binary data, not the API: GET " + base() + "/v1/models answered HTTP 200 (application/json)"),
                containsString("starting \"\\ufffdPNG\\r\\n\\u001a\\n\\u0000\\u0000\\u0000\\rIHDR\\u001b[2J\""), endsWith("Nothing else was sent.")));
        assertThat(message, matchesPattern("[^\\p{Cntrl}\\x{FFFD}]*"));
    }

    @Test
    void textThatIsNotJsonIsShownCutAfterTwoHundredCharacters() {
        answer(Answer.of(200, JSON, "upstream connect error or disconnect/reset before headers. " + "x".repeat(500)));

        String message = stopped();

        assertThat(message, allOf(containsString("not JSON: GET " + base() + "/v1/models answered HTTP 200 (" + JSON + ") with a body that does not parse"),
                containsString("starting \"upstream connect error"), containsString("x…\""), not(containsString("x".repeat(Preflight.SHOWN_CHARACTERS)))));
    }

    @Test
    void jsonThatIsNotAModelListSaysWhatItSaid() {
        answer(Answer.of(200, JSON, "{\"success\":false,\"message\":\"get user group failed\"}"));

        assertThat(stopped(), allOf(containsString("no model list: GET " + base() + "/v1/models answered HTTP 200 with JSON that is not a model list "
                + "(\"get user group failed\")"), containsString("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4\",…}]}")));
    }

    @Test
    void aListWhoseEntriesHaveNoIdIsNoModelList() {
        answer(Answer.of(200, JSON, "{\"object\":\"list\",\"data\":[{\"name\":\"gpt-5.4\"}]}"));

        assertThat(stopped(), containsString("with JSON that is not a model list: {\"object\":\"list\",\"data\":[{\"name\":\"gpt-5.4\"}]}"));
    }

    @Test
    void anEmptyBodyIsNoModelList() {
        answer(Answer.of(200, JSON, ""));

        assertThat(stopped(), containsString("no model list: GET " + base() + "/v1/models answered HTTP 200 with an empty body"));
    }

    @Test
    void aRateLimitSaysTryLaterWithTheGuidesRow() {
        answer(new Answer(429, Map.of("Retry-After", "3600", "Content-Type", JSON), "{\"error\":{\"message\":\"busy\"}}".getBytes(StandardCharsets.UTF_8)));

        assertThat(stopped(), allOf(containsString("rate limited: GET " + base() + "/v1/models answered HTTP 429 (Retry-After: 3600 s)"),
                containsString("Try later."), containsString("Common Errors @error-6"), not(containsString("not a Crazyrouter gateway"))));
    }

    @Test
    void aFailingGatewaySaysTryLaterWithTheGuidesRow() {
        answer(Answer.of(502, "text/plain", "Bad Gateway"));

        assertThat(stopped(), allOf(containsString("the gateway is failing: GET " + base() + "/v1/models answered HTTP 502, with \"Bad Gateway\""),
                containsString("Try later"), containsString("Common Errors @error-6"), not(containsString("crazyrouter.baseUrl"))));
    }

    @Test
    void aFailureAfterARetrySaysSo() {
        answer(new Answer(503, Map.of("Retry-After", "0"), new byte[0]));

        String message = assertThrows(ConfigurationException.class, () -> Preflight.check(client("1"), new GatewayUrl(base()),
                settings("1").token(TokenKind.DEDICATED).orElseThrow())).getMessage();

        assertThat(message, containsString("answered HTTP 503 after 1 retry, with an empty body"));
        assertThat(authorizations.size(), is(2));
    }

    @Test
    void aRedirectIsNotFollowedAndItsLocationIsNamed() {
        answer(new Answer(301, Map.of("Location", "https://api.example.test/v1/models"), new byte[0]));

        assertThat(stopped(), allOf(containsString("redirected: GET " + base() + "/v1/models answered HTTP 301 to https://api.example.test/v1/models, "
                + "which the harness does not follow."), containsString("set -Dcrazyrouter.baseUrl=https://api.example.test.")));
        assertThat(authorizations.size(), is(1));
    }

    @Test
    void aRedirectsCredentialsAndQueryAreNotShown() {
        answer(new Answer(302, Map.of("Location", "https://testuser:testpass@login.example.test/sso?ticket=abc"), new byte[0]));

        assertThat(stopped(), allOf(containsString("to https://***@login.example.test/sso?…"), not(containsString("testpass")), not(containsString("ticket")),
                not(containsString("set -D"))));
    }

    @Test
    void aRejectedTokenQuotesTheGuidesRowAndNeverTheToken() {
        answer(Answer.of(401, JSON, "{\"error\":{\"message\":\"Invalid token: " + TOKEN + "\",\"type\":\"new_api_error\"}}"));

        assertThat(stopped(), allOf(containsString("token rejected: GET " + base() + "/v1/models answered HTTP 401"), containsString("Common Errors @error-1"),
                containsString("CRAZYROUTER_API_KEY"), not(containsString(TOKEN)), not(containsString("testPreflight"))));
    }

    // Cloudflare documents cf-mitigated: challenge on every challenge page (docs/GATEWAY.md §11): the API never saw the token
    @Test
    void aChallengePageFromTheSitesFrontIsNotARejectedToken() {
        answer(new Answer(403, Map.of("Content-Type", "text/html; charset=UTF-8", "cf-mitigated", "challenge", "Server", "cloudflare", "CF-RAY",
                "8f1e2d3c4b5a6978-FRA"), "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>".getBytes(StandardCharsets.UTF_8)));

        assertThat(stopped(), allOf(containsString("not Crazyrouter's API: GET " + base() + "/v1/models answered HTTP 403"),
                containsString("a challenge page from the site's front"), containsString("Coze's server is an API client too and gets the same page"),
                containsString("the CF-RAY id 8f1e2d3c4b5a6978-FRA"), not(containsString("token rejected")), not(containsString("Generate a new token")),
                endsWith("Nothing else was sent.")));
    }

    @Test
    void anErrorPageFromTheSitesFrontIsNotTheGatewayFailing() {
        answer(new Answer(503, Map.of("Content-Type", "text/html", "Server", "cloudflare", "CF-RAY", "8f1e2d3c4b5a6979-AMS"),
                "<html><title>503 Service Temporarily Unavailable</title></html>".getBytes(StandardCharsets.UTF_8)));

        assertThat(stopped(), allOf(containsString("an error page from the site's front"), containsString("If it lasts, send Crazyrouter"),
                not(containsString("Common Errors @error-6"))));
    }

    @Test
    void aModelListBehindAByteOrderMarkOrWithASecondValueIsNotOneJsonValue() {
        answer(Answer.of(200, JSON, "\uFEFF" + MODEL_LIST));
        assertThat(stopped(), allOf(containsString("not one JSON value"), containsString("UTF-8 byte-order mark")));
        answers.clear();
        answer(Answer.of(200, JSON, MODEL_LIST + MODEL_LIST));
        assertThat(stopped(), allOf(containsString("not one JSON value"), containsString("followed by a second JSON value")));
    }

    @Test
    void aGatewayThatEchoesTheTokenNeverShowsIt() {
        answer(Answer.of(500, "text/plain", "no channel for Authorization: Bearer " + TOKEN));

        assertThat(stopped(), allOf(containsString("the gateway is failing"), not(containsString("testPreflight"))));
    }

    @Test
    void anotherStatusIsNoCrazyrouterGateway() {
        answer(Answer.of(404, "text/html", "<html>Not Found</html>"));

        assertThat(stopped(),
                allOf(containsString("not a Crazyrouter gateway: GET " + base() + "/v1/models answered HTTP 404, with \"<html>Not Found</html>\""),
                        containsString("Check the base URL")));
    }

    @Test
    void aGatewayWithoutAModelListLeavesTheTokenToTheFirstScenario() {
        answer(Answer.of(404, JSON, "{\"error\":{\"message\":\"Invalid URL (GET /v1/models)\"}}"));

        assertThat(check(), containsString("-> 404: this gateway lists no models"));
    }

    @Test
    void nothingListeningIsAnUnreachableEndpoint() throws IOException {
        // a port held but not listened on: refused, and no other test's server can take it meanwhile
        try (java.net.Socket held = new java.net.Socket()) {
            held.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            URI closed = URI.create("http://127.0.0.1:" + held.getLocalPort());

            String message = assertThrows(ConfigurationException.class, () -> Preflight.check(client("0"), new GatewayUrl(closed),
                    settings("0").token(TokenKind.DEDICATED).orElseThrow())).getMessage();

            assertThat(message, allOf(containsString("endpoint unreachable: "), containsString("connection refused"), endsWith("Nothing else was sent.")));
        }
    }

    @Test
    void aModelListLargerThanTheBodyCapIsTooLargeNotUnreachable() {
        answer(Answer.of(200, JSON, MODEL_LIST.replace("\"gpt-5.4\"", "\"" + "x".repeat(128 * 1024) + "\"")));

        String message = assertThrows(ConfigurationException.class, () -> Preflight.check(client(settings("0", Limits.MAX_BODY, "64KB")),
                new GatewayUrl(base()), settings("0").token(TokenKind.DEDICATED).orElseThrow())).getMessage();

        assertThat(message, allOf(containsString("the model list is too large: Crazyrouter answered 200 to GET " + base() + "/v1/models, but the reply "
                + "body is larger than 64 KB (crazyrouter.maxBody)"), containsString("Check the base URL"), endsWith("Nothing else was sent."),
                not(containsString("unreachable")), not(containsString("Coze"))));
    }

    @Test
    void aModelListThatDoesNotEndInTimeSaysSoNotUnreachable() throws Exception {
        ScriptedGateway.warmUpHttpClient(); // the limit below measures the gateway, not the loading of the JVM's HTTP client
        try (ScriptedGateway stalling = new ScriptedGateway(out -> out.write(ScriptedGateway.head(JSON, MODEL_LIST.length())))) {
            URI base = stalling.url("");
            Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, base.toString(), Settings.RETRIES, "0",
                    Limits.REQUEST_TIMEOUT, "1s", Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()),
                    Map.of(TokenKind.DEDICATED.environmentVariable(), TOKEN));

            String message = assertThrows(ConfigurationException.class, () -> Preflight.check(client(settings), new GatewayUrl(base),
                    settings.token(TokenKind.DEDICATED).orElseThrow())).getMessage();

            assertThat(message, allOf(containsString("the model list did not end: Crazyrouter answered 200 to GET " + base + "/v1/models, but the "
                    + "reply body did not end within 1 s (crazyrouter.requestTimeout"), containsString("raise -Dcrazyrouter.requestTimeout"),
                    containsString("Common Errors @error-6"), endsWith("Nothing else was sent."), not(containsString("unreachable"))));
        }
    }

    @Test
    void shownTextIsOneLineAndCut() {
        assertThat(Preflight.shown("a\nb\u202ec\"d"), equalTo("a\\nb\\u202ec\"d"));
        assertThat(Preflight.shown("é".repeat(300)), equalTo("é".repeat(Preflight.SHOWN_CHARACTERS) + "…"));
    }

    private void answer(Answer answer) {
        answers.add(answer);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    private String check() {
        return Preflight.check(client("0"), new GatewayUrl(base()), settings("0").token(TokenKind.DEDICATED).orElseThrow());
    }

    private String stopped() {
        return assertThrows(ConfigurationException.class, this::check).getMessage();
    }

    /** Live settings against the local gateway with these retries and, as name, value, …, other settings. */
    private Settings settings(String retries, String... more) {
        Map<String, String> properties = new HashMap<>(Map.of(Settings.TARGET, "live", Settings.BASE_URL, base().toString(), Settings.RETRIES, retries,
                Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return Settings.load(properties, Map.of(TokenKind.DEDICATED.environmentVariable(), TOKEN));
    }

    private CrazyrouterClient client(String retries) {
        return client(settings(retries));
    }

    private static CrazyrouterClient client(Settings settings) {
        return new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(10, 1_000));
    }
}
