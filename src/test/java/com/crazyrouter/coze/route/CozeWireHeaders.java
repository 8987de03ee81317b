package com.crazyrouter.coze.route;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The headers Coze's code and Go's HTTP client add to a call on each route, none of them a token (docs/COZE.md §3.1).
 * Where Coze's value is per call (a log id) or per user (a user id), the harness sends a value of the same form.
 */
public final class CozeWireHeaders {
    /** An imported plugin's manifest common params, and the UI form's default (crossdomain/plugin/model/default.go NewDefaultPluginManifest). */
    public static final String PLUGIN_USER_AGENT = "Coze/1.0";
    /** Go's net/http default over HTTP/1.1, the protocol the harness speaks (Go sends "Go-http-client/2.0" over HTTP/2). */
    public static final String GO_USER_AGENT = "Go-http-client/1.1";
    /** The log id Coze's middleware gives each call it serves (api/middleware/log.go SetLogIDMW: uuid.New()), sent in every plugin call. */
    public static final String LOG_ID = "X-Tt-Logid";
    /** The user id Coze sends as the plugin's connector identifier: a made-up decimal id of the form Coze's user ids have. */
    static final String USER_ID = "7400000000000000001";

    private CozeWireHeaders() {
    }

    /**
     * A plugin tool's call (domain/plugin/service/tool/invocation_http.go buildHTTPRequestHeader, then resty and Go):
     * the tool's own headers, the manifest's {@code User-Agent: Coze/1.0} unless the tool sets one (setCommonParams),
     * the log id and the user id; resty adds {@code Accept} = the JSON Content-Type when none is set (parseRequestHeader),
     * Go's transport {@code Accept-Encoding: gzip} when none is set. No bot or conversation id: the harness calls the tool
     * from a workflow, outside a bot and a conversation.
     */
    static List<OutgoingRequest.Header> plugin(List<OutgoingRequest.Header> tool) {
        List<OutgoingRequest.Header> sent = new ArrayList<>(tool);
        if (!HeaderRules.has(sent, "User-Agent")) {
            sent.add(new OutgoingRequest.Header("User-Agent", PLUGIN_USER_AGENT));
        }
        sent = HeaderRules.set(sent, LOG_ID, UUID.randomUUID().toString());
        sent = HeaderRules.set(sent, "X-Aiplugin-Connector-Identifier", USER_ID);
        return sent;
    }

    /** What resty and Go add last, once the Content-Type and the auth are set (resty parseRequestHeader, Go transport). */
    static List<OutgoingRequest.Header> pluginClient(List<OutgoingRequest.Header> headers) {
        List<OutgoingRequest.Header> sent = new ArrayList<>(headers);
        String contentType = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Type")).map(OutgoingRequest.Header::value).findFirst().orElse("");
        if (!HeaderRules.has(sent, "Accept") && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            sent.add(new OutgoingRequest.Header("Accept", contentType));
        }
        return acceptGzip(sent);
    }

    /**
     * A workflow HTTP node's call (http.DefaultClient): Go's default User-Agent unless the builder set one, and
     * {@code Accept-Encoding: gzip} unless the builder set one.
     */
    static List<OutgoingRequest.Header> node(List<OutgoingRequest.Header> headers) {
        List<OutgoingRequest.Header> sent = new ArrayList<>(headers);
        if (!HeaderRules.has(sent, "User-Agent")) {
            sent.add(new OutgoingRequest.Header("User-Agent", GO_USER_AGENT));
        }
        return acceptGzip(sent);
    }

    /** Go's transport asks for gzip when the request does not name an encoding, and then decodes the reply itself. */
    private static List<OutgoingRequest.Header> acceptGzip(List<OutgoingRequest.Header> headers) {
        List<OutgoingRequest.Header> sent = new ArrayList<>(headers);
        if (!HeaderRules.has(sent, "Accept-Encoding")) {
            sent.add(new OutgoingRequest.Header("Accept-Encoding", "gzip"));
        }
        return sent;
    }
}
