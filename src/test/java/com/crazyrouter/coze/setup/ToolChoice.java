package com.crazyrouter.coze.setup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a plugin's tools the check judges. Coze imports every path and method of a file as a tool of its own
 * (plugin_draft.go {@code CreateDraftToolsWithCode}: one tool per path and operation), and Swagger files and Postman
 * collections usually hold several: the check judges the one that calls Crazyrouter's chat completions (server + path
 * ending in /chat/completions; of several, the POST), lists the others as not judged, and takes the tool named by
 * -Dcoze.setup.tool (its operationId, or "POST /v1/chat/completions") when that choice is not obvious.
 */
final class ToolChoice {
    static final String CHAT_PATH = "/chat/completions";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One tool: its path and method, its path item and operation, and the operationId Coze names it by. */
    record Tool(String path, String method, LocatedValue pathItem, LocatedValue operation, String operationId) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path + (operationId.isEmpty() ? "" : " (" + operationId + ")");
        }

        boolean named(String wanted) {
            String w = wanted.strip();
            return w.equals(operationId) || w.equalsIgnoreCase(method + " " + path);
        }
    }

    /** The tool judged, and a note naming the others when there are any. */
    record Chosen(Tool tool, Optional<String> notJudged) {
    }

    private ToolChoice() {
    }

    static Chosen choose(LocatedValue paths, String serverUrl, Optional<String> wanted, java.util.function.UnaryOperator<LocatedValue> resolve) {
        List<Tool> tools = new ArrayList<>();
        for (Map.Entry<String, LocatedValue> path : paths.members().entrySet()) {
            LocatedValue item = resolve.apply(path.getValue());
            for (Map.Entry<String, LocatedValue> member : item.members().entrySet()) {
                if (OPERATIONS.contains(member.getKey())) {
                    LocatedValue operation = resolve.apply(member.getValue());
                    tools.add(new Tool(path.getKey(), member.getKey(), item, operation, operation.get("operationId").value().asText("")));
                }
            }
        }
        if (tools.isEmpty()) {
            throw paths.fail("has no operation: give the tool's method, e.g. paths: {/v1/chat/completions: {post: {…}}}.");
        }
        String howToName = "Name the one to check with -D" + com.crazyrouter.coze.config.Settings.COZE_SETUP_TOOL
                + "=OPERATION_ID (or =\"POST /v1/chat/completions\"). The file's tools: " + names(tools) + ".";
        Tool chosen;
        String why;
        if (wanted.isPresent()) {
            chosen = tools.stream().filter(t -> t.named(wanted.get())).findFirst().orElseThrow(() -> paths.fail("has no tool named "
                    + Where.shown(wanted.get()) + " (-D" + com.crazyrouter.coze.config.Settings.COZE_SETUP_TOOL + "). " + howToName));
            why = "the one -D" + com.crazyrouter.coze.config.Settings.COZE_SETUP_TOOL + " names";
        } else if (tools.size() == 1) {
            return new Chosen(tools.get(0), Optional.empty());
        } else {
            List<Tool> chat = tools.stream().filter(t -> callsChatCompletions(serverUrl, t.path())).toList();
            List<Tool> posts = chat.stream().filter(t -> t.method().equals("post")).toList();
            if (chat.size() == 1 || posts.size() == 1) {
                chosen = chat.size() == 1 ? chat.get(0) : posts.get(0);
                why = "the one that calls Crazyrouter's chat completions";
            } else if (chat.isEmpty()) {
                throw paths.fail("holds " + tools.size() + " tools and none calls Crazyrouter's chat completions (a URL ending in " + CHAT_PATH
                        + "), so which one to check is not obvious. " + howToName);
            } else {
                throw paths.fail("holds " + chat.size() + " tools that call chat completions (" + names(chat) + "), so which one to check is not "
                        + "obvious. " + howToName);
            }
        }
        List<Tool> others = tools.stream().filter(t -> t != chosen).toList();
        return new Chosen(chosen, Optional.of("The file holds " + tools.size() + " tools; Coze imports each as a tool of the plugin. This check judges "
                + chosen.name() + ", " + why + ". Not judged: " + names(others) + ". To judge another, name it with -D"
                + com.crazyrouter.coze.config.Settings.COZE_SETUP_TOOL + "=OPERATION_ID."));
    }

    /** Whether server + path, joined as Coze joins them, is a chat completions URL (a trailing slash aside). */
    static boolean callsChatCompletions(String serverUrl, String path) {
        String joined = serverUrl + path;
        String urlPath;
        try {
            urlPath = Optional.ofNullable(URI.create(joined.replace(" ", "%20")).getRawPath()).orElse("");
        } catch (IllegalArgumentException notAUrl) {
            urlPath = joined;
        }
        return urlPath.replaceAll("/+$", "").endsWith(CHAT_PATH);
    }

    private static String names(List<Tool> tools) {
        return String.join(", ", tools.stream().map(Tool::name).toList());
    }
}
