package com.crazyrouter.coze.route;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Coze workflow "HTTP request" node, as the builder configured it (coze-studio,
 * backend/domain/workflow/internal/nodes/httprequester/http_requester.go): variables go into the URL and body
 * templates as raw text; a JSON body is parsed inside Coze before anything is sent; the auth is applied after the
 * hand-written headers; a status of 400 or more fails the node; below that its output "body" is a string.
 *
 * @param url the URL template, e.g. https://crazyrouter.com/v1/chat/completions
 * @param bodyTemplate the body with {{variables}}, inserted as raw text (the builder writes the quotes)
 * @param headers hand-written headers, in order
 * @param timeout Coze's UI default is 120 s (0–180)
 * @param retries Coze's UI default is 3 (0–10); only on transport errors, never on a status
 */
public record WorkflowHttpNode(String url, String method, BodyType bodyType, String bodyTemplate, NodeAuth auth,
        List<OutgoingRequest.Header> headers, Duration timeout, int retries) {

    /** The node's body types; JSON sends Content-Type application/json, RAW_TEXT text/plain. */
    public enum BodyType {
        EMPTY, JSON, RAW_TEXT, FORM_DATA, FORM_URLENCODED, BINARY
    }

    /** The node's auth setting. */
    public sealed interface NodeAuth permits NoAuth, BearerAuth, CustomAuth {
    }

    public record NoAuth() implements NodeAuth {
    }

    /** Coze sends "Authorization: Bearer " + token, overwriting a hand-written Authorization header. */
    public record BearerAuth(String token) implements NodeAuth {
        @Override
        public String toString() {
            return "Bearer auth";
        }
    }

    /** Any key and value, in a header or in the query. */
    public record CustomAuth(PluginTool.Location location, String key, String value) implements NodeAuth {
        @Override
        public String toString() {
            return "custom auth in " + location + " " + key;
        }
    }

    /** How Coze starts every failure text of a workflow node. */
    public static final String FAILURE = "Workflow execution failure: ";
    /** Coze keeps the first 1000 bytes of a failure text. */
    private static final int SHOWN_BYTES = 1000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_RETRIES = 3;
    /** The guide's smallest body, with the model and the user's input as variables. */
    public static final String GUIDE_BODY = "{\"model\":\"{{model}}\",\"messages\":[{\"role\":\"user\",\"content\":\"{{input}}\"}]}";

    public WorkflowHttpNode {
        headers = List.copyOf(headers);
    }

    /** The guide's setup: POST to the full URL, headers Authorization: Bearer <token> and Content-Type: application/json, a JSON body. */
    public static WorkflowHttpNode guide(String token) {
        return new WorkflowHttpNode(PluginTool.guide(token).url(), "POST", BodyType.JSON, GUIDE_BODY, new NoAuth(),
                List.of(new OutgoingRequest.Header("Authorization", "Bearer " + token), new OutgoingRequest.Header("Content-Type", "application/json")),
                DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    /**
     * The request the node sends with these variables: templates filled as raw text, the body type's Content-Type
     * after the hand-written headers (a hand-written one stays first, and the gateway reads the first), the auth
     * last. A JSON body that does not parse, a URL Coze cannot call or a header Go refuses fail before sending.
     */
    public OutgoingRequest render(Map<String, String> variables, GatewayUrl gateway) {
        String typed = Template.render(url.trim(), variables);
        List<OutgoingRequest.Header> sent = new ArrayList<>(headers);
        contentType().filter(type -> !HeaderRules.has(sent, "Content-Type")).ifPresent(type -> sent.add(new OutgoingRequest.Header("Content-Type", type)));
        List<OutgoingRequest.Header> withAuth = sent;
        if (auth instanceof BearerAuth bearer) {
            withAuth = HeaderRules.set(sent, "Authorization", "Bearer " + bearer.token());
        } else if (auth instanceof CustomAuth custom && custom.location() == PluginTool.Location.HEADER) {
            withAuth = HeaderRules.set(sent, custom.key(), custom.value());
        } else if (auth instanceof CustomAuth custom) {
            typed += (typed.contains("?") ? "&" : "?") + URLEncoder.encode(custom.key(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(custom.value(), StandardCharsets.UTF_8);
        }
        String body = bodyType == BodyType.EMPTY ? null : Template.render(bodyTemplate, variables);
        if (bodyType == BodyType.JSON) {
            PreSendJson.check(body);
        }
        String calledUrl = typed;
        URI to = gateway.rebase(calledUrl).orElseThrow(() -> new CozeRefusedToSend(FAILURE + "unsupported protocol scheme \"" + calledUrl + "\""));
        HeaderRules.refuseControlCharacters(withAuth, error -> FAILURE + error);
        return new OutgoingRequest(method, to, CozeWireHeaders.node(withAuth), body);
    }

    /**
     * What the builder sees: a status of 400 or more fails the node; below that, its outputs, with "body" a string — what
     * a next node that parses it meets is noted where the body is not one JSON object (docs/COZE.md §4.8).
     */
    public CozeView shows(GatewayReply reply) {
        AnswerForm form = reply.form();
        String note = form.nodeNote();
        if (reply.status() >= 400) {
            String text = FAILURE + "request " + reply.request().url() + " failed, response status code=" + reply.status() + ", status="
                    + StatusText.of(reply.status()) + ", headers=" + Json.write(reply.headers()) + ", body=" + reply.body();
            return CozeView.failure(firstBytes(text, SHOWN_BYTES)).noting(note);
        }
        return CozeView.output("the node's outputs: statusCode " + reply.status() + ", body (a string, not parsed JSON) " + Json.write(reply.body()))
                .noting(note);
    }

    /** The text cut as Go slices a string: at a byte count, never in the middle of a character here. */
    private static String firstBytes(String text, int bytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= bytes) {
            return text;
        }
        int end = bytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    /** What the builder sees when no HTTP answer came, after the node's own retries. */
    public CozeView showsTransportError(String what) {
        return CozeView.failure(FAILURE + what + " (after the node's " + retries + " retries)");
    }

    /**
     * What the builder sees when the answer's headers came but its body did not end within the node's timeout: the
     * failure once, without the node's retries, which repeat only a request that got no headers (docs/COZE.md §4.2).
     */
    public CozeView showsUnreadBody(String what) {
        return CozeView.failure(FAILURE + what);
    }

    /**
     * 301/302/303 are followed (as a GET). A 307 or 308 is followed only by a node with body type EMPTY: Go resends only a
     * request it can rebuild, and the node's body has no GetBody; with no body there is nothing to resend (docs/COZE.md §4.2).
     */
    public boolean followsRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || (status == 307 || status == 308) && bodyType == BodyType.EMPTY;
    }

    private Optional<String> contentType() {
        return switch (bodyType) {
            case JSON -> Optional.of("application/json");
            case RAW_TEXT -> Optional.of("text/plain");
            case FORM_URLENCODED -> Optional.of("application/x-www-form-urlencoded");
            default -> Optional.empty();
        };
    }

    public WorkflowHttpNode withUrl(String newUrl) {
        return new WorkflowHttpNode(newUrl, method, bodyType, bodyTemplate, auth, headers, timeout, retries);
    }

    public WorkflowHttpNode withBody(BodyType type, String template) {
        return new WorkflowHttpNode(url, method, type, template, auth, headers, timeout, retries);
    }

    public WorkflowHttpNode withAuth(NodeAuth newAuth) {
        return new WorkflowHttpNode(url, method, bodyType, bodyTemplate, newAuth, headers, timeout, retries);
    }

    public WorkflowHttpNode withHeaders(List<OutgoingRequest.Header> newHeaders) {
        return new WorkflowHttpNode(url, method, bodyType, bodyTemplate, auth, newHeaders, timeout, retries);
    }
}
