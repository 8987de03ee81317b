package com.crazyrouter.coze.route;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Coze builder has set up on both routes: the plugin tool and the workflow HTTP node. It starts as the
 * guide's setup; a scenario changes one thing, in the words a builder uses, and each route takes the change the way
 * its form does (a URL typed into a plugin becomes server URL and tool path, as Coze's cURL import splits it).
 */
public record CozeSetup(PluginTool plugin, Map<String, Object> pluginArguments, WorkflowHttpNode node) {

    public CozeSetup {
        pluginArguments = Map.copyOf(pluginArguments);
    }

    public static CozeSetup guide(String token) {
        return new CozeSetup(PluginTool.guide(token), Map.of(), WorkflowHttpNode.guide(token));
    }

    /**
     * The builder's own plugin tool (from -Dcoze.setup) on the plugin route, the guide's node on the other. A tool that
     * names no auth at all (a cURL import carries none) gets the guide's service token, as the builder sets it after
     * importing; one whose Authorization became a tool input keeps it that way, as Coze does.
     *
     * @param filledByCoze the defaults Coze fills when the caller leaves a parameter empty
     */
    public CozeSetup withOwnPlugin(PluginTool tool, Map<String, Object> filledByCoze) {
        boolean namesAuthorization = tool.serviceToken().isPresent() || HeaderRules.has(tool.headers(), "Authorization")
                || tool.parameters().stream().anyMatch(p -> p.name().equalsIgnoreCase("Authorization"));
        // the defaults Coze fills when the caller leaves a parameter empty, as a debug run with the tool's defaults sends them
        // (messages excepted: the run always fills them with its input, and a value given wins over a default)
        Map<String, Object> arguments = new LinkedHashMap<>(filledByCoze);
        arguments.remove("messages");
        arguments.putAll(pluginArguments);
        return new CozeSetup(namesAuthorization ? tool : tool.withServiceToken(this.plugin.serviceToken()), arguments, node);
    }

    /** The builder's own workflow HTTP node (from -Dcoze.setup) on the workflow route, the guide's tool on the other. */
    public CozeSetup withOwnNode(WorkflowHttpNode own) {
        return new CozeSetup(plugin, pluginArguments, own);
    }

    /** The body asks for "stream": true: a value fixed for the plugin's stream parameter, and written into the node's body. */
    public CozeSetup withStreaming() {
        Map<String, Object> fixed = new LinkedHashMap<>(pluginArguments);
        fixed.put("stream", true);
        return new CozeSetup(plugin, fixed, node.withBody(node.bodyType(), node.bodyTemplate().replaceFirst("\\{", "{\"stream\":true,")));
    }

    /** The URL typed in full: the node takes it as it is; the plugin as scheme://host for the server and the rest as the tool path. */
    public CozeSetup withUrl(String typed) {
        return new CozeSetup(plugin.withServer(serverOf(typed), pathOf(typed)), pluginArguments, node.withUrl(typed));
    }

    public CozeSetup withPluginServer(String serverUrl, String toolPath) {
        return new CozeSetup(plugin.withServer(serverUrl, toolPath), pluginArguments, node);
    }

    /** The Authorization value as typed: the plugin's service token value, the node's hand-written header; empty: left out. */
    public CozeSetup withAuthorization(Optional<String> typed) {
        PluginTool tool = plugin.withServiceToken(typed.map(value -> new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", value)));
        return new CozeSetup(tool, pluginArguments, node.withHeaders(replaced(node.headers(), "Authorization", typed)));
    }

    /** A hand-written Content-Type header on both routes; empty: none written by hand (each route still sends its body's type). */
    public CozeSetup withContentType(Optional<String> typed) {
        return new CozeSetup(plugin.withHeaders(replaced(plugin.headers(), "Content-Type", typed)), pluginArguments,
                node.withHeaders(replaced(node.headers(), "Content-Type", typed)));
    }

    public CozeSetup withNode(WorkflowHttpNode changed) {
        return new CozeSetup(plugin, pluginArguments, changed);
    }

    /** The Authorization value as the builder's setup carries it, for a GET such as the model list. */
    public Optional<String> authorization() {
        return plugin.serviceToken().filter(t -> t.location() == PluginTool.Location.HEADER && t.key().equalsIgnoreCase("Authorization"))
                .map(PluginTool.ServiceToken::value);
    }

    private static List<OutgoingRequest.Header> replaced(List<OutgoingRequest.Header> headers, String name, Optional<String> value) {
        List<OutgoingRequest.Header> others = headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList();
        return value.map(v -> HeaderRules.set(others, name, v)).orElse(others);
    }

    private static String serverOf(String typed) {
        try {
            URI uri = new URI(typed.trim());
            return uri.getScheme() == null || uri.getRawAuthority() == null ? typed.trim() : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return typed.trim();
        }
    }

    private static String pathOf(String typed) {
        String rest = typed.trim().substring(serverOf(typed).length());
        return rest.startsWith("/") ? rest : "/" + rest;
    }
}
