package com.crazyrouter.coze.text;

/**
 * Text from a gateway as a report or the console shows it: control and other invisible characters escaped ({@code \x00},
 * {@code \x1B}, {@code \u202E}), never copied raw, so a binary or hostile reply can neither garble a terminal nor hide
 * text; a byte that was not UTF-8 is already U+FFFD (the replacement character), as the reply was decoded. An
 * attachment is also cut at a size, with a marker that says how much there was.
 */
public final class ShownText {
    private ShownText() {
    }

    /** Escaped, line breaks and tabs kept: for an attachment or a multi-line message. */
    public static String escaped(String text) {
        return text == null ? null : render(text, true, Long.MAX_VALUE);
    }

    /** Escaped, line breaks and tabs too ({@code \n}): for one line of the console or of a message. */
    public static String oneLine(String text) {
        return text == null ? null : render(text, false, Long.MAX_VALUE);
    }

    /**
     * Escaped as {@link #escaped} and cut so that what is shown takes at most {@code mostBytes} (UTF-8), with a last
     * line "… cut: 20 971 520 bytes in all, first 65 536 shown" when anything was left out.
     */
    public static String cut(String text, long mostBytes) {
        return text == null ? null : render(text, true, mostBytes);
    }

    private static String render(String text, boolean keepLines, long mostBytes) {
        StringBuilder out = new StringBuilder((int) Math.min(text.length(), Math.min(mostBytes, 1 << 20)));
        long written = 0;
        long shownBytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String escape = escape(cp, keepLines, i + 1 < text.length() && text.charAt(i + 1) == '\n');
            long width = escape == null ? utf8Bytes(cp) : escape.length();
            if (written + width > mostBytes) {
                break;
            }
            if (escape == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(escape);
            }
            written += width;
            shownBytes += utf8Bytes(cp);
            i += Character.charCount(cp);
        }
        if (i < text.length()) {
            out.append("\n… cut: ").append(Amounts.count(utf8Bytes(text))).append(" bytes in all, first ").append(Amounts.count(shownBytes))
                    .append(" shown");
        }
        return out.toString();
    }

    /** How the code point is shown when not as itself, or null when it is shown as itself. */
    private static String escape(int cp, boolean keepLines, boolean beforeLineFeed) {
        if (cp == '\n' || cp == '\t') {
            return keepLines ? null : cp == '\n' ? "\\n" : "\\t";
        }
        if (cp == '\r') {
            return keepLines && beforeLineFeed ? null : "\\r";
        }
        if (!invisible(cp)) {
            return null;
        }
        if (cp < 0x80) {
            return String.format("\\x%02X", cp);
        }
        return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\u{%X}", cp);
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            bytes += utf8Bytes(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static int utf8Bytes(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
