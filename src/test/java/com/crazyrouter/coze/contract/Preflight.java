package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.ShownUrl;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cheap request before a live run: GET /v1/models with the Coze token, which spends no tokens. Only a model list
 * new-api's way ({@code {"object":"list","data":[{"id":…}]}}, GATEWAY.md 8) lets the run go on; anything else — no
 * answer, a page from the site's front (a CDN's challenge or block page, whatever its status: GATEWAY.md 11), a
 * rejected token, a redirect, a rate limit, a failing gateway, a web page, bytes that are no JSON or more than one JSON
 * value, JSON that is no model list, a list that did not end in time or is larger than the body cap — stops it with one
 * message saying what came back, instead of a failure per scenario.
 */
public final class Preflight {
    static final String PATH = "/v1/models";
    /** How much of an unexpected body a message shows. */
    static final int SHOWN_CHARACTERS = 200;
    private static final String NOTHING_ELSE_SENT = " Nothing else was sent.";
    private static final String CHECK_BASE_URL = " Check the base URL: " + Settings.BASE_URL + " (or " + Settings.BASE_URL_ENV
            + ") is the gateway's scheme, host and port only, such as https://crazyrouter.com, without /v1.";
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private Preflight() {
    }

    /** Returns a one-line account of what the gateway answered, or stops the run saying what came back. */
    public static String check(CrazyrouterClient client, GatewayUrl gateway, Secret token) {
        return check(client, gateway, token, ids -> {
        });
    }

    /** GET /v1/models with the token in the Authorization header (never in the URL); {@code purpose} names it in the User-Agent. */
    static OutgoingRequest modelListRequest(GatewayUrl gateway, Secret token, String purpose) {
        return new OutgoingRequest("GET", gateway.resolve(PATH), List.of(new OutgoingRequest.Header("Authorization", "Bearer " + token.reveal()),
                new OutgoingRequest.Header("User-Agent", OutgoingRequest.userAgent(purpose))), null);
    }

    /** As {@link #check(CrazyrouterClient, GatewayUrl, Secret)}, handing the listed ids on, for a later diagnosis of a refused model. */
    public static String check(CrazyrouterClient client, GatewayUrl gateway, Secret token, Consumer<List<String>> listed) {
        URI url = gateway.resolve(PATH);
        String asked = "GET " + url;
        OutgoingRequest request = modelListRequest(gateway, token, "preflight");
        GatewayReply reply;
        try {
            reply = client.send(request);
        } catch (AnswerBeyondLimits beyond) {
            throw stop(modelListBeyondLimits(beyond));
        } catch (GatewayUnreachable e) {
            throw stop("endpoint unreachable: " + e.unmarked());
        }
        int status = reply.status();
        String answered = asked + " answered HTTP " + status + afterRetries(reply);
        AnswerForm form = reply.form();
        if (form.cameFromTheFront()) {
            // whatever its status, the page came from the site's front: no verdict on the token, the URL or the gateway's load
            throw stop("not Crazyrouter's API: " + answered + contentType(reply) + ", " + form.named() + ". " + form.whatToDo());
        }
        if (status >= 300 && status < 400) {
            throw stop("redirected: " + answered + redirectAdvice(reply));
        }
        if (status == 401 || status == 403) {
            throw stop("token rejected: " + answered + contentType(reply) + ", " + body(reply) + ". " + CommonError.UNAUTHORIZED.advice()
                    + " (" + TokenKind.DEDICATED.environmentVariable() + ").");
        }
        if (status == 429) {
            throw stop("rate limited: " + answered + reply.retryAfter().map(wait -> " (Retry-After: " + wait.toSeconds() + " s)").orElse("")
                    + ": the gateway takes no more requests from this token for now. Try later. " + CommonError.INTERMITTENT.advice());
        }
        if (status >= 500) {
            throw stop("the gateway is failing: " + answered + ", " + body(reply) + ". Try later; if it lasts, the gateway's operator "
                    + "has to look at it. " + CommonError.INTERMITTENT.advice());
        }
        if (status == 404 && reply.isJson()) {
            return "Preflight: " + asked + " -> 404: this gateway lists no models, so the token is checked by the first scenario instead";
        }
        if (status < 200 || status >= 300) {
            throw stop("not a Crazyrouter gateway: " + answered + ", " + body(reply) + "." + CHECK_BASE_URL);
        }
        Optional<Integer> models = modelCount(reply);
        if (models.isEmpty()) {
            throw stop(whatCameBackInstead(answered, reply));
        }
        listed.accept(ModelList.from(reply).ids());
        return "Preflight: " + asked + " -> " + status + ", token accepted, " + models.get() + " models listed";
    }

    /** The gateway answered, but its model list passed one of the harness's limits: which, and what to do, never "unreachable". */
    private static String modelListBeyondLimits(AnswerBeyondLimits beyond) {
        return switch (beyond.limit()) {
            case MAX_BODY -> "the model list is too large: " + beyond.whatHappened() + ", where new-api lists a token's models in a few KB."
                    + CHECK_BASE_URL;
            case JSON_PARSER -> "the model list cannot be read: " + beyond.whatHappened() + ", where new-api lists a token's models as plain JSON."
                    + CHECK_BASE_URL;
            case REQUEST_TIMEOUT, STREAM_IDLE_TIMEOUT, STREAM_TIMEOUT -> "the model list did not end: " + beyond.whatHappened()
                    + ". Try later; if the gateway is only slow, raise -D" + beyond.limit().setting() + ". " + CommonError.INTERMITTENT.advice();
        };
    }

