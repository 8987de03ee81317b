package com.crazyrouter.coze.route;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Coze plugin tool created from an API, as the builder configured it (coze-studio,
 * backend/domain/plugin/service/tool/invocation_http.go and internal/encoder/req_encode.go): the request goes to
 * server URL + tool path, joined as strings; the body is built from the tool's parameter schema with real JSON
 * encoding; a service token is set as typed, without adding "Bearer "; Coze's own headers are added ({@link CozeWireHeaders}).
 *
 * @param serverUrl the plugin's one server, as typed (it may carry a path)
 * @param path the tool's path; Coze requires it to start with "/"
 * @param parameters the body's parameters (the schema of the JSON request body)
 * @param serviceToken "Service token / API key" auth: where it goes, under which key, and the value as typed
 * @param headers header parameters with the value the builder fixed for them
 */
public record PluginTool(String serverUrl, String path, String method, List<Parameter> parameters, Optional<ServiceToken> serviceToken,
        List<OutgoingRequest.Header> headers) {

    /** A body parameter: its name, its JSON type (string, integer, number, boolean, array, object) and whether it is required. */
    public record Parameter(String name, String type, boolean required) {
    }

    /** Where a service token goes. */
    public enum Location {
        HEADER, QUERY
    }

    /** The service token as the builder typed it: key "Authorization", value "Bearer sk-…" in the guide's setup. */
    public record ServiceToken(Location location, String key, String value) {
        /** Never the value: it is a token. */
        @Override
        public String toString() {
            return "service token in " + location + " " + key;
        }
    }

    /** The body parameters of a chat tool: the guide's smallest body, and what the capability probes add. */
    public static final List<Parameter> CHAT_PARAMETERS = List.of(
            new Parameter("model", "string", true),
            new Parameter("messages", "array", true),
            new Parameter("max_tokens", "integer", false),
            new Parameter("stream", "boolean", false),
            new Parameter("stream_options", "object", false),
            new Parameter("response_format", "object", false));

    public PluginTool {
        parameters = List.copyOf(parameters);
        headers = List.copyOf(headers);
    }

    /** The guide's setup: POST https://crazyrouter.com + /v1/chat/completions, Authorization "Bearer <token>". */
    public static PluginTool guide(String token) {
        return new PluginTool(Settings.PUBLIC_BASE_URL.toString(), "/v1/chat/completions", "POST", CHAT_PARAMETERS,
                Optional.of(new ServiceToken(Location.HEADER, "Authorization", "Bearer " + token)), List.of());
    }

    /**
     * The request Coze sends for these arguments: the body from the parameter schema (values JSON-encoded, keys the
     * schema does not list dropped), the service token set as typed unless a header of that name is already set.
     * A missing required parameter, a URL Coze cannot call or a header Go refuses fail before anything is sent.
     */
    public OutgoingRequest render(Map<String, Object> arguments, GatewayUrl gateway) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (Parameter parameter : parameters) {
            Object value = arguments.get(parameter.name());
            if (value == null && parameter.required()) {
                throw new CozeRefusedToSend(WorkflowHttpNode.FAILURE + "[setBodyDefaultValues] parameter '" + parameter.name() + "' is required");
            }
            if (value != null) {
                body.set(parameter.name(), Json.MAPPER.valueToTree(value));
            }
        }
        List<OutgoingRequest.Header> sent = CozeWireHeaders.plugin(headers);
        String typed = url();
        if (serviceToken.isPresent()) {
            ServiceToken token = serviceToken.get();
            if (token.location() == Location.QUERY) {
                typed += (typed.contains("?") ? "&" : "?") + URLEncoder.encode(token.key(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(token.value(), StandardCharsets.UTF_8);
            } else if (!HeaderRules.has(sent, token.key())) {
                sent.add(new OutgoingRequest.Header(token.key(), token.value()));
            }
        }
        if (!HeaderRules.has(sent, "Content-Type")) {
            sent.add(new OutgoingRequest.Header("Content-Type", "application/json"));
        }
        String calledUrl = typed;
        URI to = gateway.rebase(calledUrl).orElseThrow(() -> new CozeRefusedToSend(failed("http request failed, err=" + goMethod() + " \""
                + calledUrl + "\": unsupported protocol scheme")));
        HeaderRules.refuseControlCharacters(sent, error -> failed("http request failed, err=" + goMethod() + " \"" + calledUrl + "\": " + error));
        return new OutgoingRequest(method, to, CozeWireHeaders.pluginClient(sent), Json.write(body));
    }

    /**
     * What the builder sees: only HTTP 200 with a JSON object is the tool's output. Coze decodes the reply with sonic's
     * stream decoder (exec_tool.go processResponse), which reads the first JSON value and stops: a byte-order mark before
     * it fails the tool, a second value after it is ignored (docs/COZE.md §4.8). An empty body becomes {}.
     */
    public CozeView shows(GatewayReply reply) {
        AnswerForm form = reply.form();
        String note = form.pluginNote();
        if (reply.status() != 200) {
            return CozeView.failure(failed("http request failed, status=" + StatusText.of(reply.status()) + "\nresp=" + reply.body())).noting(note);
        }
        if (form.kind() == AnswerForm.Kind.EMPTY) {
            return CozeView.output("the tool's output is {}: Coze turns an empty reply into {}, with no text at choices[0].message.content").noting(note);
        }
        if (form.firstObject().isEmpty()) {
            return CozeView.failure(failed("response is not object, raw response=" + reply.body())).noting(note);
        }
        Optional<String> text = form.firstObject().map(o -> o.path("choices").path(0).path("message").path("content"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        return CozeView.output("the tool's output is the reply's JSON object" + text.map(t -> "; choices[0].message.content is \"" + t + "\"")
                .orElse(", with no text at choices[0].message.content")).noting(note);
    }

    /** What the builder sees when no HTTP answer came. */
    public static CozeView showsTransportError(String what) {
        return CozeView.failure(failed("http request failed, err=" + what));
    }

    /** How a plugin node in a workflow shows a failed tool call (coze-studio: error code 109000009). */
    private static String failed(String why) {
        return "Workflow execution failure: code=109000009 message=execute tool failed : " + why;
    }

    /** "Post", as Go's errors name a method. */
    private String goMethod() {
        return method.isEmpty() ? method : method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The URL Coze calls: server URL and tool path joined as strings, nothing cleaned up. */
    public String url() {
        return serverUrl + path;
    }

    public PluginTool withServer(String newServerUrl, String newPath) {
        return new PluginTool(newServerUrl, newPath, method, parameters, serviceToken, headers);
    }

    public PluginTool withServiceToken(Optional<ServiceToken> token) {
        return new PluginTool(serverUrl, path, method, parameters, token, headers);
    }

    public PluginTool withHeaders(List<OutgoingRequest.Header> newHeaders) {
        return new PluginTool(serverUrl, path, method, parameters, serviceToken, newHeaders);
    }
}
