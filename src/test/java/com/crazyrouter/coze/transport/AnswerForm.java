package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.text.ShownText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer is as a whole, decided from its structure alone — status, headers, the body's bytes, the path it
 * answers — and never from the words of a message: one JSON object (the API's own form), or one of the ways a body is
 * not, each with what it is ({@link #what}), what happened ({@link #named}), what Coze does with it on each route
 * ({@link #plugin}, {@link #node}), what to do ({@link #whatToDo}) and the guide row whose fix applies, if one does
 * ({@link #row}). Sources: docs/COZE.md §4.8 (coze-studio 4f786d6a: exec_tool.go processResponse, httprequester,
 * json_deserialization.go; sonic v1.14.0) and docs/GATEWAY.md §11 (what stands in front; Cloudflare's documented markers).
 *
 * @param kind what the answer is
 * @param status the answer's HTTP status
 * @param what what it is, in a few words ("a challenge page from the site's front")
 * @param named what happened, in the builder's words: {@code what} and why it matters
 * @param plugin what a Coze plugin tool does with this answer
 * @param node what a Coze workflow HTTP node, and a next node that parses its body, do with it
 * @param whatToDo the fix, or empty where the status's own diagnosis says it
 * @param row the guide row whose fix applies, only where the form alone decides one
 * @param firstObject the object Coze's plugin decodes: the first JSON value, where it is an object and nothing comes before it
 */
public record AnswerForm(Kind kind, int status, String what, String named, String plugin, String node, String whatToDo, Optional<GuideLine> row,
        Optional<JsonNode> firstObject) {

    /** The forms an answer takes, by structure. */
    public enum Kind {
        /** One JSON object and nothing else: the API's form, success or error. */
        ONE_JSON_OBJECT,
        /** No body, or only white space. */
        EMPTY,
        /** A UTF-8 byte-order mark (U+FEFF), then JSON. */
        BOM_THEN_JSON,
        /** A JSON value, then a second value or other text. */
        TRAILING_VALUE,
        /** An error envelope ({"error":{…}}) with HTTP 200. */
        ERROR_IN_SUCCESS,
        /** A challenge, block, rate-limit or error page that Cloudflare, in front of the API, answered instead of it. */
        FRONT_PAGE,
        /** An HTML page (Content-Type text/html, or a body that opens as one) from anywhere else. */
        HTML_PAGE,
        /** JSON, but not an object: an array, a string, a number. */
        JSON_NOT_AN_OBJECT,
        /** A body that is not JSON at all: text or bytes. */
        NOT_JSON
    }

    private static final char BOM = '\uFEFF';
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    /** Where new-api answers with its API (JSON) rather than its dashboard (docs/GATEWAY.md §7, web-router.go NoRoute). */
    private static final Pattern API_PATH = Pattern.compile("^/(v1|api|assets).*");
    private static final String MAPPING_NOT_THE_CAUSE = "The output mapping is not the cause (Common Errors 5 does not apply)";

    /** What this answer is, with its words. */
    public static AnswerForm of(GatewayReply reply) {
        String body = reply.body() == null ? "" : reply.body();
        int status = reply.status();
        boolean read = status == 200;
        if (fromTheFront(reply, body)) {
            return frontPage(reply, body);
        }
        if (body.isBlank()) {
            return form(Kind.EMPTY, reply, "an empty body", "",
                    read
                            ? "the plugin tool succeeds with {} as its output, since Coze turns an empty body into {} (exec_tool.go execute): no reply, "
                                    + "and no error"
                            : pluginOnStatus(status),
                    status < 400 ? "the HTTP node succeeds with an empty body; a next node finds no reply in it" : nodeOnStatus(status),
                    read ? MAPPING_NOT_THE_CAUSE + ": there is no reply to map. " + sendCrazyrouter(reply) : "");
        }
        Optional<JsonNode> whole = strictJson(body);
        if (whole.isPresent() && whole.get().isObject()) {
            if (!(read && path(reply).endsWith("/chat/completions") && whole.get().path("error").isObject() && !whole.get().has("choices"))) {
                return new AnswerForm(Kind.ONE_JSON_OBJECT, status, "one JSON object", "one JSON object", pluginOnStatus(status), nodeOnStatus(status), "",
                        Optional.empty(), whole);
            }
            return form(Kind.ERROR_IN_SUCCESS, reply, "an error answered with HTTP 200 as if it were a success",
                    "new-api's error envelope ({\"error\":{…}}) where a chat reply was due, with the status of a success",
                    "the plugin tool succeeds, with the error object as its output: the fields its response declares (choices) are not in it, so "
                            + "the next node gets neither a reply nor an error",
                    "the HTTP node succeeds (statusCode 200) and hands the error on as its body; a next node finds no choices[0].message.content in it",
                    MAPPING_NOT_THE_CAUSE + ", and Coze shows no error to find: an error must come with an error status. "
                            + sendCrazyrouter(reply) + " The error's own message, in the body, says what failed upstream.")
                    .withObject(whole);
        }
        if (whole.isPresent()) {
            return form(Kind.JSON_NOT_AN_OBJECT, reply, "JSON that is not an object",
                    "a JSON " + whole.get().getNodeType().toString().toLowerCase(Locale.ROOT) + " where a JSON object was due",
                    read
                            ? "the plugin tool fails: Coze decodes the reply into an object (exec_tool.go processResponse): response is not object"
                            : pluginOnStatus(status),
                    status < 400 ? "the HTTP node hands it on as its body; a next node finds no choices[0].message.content in it" : nodeOnStatus(status),
                    read ? MAPPING_NOT_THE_CAUSE + ": the gateway must answer a JSON object. " + sendCrazyrouter(reply) : "");
        }
        if (body.charAt(0) == BOM && firstValue(body.substring(1)).isPresent()) {
            return form(Kind.BOM_THEN_JSON, reply, "JSON behind a UTF-8 byte-order mark",
                    "U+FEFF before the JSON, which RFC 8259 §8.1 forbids adding to JSON sent over a network; Coze's decoders stop at it",
                    read
                            ? "the plugin tool fails: Coze's decoder (sonic, in exec_tool.go processResponse) stops at the mark: response is not object"
                            : pluginOnStatus(status),
                    status < 400
                            ? "the HTTP node hands the text on as its body, the mark first; a next node that parses it fails at its first character "
                                    + "(a JSON deserialization node: sonic; a code node: Python's json.loads, JavaScript's JSON.parse)"
                            : nodeOnStatus(status),
                    read
                            ? MAPPING_NOT_THE_CAUSE + ", and nothing in Coze removes the mark: the gateway must send the JSON without it. "
                                    + sendCrazyrouter(reply)
                            : "");
        }
        Optional<JsonNode> first = firstValue(body);
        if (first.isPresent()) {
            String rest = body.substring(firstValueEnd(body)).strip();
            String after = firstValue(rest).isPresent() ? "a second JSON value" : "other text (\"" + shown(rest, 40) + "\")";
            return form(Kind.TRAILING_VALUE, reply, "a JSON value followed by " + after,
                    "more than the one JSON value a reply is (RFC 8259 §2)",
                    read
                            ? (first.get().isObject()
                                    ? "the plugin tool reads the first value and ignores the rest (sonic's stream decoder, "
                                            + "exec_tool.go processResponse), so the plugin works"
                                    : "the plugin tool fails: the first value is not an object")
                            : pluginOnStatus(status),
                    status < 400
                            ? "the HTTP node hands the whole text on as its body; a next node that parses it refuses it (a JSON deserialization "
                                    + "node: sonic.Unmarshal checks for trailing bytes; a code node: Python's json.loads, \"Extra data\"; JavaScript's "
                                    + "JSON.parse)"
                            : nodeOnStatus(status),
                    read
                            ? MAPPING_NOT_THE_CAUSE + ": the gateway must answer one JSON value; until it does, only the plugin route works. "
                                    + sendCrazyrouter(reply)
                            : "")
                    .withObject(first.filter(JsonNode::isObject));
        }
        if (isHtml(reply, body)) {
            return htmlPage(reply, body);
        }
        return form(Kind.NOT_JSON, reply, "a body that is not JSON", "starting \"" + shown(body, 40) + "\", where new-api answers JSON",
                read ? "the plugin tool fails: response is not object (exec_tool.go processResponse)" : pluginOnStatus(status),
                status < 400 ? "the HTTP node hands the text on as its body; a next node that parses it fails" : nodeOnStatus(status),
                read ? MAPPING_NOT_THE_CAUSE + ": the gateway must answer JSON. " + sendCrazyrouter(reply) : "");
    }

    /**
     * The form alone decides the diagnosis, and {@link #row} (possibly none) is the whole of it: a page from the site's
     * front whatever its status, or a body that is not one JSON object where Coze reads the body (HTTP 200). At any other
     * status both routes fail on the status, and the status decides.
     */
    public boolean decidesTheRow() {
        return kind == Kind.FRONT_PAGE || status == 200 && kind != Kind.ONE_JSON_OBJECT;
    }

    /** The answer came from the site's front, not from the API: no verdict of the API's (token, model, URL) can be read from it. */
    public boolean cameFromTheFront() {
        return kind == Kind.FRONT_PAGE;
    }

    /** What happened and what to do, for a failure message; empty for one JSON object. */
    public String explained() {
        if (kind == Kind.ONE_JSON_OBJECT || kind == Kind.EMPTY && whatToDo.isEmpty()) {
            return "";
        }
        return (kind == Kind.EMPTY ? "" : named + ". ") + whatToDo;
    }

    /** What a plugin tool does with it, after what it is, for what the builder sees; empty for one JSON object. */
    public String pluginNote() {
        return note(plugin);
    }

    /** What a workflow HTTP node (and the node after it) does with it, after what it is; empty for one JSON object. */
    public String nodeNote() {
        return note(node);
    }

    private String note(String route) {
        if (kind == Kind.ONE_JSON_OBJECT) {
            return "";
        }
        return what + ": " + route + (kind == Kind.FRONT_PAGE ? ". " + whatToDo : "");
    }

    /** The whole body as JSON when it is exactly one JSON value: nothing before it (a byte-order mark included), only white space after. */
    public static Optional<JsonNode> strictJson(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(STRICT.readTree(text));
        } catch (JsonProcessingException notOneValue) {
            return Optional.empty();
        }
    }

    private AnswerForm withObject(Optional<JsonNode> object) {
        return new AnswerForm(kind, status, what, named, plugin, node, whatToDo, row, object);
    }

    private AnswerForm withRow(GuideLine applies) {
        return new AnswerForm(kind, status, what, named, plugin, node, whatToDo, Optional.of(applies), firstObject);
    }

    /** {@code what}, and why it matters (joined into {@link #named}). */
    private static AnswerForm form(Kind kind, GatewayReply reply, String what, String why, String plugin, String node, String whatToDo) {
        return new AnswerForm(kind, reply.status(), what, why.isEmpty() ? what : what + ": " + why, plugin, node, whatToDo, Optional.empty(),
                Optional.empty());
    }

    /**
     * Cloudflare's documented challenge marker ({@code cf-mitigated: challenge}), or an HTML error page that Cloudflare
     * served ({@code Server: cloudflare} or a {@code CF-RAY} id): new-api writes every error as JSON, so such a page was
     * written in front of it.
     */
    private static boolean fromTheFront(GatewayReply reply, String body) {
        return reply.header("cf-mitigated").isPresent() || reply.status() >= 400 && isHtml(reply, body) && servedByCloudflare(reply);
    }

    private static boolean servedByCloudflare(GatewayReply reply) {
        return reply.header("Server").map(s -> s.strip().equalsIgnoreCase("cloudflare")).orElse(false) || reply.header("CF-RAY").isPresent();
    }

    private static AnswerForm frontPage(GatewayReply reply, String body) {
        int status = reply.status();
        boolean challenge = reply.header("cf-mitigated").isPresent();
        String what = (challenge ? "a challenge page" : status == 429 ? "a rate-limit page" : status >= 500 ? "an error page" : "a block page")
                + " from the site's front, not Crazyrouter's API";
        String why = challenge
                ? "the front asks for a browser check, which no API client passes, so the request never reached the API"
                : status == 429
                        ? "the front limits requests before they reach the API"
                        : status >= 500
                                ? "the front could not get an answer from the API behind it"
                                : "the front's firewall refused the request before it reached the API";
        String markers = challenge ? "cf-mitigated: " + ShownText.oneLine(reply.header("cf-mitigated").orElse("")) : "an HTML page where the API answers JSON";
        String ray = reply.header("CF-RAY").map(r -> "the CF-RAY id " + ShownText.oneLine(r.strip())).orElse("the answer's headers (no CF-RAY id came)");
        String whatToDo = "Nothing in the Coze setup fixes it: Coze's server is an API client too and gets the same page, so neither a new token nor "
                + "another URL helps. " + (status >= 500 && !challenge ? "If it lasts, s" : "S") + "end Crazyrouter the time (" + when(reply) + ") and "
                + ray + ", and ask them to let API requests through their front.";
        return form(Kind.FRONT_PAGE, reply, what, "Cloudflare's (" + markers + title(body).map(t -> "; titled \"" + t + "\"").orElse("") + "): " + why
                + ". Its status (" + status + ") is the front's, not a verdict on the token, the model or the URL",
                "the plugin tool fails on the front's status (" + status + "), the page as its resp",
                "the HTTP node fails on the front's status (" + status + "), the page as its body", whatToDo);
    }

    private static AnswerForm htmlPage(GatewayReply reply, String body) {
        int status = reply.status();
        String what = "an HTML page" + title(body).map(t -> " titled \"" + t + "\"").orElse("");
        if (status != 200) {
            return form(Kind.HTML_PAGE, reply, what + " where new-api answers JSON", "it writes every error as JSON", pluginOnStatus(status),
                    nodeOnStatus(status), "");
        }
        String plugin = "the plugin tool fails: response is not object, raw response=<the page> (exec_tool.go processResponse)";
        String node = "the HTTP node succeeds and hands the page on as its body; a next node that parses it fails";
        if (!API_PATH.matcher(path(reply)).matches()) {
            return form(Kind.HTML_PAGE, reply, what + " with HTTP 200 for " + path(reply),
                    "new-api's dashboard, which it serves for every path outside /v1, /api and /assets", plugin, node,
                    "The URL misses /v1/chat/completions: change it to the full URL.").withRow(CommonError.NOT_FOUND_URL);
        }
        return form(Kind.HTML_PAGE, reply, what + " with HTTP 200 for the API path " + path(reply),
                "new-api answers JSON there (it serves its dashboard only outside /v1, /api and /assets), so something other than the API answered",
                plugin, node, MAPPING_NOT_THE_CAUSE + ". Check that the base URL is Crazyrouter's API; if it is, " + lowerFirst(sendCrazyrouter(reply)));
    }

    private static String pluginOnStatus(int status) {
        return status == 200 ? "the plugin tool reads the reply as its output" : "the plugin tool fails on the status (any status but 200), whatever the body";
    }

    private static String nodeOnStatus(int status) {
        return status >= 400 ? "the HTTP node fails on the status (400 or more), whatever the body" : "the HTTP node hands the body on as a string";
    }

    private static String sendCrazyrouter(GatewayReply reply) {
        String id = reply.header("X-Oneapi-Request-Id").map(r -> ", the request id " + ShownText.oneLine(r.strip())).orElse("");
        return "Send Crazyrouter the time (" + when(reply) + ")" + id + " and this answer.";
    }

    /** The answer's own Date, else now: when it came, for the gateway's operator to find it. */
    private static String when(GatewayReply reply) {
        return reply.header("Date").flatMap(GatewayReply::httpDate).orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS)).toString();
    }

    private static String path(GatewayReply reply) {
        return reply.request() == null || reply.request().url().getRawPath() == null ? "" : reply.request().url().getRawPath();
    }

    private static boolean isHtml(GatewayReply reply, String body) {
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        return reply.isHtml() || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static Optional<String> title(String body) {
        Matcher title = TITLE.matcher(body);
        return title.find() ? Optional.of(shown(title.group(1).strip(), 80)).filter(t -> !t.isEmpty()) : Optional.empty();
    }

    /** The first JSON value in the text, as a decoder that stops after one value (Go's json.Decoder, sonic's stream decoder) reads it. */
    private static Optional<JsonNode> firstValue(String text) {
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            return parser.nextToken() == null ? Optional.empty() : Optional.ofNullable(parser.readValueAsTree());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Where the first JSON value ends, in characters. */
    private static int firstValueEnd(String text) {
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            parser.nextToken();
            parser.skipChildren();
            return (int) Math.min(text.length(), parser.currentLocation().getCharOffset());
        } catch (IOException notJson) {
            return text.length();
        }
    }

    private static String shown(String text, int most) {
        String line = ShownText.oneLine(text.strip());
        return line.length() > most ? line.substring(0, most) + "…" : line;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
