package com.crazyrouter.coze.route;

import com.crazyrouter.coze.text.ShownText;

/**
 * What the Coze builder sees after one attempt: the failure text the plugin tool or workflow node shows, or the
 * output a downstream node receives. Built by the route's model from what Crazyrouter answered (or did not).
 */
public record CozeView(boolean failed, String words) {
    private static final int LONGEST = 400;

    public static CozeView failure(String text) {
        return new CozeView(true, text);
    }

    public static CozeView output(String text) {
        return new CozeView(false, text);
    }

    /** One line for a report: "Coze shows: the node fails — …" or "Coze passes on: …", a binary reply's bytes escaped. */
    public String describe() {
        String shown = ShownText.oneLine(words);
        if (shown.length() > LONGEST) {
            shown = shown.substring(0, LONGEST) + "…";
        }
        return (failed ? "Coze shows the failure: " : "Coze passes on: ") + shown;
    }
}
