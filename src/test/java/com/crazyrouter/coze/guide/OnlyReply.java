package com.crazyrouter.coze.guide;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a reply is the one word it was asked for: the guide's minimal test's OK ("Reply only OK"), and the model
 * matrix's system-message probe's PONG ("reply only with the word PONG"), one rule for both. A model that obeyed says the word
 * and nothing else; what it may add without saying anything else: upper or lower case ("ok", "Ok"), white space and line
 * breaks around it, one closing full stop or exclamation mark (ASCII or full-width: "OK.", "OK!", "OK。"), and quotes,
 * back-ticks or Markdown emphasis around it ("\"OK\"", "`OK`", "**OK**"). Anything more is another answer: "look" and
 * "token" hold the letters "ok", "OK, here is …" starts with the word, and neither is a reply of only OK. Rule and
 * reasons in docs/GATEWAY.md ("Replies to the minimal test").
 */
public final class OnlyReply {
    private static final Pattern WRAPPED = Pattern.compile("^([\"'`*_“”‘’]{1,3})(.*?)([\"'`*_“”‘’]{1,3})$", Pattern.DOTALL);
    private static final Pattern CLOSING_MARK = Pattern.compile("[.!。！]$");

    private OnlyReply() {
    }

    /** Whether {@code reply} says {@code word} and nothing else, as this class's rule reads it. */
    public static boolean says(String word, String reply) {
        if (reply == null) {
            return false;
        }
        String text = reply.strip();
        var wrapped = WRAPPED.matcher(text);
        if (wrapped.matches()) {
            text = wrapped.group(2).strip();
        }
        text = CLOSING_MARK.matcher(text).replaceFirst("").strip();
        wrapped = WRAPPED.matcher(text);
        if (wrapped.matches()) {
            text = wrapped.group(2).strip();
        }
        return text.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT));
    }
}
