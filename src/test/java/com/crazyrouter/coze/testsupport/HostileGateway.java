package com.crazyrouter.coze.testsupport;

import static com.crazyrouter.coze.testsupport.Disguises.each;
import static com.crazyrouter.coze.testsupport.Disguises.everyOther;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A gateway on loopback that misbehaves on purpose, one way each (issue 14's hostile gateways): it lists the model
 * table's models at GET /v1/models the way new-api does, so a live run's preflight passes, and then answers POST
 * /v1/chat/completions badly — a stream that stalls or never ends, a chat request it never answers, a body trickled
 * byte by byte, a huge body, a web page or binary bytes served as JSON, a 429 asking to wait an hour, a 5xx, the
 * caller's token echoed back in disguise. Where only streams misbehave, every other chat request gets a reply a
 * capability probe passes, so a model's row has probes that passed and one that failed.
 */
public final class HostileGateway implements AutoCloseable {
    /** How the gateway misbehaves on chat requests. */
    public enum Behaviour {
        /** Streams: the event-stream headers, then nothing. Other chat requests are answered well. */
        STALLED_STREAM,
        /** Every chat request: read, never answered. */
        HANGING_CHAT,
        /** Every chat request: a chat reply of 4 KB whose body comes one byte every 100 ms (7 minutes for the whole). */
        TRICKLED_BODY,
        /** Streams: an event every 20 ms, forever, never [DONE]. Other chat requests are answered well. */
        ENDLESS_STREAM,
        /** Every chat request: 200 with 30 MB of JSON. */
        HUGE_BODY,
        /** Every chat request: 200, Content-Type application/json, an HTML page. */
        HTML_AS_JSON,
        /** Every chat request: 200, Content-Type application/json, binary bytes. */
        BINARY_AS_JSON,
        /** Every chat request: 429 with Retry-After: 3600. */
        RATE_LIMITED_FOR_AN_HOUR,
        /** Every chat request: a 500, 502, 503 or 504, in turn. */
        FAILING,
        /**
         * Streams: a 401 whose error message, WWW-Authenticate and Content-Type echo the caller's token in every disguise
         * a JSON, HTML or URL reader decodes back to it ({@link #disguises}). Other chat requests are answered well.
         */
        TOKEN_ECHOED_IN_DISGUISE
    }

    private static final int HUGE_BODY_BYTES = 30 * 1024 * 1024;
    /** Longer than any request timeout a run would set, one byte every 100 ms. */
    private static final int TRICKLED_BODY_BYTES = 4 * 1024;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final byte[] HTML_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>New API</title></head>"
            + "<body><div id=\"root\"></div><script src=\"/assets/index.js\"></script></body></html>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY = {0x00, 0x01, 0x1B, '[', '3', '1', 'm', (byte) 0xFF, (byte) 0xFE, 0x7F, 0x08, 'P', 'K', 0x03, 0x04, 0x00, 0x07};
    private static final int[] FAILING_STATUSES = {500, 502, 503, 504};
    /** What a gateway started by hand echoes (the main method's optional second argument replaces it): an obvious fake. */
    private static final String ECHOED_BY_HAND = "sk-testHostileEchoedByHand0000";

    private final Behaviour behaviour;
    private final byte[] modelList;
    /** The token a caller sends, which the gateway echoes (it reads no request header: it is told the run's token). */
    private final String callersToken;
    private final AtomicInteger chatRequests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ScriptedGateway server;

    private HostileGateway(Behaviour behaviour, byte[] modelList, String callersToken) throws IOException {
        this.behaviour = behaviour;
        this.modelList = modelList;
        this.callersToken = callersToken;
        this.server = new ScriptedGateway(this::answer);
    }

    /** Starts a gateway that lists the models of {@code modelTable} and misbehaves as {@code behaviour} says. */
    public static HostileGateway start(Behaviour behaviour, Path modelTable) throws IOException {
        return start(behaviour, modelTable, ECHOED_BY_HAND);
    }

    /** As {@link #start(Behaviour, Path)}, echoing {@code callersToken} where the behaviour echoes the caller's token. */
    public static HostileGateway start(Behaviour behaviour, Path modelTable, String callersToken) throws IOException {
        return new HostileGateway(behaviour, modelList(ModelTable.load(modelTable)), callersToken);
    }

    /**
     * The token written in each disguise a reader decodes back to it, as a JSON string's raw text holds them: u-escaped
     * in lower-case and upper-case hex, every other character u-escaped, as decimal and as hex character references
     * (mixed case), as a reference written in HTML ({@code &amp;#115;}), percent-encoded in either case and
     * percent-encoded then u-escaped.
     */
    public static List<String> disguises(String token) {
        return List.of(each(token, c -> String.format("\\u%04x", c)), each(token, c -> String.format("\\u%04X", c)),
                everyOther(token, c -> String.format("\\u%04x", c)), each(token, c -> "&#" + c + ";"),
                everyOther(token, c -> (c % 2 == 0 ? "&#x" : "&#X") + Integer.toHexString(c) + ";"), each(token, c -> "&amp;#" + c + ";"),
                each(token, c -> "%" + Integer.toHexString(c)), everyOther(token, c -> "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT)),
                each(token, c -> String.format("\\u0025%02X", c)));
    }

    /**
     * For trying a live run against a hostile gateway by hand (docs/LIVE.md): serves the
     * behaviour named in the first argument until stdin closes, printing one line, the base URL for
     * {@code -Dcrazyrouter.baseUrl}, e.g. {@code java -cp … com.crazyrouter.coze.testsupport.HostileGateway HANGING_CHAT}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 2) {
            System.err.println("Name one behaviour: " + Arrays.stream(Behaviour.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + "; for " + Behaviour.TOKEN_ECHOED_IN_DISGUISE + ", then the (fake) token to echo");
            System.exit(2);
        }
        Behaviour behaviour = Behaviour.valueOf(args[0].toUpperCase(Locale.ROOT));
        try (HostileGateway gateway = start(behaviour, ModelTable.DEFAULT, args.length == 2 ? args[1] : ECHOED_BY_HAND)) {
            System.out.println(gateway.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the caller closes stdin
            }
        }
    }

    public URI baseUrl() {
        return server.url("");
    }

    /** How many chat requests came. */
    public int chatRequests() {
        return chatRequests.get();
    }

    /** Stops listening and ends every answer still being written or withheld. */
    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
    }

    private void answer(ScriptedGateway.Request request, OutputStream out) throws IOException, InterruptedException {
        String path = request.path().replaceFirst("\\?.*", "");
        if (request.method().equals("GET") && path.equals("/v1/models")) {
            whole(out, 200, JSON, modelList);
        } else if (request.method().equals("POST") && path.equals("/v1/chat/completions")) {
            chatRequests.incrementAndGet();
            misbehave(Json.parse(request.body()).orElse(Json.MAPPER.createObjectNode()), out);
        } else {
            whole(out, 404, JSON, ("{\"error\":{\"message\":\"Invalid URL (" + request.method() + " " + path + ")\",\"type\":\"invalid_request_error\","
                    + "\"param\":\"\",\"code\":\"\"}}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void misbehave(JsonNode chat, OutputStream out) throws IOException, InterruptedException {
        boolean stream = chat.path("stream").asBoolean(false);
        switch (behaviour) {
            case STALLED_STREAM -> {
                if (!stream) {
                    whole(out, 200, JSON, goodReply(chat));
                    return;
                }
                out.write(ScriptedGateway.head(EVENT_STREAM));
                out.flush();
                withhold();
            }
            case HANGING_CHAT -> withhold();
            case TRICKLED_BODY -> {
                byte[] reply = padded(goodReply(chat), TRICKLED_BODY_BYTES);
                out.write(ScriptedGateway.head(JSON, reply.length));
                for (int i = 0; i < reply.length && !closing.await(100, TimeUnit.MILLISECONDS); i++) {
                    out.write(reply[i]);
                    out.flush();
                }
            }
            case ENDLESS_STREAM -> {
                if (!stream) {
                    whole(out, 200, JSON, goodReply(chat));
                    return;
                }
                out.write(ScriptedGateway.head(EVENT_STREAM));
                byte[] event = ("data: {\"id\":\"chatcmpl-endless\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\""
                        + chat.path("model").asText() + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"O\"},\"finish_reason\":null}]}\n\n")
                        .getBytes(StandardCharsets.UTF_8);
                while (!closing.await(20, TimeUnit.MILLISECONDS)) {
                    out.write(event);
                    out.flush();
                }
            }
            case HUGE_BODY -> hugeReply(chat, out);
            case HTML_AS_JSON -> whole(out, 200, "application/json", HTML_PAGE);
            case BINARY_AS_JSON -> whole(out, 200, "application/json", BINARY);
            case RATE_LIMITED_FOR_AN_HOUR -> {
                byte[] body = "{\"error\":{\"message\":\"rate limit reached for this token, retry after 3600 s\",\"type\":\"new_api_error\",\"code\":\"\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(ScriptedGateway.head(429, JSON, body.length, "Retry-After: 3600"));
                out.write(body);
            }
            case FAILING -> {
                int status = FAILING_STATUSES[(chatRequests.get() - 1) % FAILING_STATUSES.length];
                whole(out, status, JSON, ("{\"error\":{\"message\":\"upstream error: status " + status + "\",\"type\":\"upstream_error\",\"code\":\"\"}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            case TOKEN_ECHOED_IN_DISGUISE -> {
                if (!stream) {
                    whole(out, 200, JSON, goodReply(chat));
                    return;
                }
                echoInDisguise(out);
            }
        }
    }

    /** A 401 as new-api writes one, its message holding the caller's token in every disguise, and two headers echoing it too. */
    private void echoInDisguise(OutputStream out) throws IOException {
        List<String> disguises = disguises(callersToken);
        byte[] body = ("{\"error\":{\"message\":\"Invalid token: " + String.join(", ", disguises) + " (request id: 20260101000000)\",\"type\":"
                + "\"new_api_error\",\"code\":\"\"}}").getBytes(StandardCharsets.UTF_8);
        String percentEncoded = each(callersToken, c -> "%" + Integer.toHexString(c));
        out.write(ScriptedGateway.head(401, JSON + "; token=" + percentEncoded, body.length,
                "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"" + percentEncoded + "\""));
        out.write(body);
    }

    /** Holds the connection open without a byte more, until the gateway closes. */
    private void withhold() throws InterruptedException {
        closing.await();
    }

    /** 200 with a chat reply of {@value #HUGE_BODY_BYTES} bytes, valid JSON, written a piece at a time. */
    private void hugeReply(JsonNode chat, OutputStream out) throws IOException {
        byte[] start = ("{\"id\":\"chatcmpl-huge\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"" + chat.path("model").asText()
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] end = "\"},\"finish_reason\":\"stop\"}]}".getBytes(StandardCharsets.UTF_8);
        out.write(ScriptedGateway.head(JSON, HUGE_BODY_BYTES));
        out.write(start);
        byte[] piece = "O".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (long left = HUGE_BODY_BYTES - start.length - end.length; left > 0 && closing.getCount() > 0; left -= piece.length) {
            out.write(piece, 0, (int) Math.min(piece.length, left));
        }
        out.write(end);
    }

    /**
     * A reply each capability probe passes: the model asked for, "OK" (the system message's word when there is one),
     * finish_reason "length" under max_tokens 1, a JSON object in JSON mode, and usage.
     */
    private static byte[] goodReply(JsonNode chat) {
        String system = "";
        for (JsonNode message : chat.path("messages")) {
            if (message.path("role").asText().equals("system")) {
                system = message.path("content").asText();
            }
        }
        boolean oneToken = chat.path("max_tokens").asInt(0) == 1;
        String content = oneToken ? "1" : chat.has("response_format") ? "{\"answer\": \"OK\"}" : system.contains("PONG") ? "PONG" : "OK";
        ObjectNode reply = Json.MAPPER.createObjectNode().put("id", "chatcmpl-hostile").put("object", "chat.completion").put("created", 1767225600)
                .put("model", chat.path("model").asText());
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", oneToken ? "length" : "stop");
        reply.putObject("usage").put("prompt_tokens", 11).put("completion_tokens", 1).put("total_tokens", 12);
        return reply.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON followed by spaces up to {@code length} bytes: still the same JSON. */
    private static byte[] padded(byte[] json, int length) {
        byte[] padded = Arrays.copyOf(json, Math.max(length, json.length));
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** The model list new-api writes (docs/GATEWAY.md §8): every model of the table. */
    private static byte[] modelList(ModelTable table) {
        ObjectNode list = Json.MAPPER.createObjectNode();
        ArrayNode data = list.putArray("data");
        table.models().forEach(model -> data.addObject().put("id", model).put("object", "model").put("created", 1767225600).put("owned_by", "custom"));
        list.put("object", "list").put("success", true);
        return list.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void whole(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        out.write(ScriptedGateway.head(status, contentType, body.length));
        out.write(body);
    }
}