    /** How many models a body new-api's way lists: a "data" array whose every entry has a text "id". */
    static Optional<Integer> modelCount(GatewayReply reply) {
        Optional<JsonNode> json = reply.json().filter(JsonNode::isObject);
        if (json.isEmpty() || !json.get().path("success").asBoolean(true) || !json.get().path("object").asText("list").equals("list")) {
            return Optional.empty();
        }
        JsonNode data = json.get().path("data");
        if (!data.isArray()) {
            return Optional.empty();
        }
        for (JsonNode model : data) {
            if (!model.path("id").isTextual()) {
                return Optional.empty();
            }
        }
        return Optional.of(data.size());
    }

    private static String whatCameBackInstead(String answered, GatewayReply reply) {
        String text = reply.body() == null ? "" : reply.body();
        if (text.isBlank()) {
            return "no model list: " + answered + " with an empty body, where new-api lists the models the token may use." + CHECK_BASE_URL;
        }
        if (isHtml(reply)) {
            Matcher title = TITLE.matcher(text);
            String titled = title.find() ? " titled \"" + shown(title.group(1).strip()) + "\"" : "";
            return "a web page, not the API: " + answered + " with an HTML page" + titled + ", where new-api answers JSON."
                    + CHECK_BASE_URL;
        }
        if (isBinary(text)) {
            return "binary data, not the API: " + answered + contentType(reply) + " with " + text.length() + " characters that are not text, "
                    + "starting \"" + shown(text) + "\", where new-api answers JSON." + CHECK_BASE_URL;
        }
        Optional<JsonNode> json = reply.json();
        AnswerForm form = reply.form();
        if (form.kind() == AnswerForm.Kind.BOM_THEN_JSON || form.kind() == AnswerForm.Kind.TRAILING_VALUE) {
            return "not one JSON value: " + answered + contentType(reply) + " with " + form.named() + ", where new-api answers one JSON object: \""
                    + shown(text) + "\"." + CHECK_BASE_URL;
        }
        if (json.isEmpty()) {
            return "not JSON: " + answered + contentType(reply) + " with a body that does not parse as JSON, starting \"" + shown(text)
                    + "\", where new-api answers JSON." + CHECK_BASE_URL;
        }
        String why = json.get().path("error").path("message").isTextual()
                ? " (an error: \"" + shown(json.get().path("error").path("message").asText()) + "\")"
                : json.get().path("message").isTextual() ? " (\"" + shown(json.get().path("message").asText()) + "\")" : "";
        return "no model list: " + answered + " with JSON that is not a model list" + why + ": " + shown(json.get().toString())
                + " — new-api lists models as {\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4\",…}]}." + CHECK_BASE_URL;
    }

    private static String redirectAdvice(GatewayReply reply) {
        Optional<String> location = reply.header("Location").map(String::strip).filter(l -> !l.isEmpty());
        if (location.isEmpty()) {
            return " without a Location; the harness follows no redirect." + CHECK_BASE_URL;
        }
        String where = " to " + ShownUrl.of(location.get()) + ", which the harness does not follow.";
        return where + baseOf(location.get()).map(base -> " If the gateway lives there, set -D" + Settings.BASE_URL + "=" + base + ".").orElse("")
                + CHECK_BASE_URL;
    }

    /** The scheme, host and port of an absolute http(s) Location, as a base URL; empty for a relative one or one with credentials. */
    private static Optional<String> baseOf(String location) {
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return Optional.of(scheme + "://" + uri.getRawAuthority());
            }
        } catch (URISyntaxException notAUrl) {
            // shown as it came, without advice
        }
        return Optional.empty();
    }

    private static String afterRetries(GatewayReply reply) {
        return reply.retries() == 0 ? "" : " after " + reply.retries() + (reply.retries() == 1 ? " retry" : " retries");
    }

    private static String body(GatewayReply reply) {
        String text = reply.body() == null ? "" : reply.body();
        return text.isBlank() ? "with an empty body" : "with \"" + shown(text) + "\"";
    }

    private static String contentType(GatewayReply reply) {
        return reply.contentType().isEmpty() ? " (no Content-Type)" : " (" + shown(reply.contentType()) + ")";
    }

    private static boolean isHtml(GatewayReply reply) {
        String start = reply.body().stripLeading().toLowerCase(Locale.ROOT);
        return reply.isHtml() || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** Bytes that were no UTF-8 (decoded as U+FFFD) or control characters other than line breaks and tabs. */
    static boolean isBinary(String text) {
        return text.chars().anyMatch(c -> c == 0xFFFD || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /**
     * The first {@link #SHOWN_CHARACTERS} characters, on one line, with every character a terminal would act on or
     * could not show written as an escape (\n, \u0000, \ufffd), so binary bytes cannot garble the console.
     */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < SHOWN_CHARACTERS; i++) {
            int c = codePoints[i];
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    boolean unshowable = c == 0xFFFD || type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                            || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR;
                    if (unshowable) {
                        shown.append(String.format("\\u%04x", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return codePoints.length > SHOWN_CHARACTERS ? shown + "…" : shown.toString();
    }

    private static ConfigurationException stop(String message) {
        return new ConfigurationException(message + NOTHING_ELSE_SENT);
    }
}
