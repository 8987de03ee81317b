package com.crazyrouter.coze.config;

/**
 * A URL as a message may show it: everything from the scheme to the last {@code @} becomes {@code ***} (a user name
 * and password), and a query or fragment becomes {@code ?…} / {@code #…}, since either may hold a credential. Works
 * on text that is no valid URL too, because the message about a malformed URL has to show it as well.
 */
public final class ShownUrl {
    static final String HIDDEN = "***";

    private ShownUrl() {
    }

    public static String of(String raw) {
        String text = raw.strip();
        int separator = text.indexOf("://");
        int authorityStart = separator >= 0 && noneOf(text, "/?#", 0, separator) ? separator + 3 : 0;
        // Any '@' counts, not only one before the first '/': a password may hold '/', '?' or '#' unencoded.
        int at = text.lastIndexOf('@');
        if (at >= authorityStart) {
            text = text.substring(0, authorityStart) + HIDDEN + text.substring(at);
        }
        int query = firstOf(text, "?#", authorityStart);
        return query < text.length() ? text.substring(0, query) + text.charAt(query) + "…" : text;
    }

    private static int firstOf(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean noneOf(String text, String characters, int from, int to) {
        return firstOf(text, characters, from) >= to;
    }
}
