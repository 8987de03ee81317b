package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.Json;
import java.util.Arrays;

/**
 * How a route puts user input into the request body's {{input}} placeholder. This is where real
 * integrations break: a workflow HTTP node (and a plugin whose body is pasted as text) fills the template
 * as plain text, so a quote, line break, tab or backslash in the input breaks the JSON.
 */
public enum InputPlacement {
    PLUGIN_PARAMETER_MAPPING(Route.PLUGIN, "the API plugin's parameter mapping", true),
    PLUGIN_PASTED_BODY(Route.PLUGIN, "a plugin whose request body is pasted as text", false),
    WORKFLOW_PLAIN_TEXT(Route.WORKFLOW, "the workflow HTTP node's plain-text body", false),
    WORKFLOW_ESCAPED(Route.WORKFLOW, "the workflow HTTP node, after a code node JSON-escapes it,", true);

    private final Route route;
    private final String words;
    private final boolean escapes;

    InputPlacement(Route route, String words, boolean escapes) {
        this.route = route;
        this.words = words;
        this.escapes = escapes;
    }

    public Route route() {
        return route;
    }

    public String words() {
        return words;
    }

    /** What goes where {{input}} stands inside the body's JSON string. */
    public String place(String input) {
        if (!escapes) {
            return input;
        }
        String quoted = Json.write(input);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The route's own way when a scenario does not say: the plugin maps parameters, the workflow node pastes text. */
    public static InputPlacement defaultFor(Route route) {
        return route == Route.PLUGIN ? PLUGIN_PARAMETER_MAPPING : WORKFLOW_PLAIN_TEXT;
    }

    public static InputPlacement fromWords(String words) {
        return Arrays.stream(values()).filter(p -> p.words.equalsIgnoreCase(words.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + words + "' is not a known way to place {{input}}"));
    }

}
