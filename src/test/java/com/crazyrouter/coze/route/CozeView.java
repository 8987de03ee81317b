package com.crazyrouter.coze.route;

import com.crazyrouter.coze.text.ShownText;

/**
 * What the Coze builder sees after one attempt: the failure text the plugin tool or workflow node shows, or the
 * output a downstream node receives. Built by the route's model from what Crazyrouter answered (or did not).
 *
 * @param note what that means for this route, where the answer was not one JSON object (transport/AnswerForm), or ""
 */
public record CozeView(boolean failed, String words, String note) {
    private static final int LONGEST = 400;

    public static CozeView failure(String text) {
        return new CozeView(true, text, "");
    }

    public static CozeView output(String text) {
        return new CozeView(false, text, "");
    }

    /** The same view, with what it means for this route added after Coze's own words. */
    public CozeView noting(String meaning) {
        return new CozeView(failed, words, meaning == null ? "" : meaning);
    }

    /**
     * One line for a report: "Coze shows the failure: …" or "Coze passes on: …", a binary reply's bytes escaped; Coze's
     * words are cut at 400 characters, the note after them never is.
     */
    public String describe() {
        String shown = ShownText.oneLine(words);
        if (shown.length() > LONGEST) {
            shown = shown.substring(0, LONGEST) + "…";
        }
        return (failed ? "Coze shows the failure: " : "Coze passes on: ") + shown + (note.isBlank() ? "" : " [" + ShownText.oneLine(note) + "]");
    }
}
