package com.crazyrouter.coze.route;

import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.text.Json;
import java.util.Arrays;

/**
 * How a route puts what a bot user typed into the request. The plugin's parameter mapping hands it to Coze's
 * encoder, which JSON-encodes it. The workflow node fills {{input}} in its body template as raw text; a code node
 * before it can JSON-escape the text first.
 */
public enum InputPlacement {
    PLUGIN_PARAMETER_MAPPING(Route.PLUGIN, "the API plugin's parameter mapping", false), WORKFLOW_PLAIN_TEXT(Route.WORKFLOW,
            "the workflow HTTP node's plain-text body",
            false), WORKFLOW_ESCAPED(Route.WORKFLOW, "the workflow HTTP node, after a code node JSON-escapes it,", true);

    private final Route route;
    private final String words;
    private final boolean codeNodeEscapes;

    InputPlacement(Route route, String words, boolean codeNodeEscapes) {
        this.route = route;
        this.words = words;
        this.codeNodeEscapes = codeNodeEscapes;
    }

    public Route route() {
        return route;
    }

    public String words() {
        return words;
    }

    /** What the node's {{input}} variable holds: the text as typed, or as a code node JSON-escaped it. */
    public String variable(String input) {
        if (!codeNodeEscapes) {
            return input;
        }
        String quoted = Json.write(input);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The route's own way when a scenario does not say: the plugin maps parameters, the workflow node fills its template. */
    public static InputPlacement defaultFor(Route route) {
        return route == Route.PLUGIN ? PLUGIN_PARAMETER_MAPPING : WORKFLOW_PLAIN_TEXT;
    }

    public static InputPlacement fromWords(String words) {
        return Arrays.stream(values()).filter(p -> p.words.equalsIgnoreCase(words.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + words + "' is not a known way to place {{input}}"));
    }
}
