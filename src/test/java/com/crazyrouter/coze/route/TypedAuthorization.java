package com.crazyrouter.coze.route;

import com.crazyrouter.coze.config.Secret;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Authorization value as a scenario writes what the builder typed: {token} stands for the dedicated token,
 * {token without sk-} for it without its prefix, and \n for a line break carried over from copy-paste. A truncated
 * paste: {token without its last character}, {token without its last 2 characters} (any number: the usual slip is
 * one or two characters left behind at the end of the selection), {first half of token}.
 */
public final class TypedAuthorization {
    private static final Pattern WITHOUT_ITS_LAST = Pattern.compile("\\{token without its last (?:(\\d+) characters|character)}");

    private TypedAuthorization() {
    }

    public static String fill(String typed, Secret token) {
        String value = token.reveal();
        Matcher cut = WITHOUT_ITS_LAST.matcher(typed);
        StringBuilder out = new StringBuilder();
        while (cut.find()) {
            int missing = cut.group(1) == null ? 1 : Integer.parseInt(cut.group(1));
            if (missing < 1 || missing >= value.length()) {
                throw new IllegalArgumentException("A token cut short must keep at least one character and lose at least one: " + cut.group());
            }
            cut.appendReplacement(out, Matcher.quoteReplacement(value.substring(0, value.length() - missing)));
        }
        cut.appendTail(out);
        return out.toString()
                .replace("{token without sk-}", value.startsWith("sk-") ? value.substring(3) : value)
                .replace("{first half of token}", value.substring(0, value.length() / 2))
                .replace("{token}", value)
                .replace("\\n", "\n");
    }
}
