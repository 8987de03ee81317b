package com.crazyrouter.coze.guide;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How Coze reaches Crazyrouter: the two routes the guide recommends. */
public enum Route {
    PLUGIN("API plugin", "Coze API plugin (Create from API)"), WORKFLOW("workflow HTTP node", "Coze workflow HTTP request node");

    private final String words;
    private final String title;

    Route(String words, String title) {
        this.words = words;
        this.title = title;
    }

    /** As a scenario says it: "API plugin", "workflow HTTP node". */
    public String words() {
        return words;
    }

    /** As the report groups it. */
    public String title() {
        return title;
    }

    public static Optional<Route> fromWords(String words) {
        return Arrays.stream(values()).filter(r -> r.words.equalsIgnoreCase(words.trim())).findFirst();
    }

    /** "API plugin or workflow HTTP node", for a message that says what is allowed. */
    public static String allWords() {
        return Arrays.stream(values()).map(Route::words).collect(Collectors.joining(" or "));
    }

}
