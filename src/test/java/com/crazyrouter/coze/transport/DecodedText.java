package com.crazyrouter.coze.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A text as its readers read it: what a JSON, JavaScript or Markdown reader makes of its backslash escapes (u-escapes,
 * written {@code \\u0073} or {@code \\u{73}} in this source; {@code \x73}, {@code \/}), an HTML reader of its character
 * references ({@code &#115;}, {@code &#x73;}, {@code &lowbar;}, with or without the closing semicolon where browsers
 * allow it) and a URL reader of its percent-encoding ({@code %73}, {@code %2d}, UTF-8 sequences), in either case of hex;
 * decoded again while a layer decodes to another ({@code &amp;#115;}, {@code %5Cu0073}); with where each decoded
 * character came from. The redactor looks for a token in this view and masks the original characters it came from, so a
 * token hidden by an encoding is found however many of its characters are encoded, without a list of every encoding of
 * every token.
 *
 * <p>Only the places that decode are kept (a sparse map), so a body without an escape costs one scan and no copy.
 * {@code +} is left as it is: a URL reader makes a space of it, which no token holds (a token is matched trimmed).
 */
final class DecodedText {
    /** A layer that decodes to another is decoded again; a reader decodes once, a chain of readers a few times. */
    private static final int MOST_LAYERS = 4;
    /**
     * The HTML named character references that stand for ASCII (WHATWG's list): a key holds only ASCII, and {@code &amp;}
     * or {@code &percnt;} may hide a further encoding. Browsers also read the first four without a semicolon.
     */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("AMP", "&"), Map.entry("lt", "<"), Map.entry("LT", "<"), Map.entry("gt", ">"), Map.entry("GT", ">"),
            Map.entry("quot", "\""), Map.entry("QUOT", "\""), Map.entry("apos", "'"), Map.entry("Tab", "\t"), Map.entry("NewLine", "\n"),
            Map.entry("excl", "!"), Map.entry("num", "#"), Map.entry("dollar", "$"), Map.entry("percnt", "%"), Map.entry("lpar", "("),
            Map.entry("rpar", ")"), Map.entry("ast", "*"), Map.entry("midast", "*"), Map.entry("plus", "+"), Map.entry("comma", ","),
            Map.entry("period", "."), Map.entry("sol", "/"), Map.entry("colon", ":"), Map.entry("semi", ";"), Map.entry("equals", "="),
            Map.entry("quest", "?"), Map.entry("commat", "@"), Map.entry("lsqb", "["), Map.entry("lbrack", "["), Map.entry("bsol", "\\"),
            Map.entry("rsqb", "]"), Map.entry("rbrack", "]"), Map.entry("Hat", "^"), Map.entry("lowbar", "_"), Map.entry("UnderBar", "_"),
            Map.entry("grave", "`"), Map.entry("DiacriticalGrave", "`"), Map.entry("lcub", "{"), Map.entry("lbrace", "{"),
            Map.entry("verbar", "|"), Map.entry("vert", "|"), Map.entry("VerticalLine", "|"), Map.entry("rcub", "}"), Map.entry("rbrace", "}"),
            Map.entry("fjlig", "fj"));
    private static final List<String> WITHOUT_SEMICOLON = List.of("quot", "QUOT", "amp", "AMP", "lt", "LT", "gt", "GT");
    private static final int LONGEST_NAME = 16;
    private static final String BEARER = "bearer";
    /** What {@code decodeAt} returns where nothing decodes. */
    private static final long NOTHING = -1L;
    /** A code point no escape yields: the decoding is a named reference, looked up again when it is replaced. */
    private static final int NAMED_MARK = -2;

    private final String original;
    private final String decoded;
    /** Each layer's decodings, from the original's first decoding to the last; empty when nothing decodes. */
    private final List<Layer> layers;

    private DecodedText(String original, String decoded, List<Layer> layers) {
        this.original = original;
        this.decoded = decoded;
        this.layers = layers;
    }

    static DecodedText of(String text) {
        List<Layer> layers = new ArrayList<>();
        String current = text;
        for (int i = 0; i < MOST_LAYERS; i++) {
            Layer layer = Layer.decode(current);
            if (layer == null) {
                break;
            }
            layers.add(layer);
            current = layer.decoded;
        }
        return new DecodedText(text, current, layers);
    }

    /** What the readers read. */
    String text() {
        return decoded;
    }

    /**
     * Whether a decoded character could be part of a credential: an ASCII letter or digit, {@code _} or {@code -}, a
     * character of a known token ({@code alsoPartOf}), or a space right after "bearer". Escapes that decode to nothing of
     * the kind (a reply's {@code \\n} and {@code \"}, its Chinese text u-escaped, {@code &amp;}) need no search.
     */
    boolean mayHideACredential(String alsoPartOf) {
        for (Layer layer : layers) {
            for (int place = 0; place < layer.at.length; place++) {
                for (int i = layer.at[place]; i < layer.at[place] + layer.length[place]; i++) {
                    if (mayBePartOfACredential(layer.decoded, i, alsoPartOf)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean mayBePartOfACredential(String text, int i, String alsoPartOf) {
        char c = text.charAt(i);
        if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-') || alsoPartOf.indexOf(c) >= 0) {
            return true;
        }
        return (Character.isWhitespace(c) || c == '+') && i >= BEARER.length() && text.regionMatches(true, i - BEARER.length(), BEARER, 0, BEARER.length());
    }

    /** The original characters that {@code [start, end)} of the decoded text came from, as {start, end}. */
    int[] originalSpan(int start, int end) {
        int from = start;
        int to = end;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            int mappedFrom = layer.sourceStart(from);
            to = layer.sourceEnd(to - 1);
            from = mappedFrom;
        }
        return new int[]{from, to};
    }

    /** Whether {@code [start, end)} of the decoded text stands in the original as it is, no character of it encoded. */
    boolean literal(int start, int end) {
        int[] span = originalSpan(start, end);
        return span[1] - span[0] == end - start && original.regionMatches(span[0], decoded, start, end - start);
    }

    /**
     * One pass of decoding, kept as the list of places that decoded: each at {@code at} in the decoded text, {@code
     * length} characters long, from {@code sourceLength} characters at {@code sourceAt}. Between two places the text is
     * as it was, so an index maps by its offset from the place before it.
     */
    private static final class Layer {
        private final String decoded;
        private final int[] at;
        private final int[] length;
        private final int[] sourceAt;
        private final int[] sourceLength;

        private Layer(String decoded, int[] at, int[] length, int[] sourceAt, int[] sourceLength) {
            this.decoded = decoded;
            this.at = at;
            this.length = length;
            this.sourceAt = sourceAt;
            this.sourceLength = sourceLength;
        }

        /** The layer under {@code text}, or null when nothing in it decodes. */
        static Layer decode(String text) {
            int first = firstIntroducer(text, 0);
            if (first < 0) {
                return null;
            }
            StringBuilder out = null;
            Places places = new Places();
            int copied = 0;
            for (int i = first; i >= 0; i = firstIntroducer(text, i)) {
                long found = decodeAt(text, i);
                if (found == NOTHING) {
                    i++;
                    continue;
                }
                int consumed = (int) (found >>> 32);
                int codePoint = (int) found;
                String replacement = codePoint == NAMED_MARK ? namedAt(text, i, consumed) : new String(Character.toChars(codePoint));
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i);
                places.add(out.length(), replacement.length(), i, consumed);
                out.append(replacement);
                i += consumed;
                copied = i;
            }
            if (out == null) {
                return null;
            }
            out.append(text, copied, text.length());
            return places.layer(out.toString());
        }

        /** Where in the source the decoded index {@code index} starts. */
        int sourceStart(int index) {
            int place = placeAtOrBefore(index);
            if (place < 0) {
                return index;
            }
            int past = at[place] + length[place];
            return index < past ? sourceAt[place] : sourceAt[place] + sourceLength[place] + (index - past);
        }

        /** Where in the source the decoded index {@code index} ends (exclusive). */
        int sourceEnd(int index) {
            int place = placeAtOrBefore(index);
            if (place < 0) {
                return index + 1;
            }
            int past = at[place] + length[place];
            return index < past ? sourceAt[place] + sourceLength[place] : sourceAt[place] + sourceLength[place] + (index - past) + 1;
        }

        private int placeAtOrBefore(int index) {
            int found = Arrays.binarySearch(at, index);
            return found >= 0 ? found : -found - 2;
        }
    }

    /** The places one layer decoded, gathered as it goes. */
    private static final class Places {
        private int[] at = new int[16];
        private int[] length = new int[16];
        private int[] sourceAt = new int[16];
        private int[] sourceLength = new int[16];
        private int count;

        void add(int decodedAt, int decodedLength, int from, int consumed) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                length = Arrays.copyOf(length, count * 2);
                sourceAt = Arrays.copyOf(sourceAt, count * 2);
                sourceLength = Arrays.copyOf(sourceLength, count * 2);
            }
            at[count] = decodedAt;
            length[count] = decodedLength;
            sourceAt[count] = from;
            sourceLength[count] = consumed;
            count++;
        }

        Layer layer(String decoded) {
            return new Layer(decoded, Arrays.copyOf(at, count), Arrays.copyOf(length, count), Arrays.copyOf(sourceAt, count),
                    Arrays.copyOf(sourceLength, count));
        }
    }

    private static int firstIntroducer(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '&') {
                return i;
            }
        }
        return -1;
    }

    /** What starts at {@code i}: (characters consumed << 32) | code point, or {@link #NOTHING}. */
    private static long decodeAt(String text, int i) {
        return switch (text.charAt(i)) {
            case '\\' -> backslash(text, i);
            case '%' -> percent(text, i);
            default -> reference(text, i);
        };
    }

    private static long backslash(String text, int i) {
        if (i + 1 >= text.length()) {
            return NOTHING;
        }
        char next = text.charAt(i + 1);
        if (next == 'u' && i + 2 < text.length() && text.charAt(i + 2) == '{') {
            int close = text.indexOf('}', i + 3);
            int value = close > i + 3 && close <= i + 9 ? hex(text, i + 3, close) : -1;
            return value >= 0 && value <= Character.MAX_CODE_POINT ? found(close + 1 - i, value) : NOTHING;
        }
        if (next == 'u' || next == 'x') {
            int digits = next == 'u' ? 4 : 2;
            int value = i + 2 + digits <= text.length() ? hex(text, i + 2, i + 2 + digits) : -1;
            return value >= 0 ? found(2 + digits, value) : NOTHING;
        }
        int control = "btnfr".indexOf(next);
        if (control >= 0) {
            return found(2, "\b\t\n\f\r".charAt(control));
        }
        // JSON's \/ \" \\, Markdown's escaped punctuation, JavaScript's escaped letter: each is the character itself
        boolean itself = next < 0x80 && (Character.isLetter(next) || (next > ' ' && next < 0x7F && !Character.isLetterOrDigit(next)));
        return itself ? found(2, next) : NOTHING;
    }

    private static long percent(String text, int i) {
        int first = i + 3 <= text.length() ? hex(text, i + 1, i + 3) : -1;
        if (first < 0) {
            return NOTHING;
        }
        if (first < 0x80) {
            return found(3, first);
        }
        int continuations = first >= 0xC2 && first <= 0xDF ? 1 : first >= 0xE0 && first <= 0xEF ? 2 : first >= 0xF0 && first <= 0xF4 ? 3 : -1;
        if (continuations < 0 || i + 3 * (continuations + 1) > text.length()) {
            return NOTHING;
        }
        int value = first & (0x3F >> continuations);
        for (int k = 1; k <= continuations; k++) {
            int at = i + 3 * k;
            int next = text.charAt(at) == '%' ? hex(text, at + 1, at + 3) : -1;
            if (next < 0x80 || next > 0xBF) {
                return NOTHING;
            }
            value = (value << 6) | (next & 0x3F);
        }
        return value <= Character.MAX_CODE_POINT ? found(3 * (continuations + 1), value) : NOTHING;
    }

    /** An HTML character reference: numeric in either base (any number of digits, the semicolon optional, as browsers read it) or named. */
    private static long reference(String text, int i) {
        if (i + 2 < text.length() && text.charAt(i + 1) == '#') {
            boolean hexBase = text.charAt(i + 2) == 'x' || text.charAt(i + 2) == 'X';
            int start = i + (hexBase ? 3 : 2);
            int end = start;
            long value = 0;
            int radix = hexBase ? 16 : 10;
            while (end < text.length() && digit(text.charAt(end), radix) >= 0) {
                value = Math.min(value * radix + digit(text.charAt(end), radix), Integer.MAX_VALUE);
                end++;
            }
            boolean valid = end > start && value > 0 && value <= Character.MAX_CODE_POINT && (value < 0xD800 || value > 0xDFFF);
            int consumed = end - i + (end < text.length() && text.charAt(end) == ';' ? 1 : 0);
            return valid ? found(consumed, (int) value) : NOTHING;
        }
        int end = i + 1;
        while (end < text.length() && end - i <= LONGEST_NAME && Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 0x80) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == ';' && NAMED.containsKey(text.substring(i + 1, end))) {
            return found(end + 1 - i, NAMED_MARK);
        }
        for (String name : WITHOUT_SEMICOLON) {
            if (text.startsWith(name, i + 1)) {
                return found(1 + name.length(), NAMED_MARK);
            }
        }
        return NOTHING;
    }

    private static String namedAt(String text, int i, int consumed) {
        String name = text.substring(i + 1, i + consumed);
        return NAMED.get(name.endsWith(";") ? name.substring(0, name.length() - 1) : name);
    }

    private static long found(int consumed, int codePoint) {
        return ((long) consumed << 32) | (codePoint & 0xFFFFFFFFL);
    }

    private static int hex(String text, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            int digit = digit(text.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** An ASCII digit's value in the radix, or -1: readers of these encodings take no other digits. */
    private static int digit(char c, int radix) {
        return c < 0x80 ? Character.digit(c, radix) : -1;
    }
}
