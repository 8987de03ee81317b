package com.crazyrouter.coze.testsupport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Canary tokens a child run is given, searched for where a run could leak them: every file under the given folders
 * (its reports among them) and its output. A token counts as leaked whole or in part (its first half), written plainly
 * or in any form a reader decodes back to it: u-escapes and other backslash escapes (JSON, JavaScript, Markdown),
 * HTML character references, percent-encoding, in either case and mixed with plain characters, one inside another.
 * A failure names the files (and whether the token was in disguise there), never the token.
 *
 * <p>The decoding here is its own, a few regular expressions applied until nothing changes, not the redactor's: a
 * detector that shared the redactor's decoder would be blind to exactly what the redactor misses.
 */
public final class TokenLeaks {
    private static final int MOST_ROUNDS = 6;
    /** The named references that stand for what a key holds, or for a character that starts a further encoding. */
    private static final Map<String, String> NAMED = Map.of("lowbar", "_", "UnderBar", "_", "fjlig", "fj", "amp", "&", "AMP", "&", "percnt", "%",
            "bsol", "\\", "num", "#", "semi", ";", "sol", "/");

    private TokenLeaks() {
    }

    /** What to search for: each token's key, and its first half (a token cut short still leaks). */
    public static List<String> needles(Collection<Secret> canaries) {
        List<String> needles = new ArrayList<>();
        for (Secret canary : canaries) {
            needles.add(canary.key());
            needles.add(canary.key().substring(0, canary.key().length() / 2));
        }
        return needles;
    }

    /** Where a needle is in {@code text}: "plainly", "in disguise" (only once decoded), or nothing. */
    public static Optional<String> found(String text, List<String> needles) {
        if (needles.stream().anyMatch(text::contains)) {
            return Optional.of("plainly");
        }
        String decoded = decoded(text);
        return needles.stream().anyMatch(decoded::contains) ? Optional.of("in disguise") : Optional.empty();
    }

    /**
     * {@code text} as its readers would read it, each encoding decoded until none is left (bounded: an encoding
     * nested deeper than that is no one's reading). Over-decoding is safe here: it can only find more.
     */
    static String decoded(String text) {
        String current = text;
        for (int round = 0; round < MOST_ROUNDS && mayEncode(current); round++) {
            String next = decodedOnce(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static boolean mayEncode(String text) {
        return text.indexOf('\\') >= 0 || text.indexOf('%') >= 0 || text.indexOf('&') >= 0;
    }

    /**
     * One round: every encoding of one character, found left to right and not overlapping, replaced by what it stands
     * for. Each is tried where it can start, in the order below; a number that names no character is left as written.
     * <ul>
     * <li>a backslash: "u{" with 1 to 8 hex digits and "}", "u" with 4 hex digits, "x" with 2, or any other ASCII letter or
     * punctuation, which stands for itself (JavaScript, Markdown, JSON's escaped slash);</li>
     * <li>a per cent sign with 2 hex digits;</li>
     * <li>an ampersand: "#x" with hex digits, "#" with decimal ones (the closing semicolon optional), or a name ({@link #NAMED};
     * any other name is left as written).</li>
     * </ul>
     * Written by hand rather than as one regular expression: the self-check searches tens of megabytes of reports, and
     * each Cucumber HTML report (2 MB of JavaScript full of backslashes) took the expression about a second.
     */
    static String decodedOnce(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            int end = c == '\\' ? afterBackslash(text, i, out) : c == '%' ? afterPercent(text, i, out) : c == '&' ? afterAmpersand(text, i, out) : -1;
            if (end < 0) {
                out.append(c);
                i++;
            } else {
                i = end;
            }
        }
        return out.toString();
    }

    /** Where the encoding that starts with the backslash at {@code at} ends, its character appended; -1 for none. */
    private static int afterBackslash(String text, int at, StringBuilder out) {
        if (at + 1 >= text.length()) {
            return -1;
        }
        char next = text.charAt(at + 1);
        if (next == 'u' && at + 2 < text.length() && text.charAt(at + 2) == '{') {
            int digits = hexRun(text, at + 3, 8);
            int close = at + 3 + digits;
            if (digits > 0 && close < text.length() && text.charAt(close) == '}') {
                return appended(out, codePoint(text.substring(at + 3, close), 16, text.substring(at, close + 1)), close + 1);
            }
        }
        if (next == 'u' && hexRun(text, at + 2, 4) == 4) {
            return appended(out, codePoint(text.substring(at + 2, at + 6), 16, text.substring(at, at + 6)), at + 6);
        }
        if (next == 'x' && hexRun(text, at + 2, 2) == 2) {
            return appended(out, codePoint(text.substring(at + 2, at + 4), 16, text.substring(at, at + 4)), at + 4);
        }
        if (next > ' ' && next < 0x7f && !(next >= '0' && next <= '9')) {
            out.append(next);
            return at + 2;
        }
        return -1;
    }

    private static int afterPercent(String text, int at, StringBuilder out) {
        return hexRun(text, at + 1, 2) == 2 ? appended(out, codePoint(text.substring(at + 1, at + 3), 16, text.substring(at, at + 3)), at + 3) : -1;
    }

    private static int afterAmpersand(String text, int at, StringBuilder out) {
        int length = text.length();
        if (at + 1 < length && text.charAt(at + 1) == '#') {
            boolean hex = at + 2 < length && (text.charAt(at + 2) == 'x' || text.charAt(at + 2) == 'X');
            if (hex) {
                int digits = hexRun(text, at + 3, Integer.MAX_VALUE);
                if (digits > 0) {
                    int end = withSemicolon(text, at + 3 + digits);
                    return appended(out, codePoint(text.substring(at + 3, at + 3 + digits), 16, text.substring(at, end)), end);
                }
            }
            int digits = run(text, at + 2, ch -> ch >= '0' && ch <= '9');
            if (digits > 0) {
                int end = withSemicolon(text, at + 2 + digits);
                return appended(out, codePoint(text.substring(at + 2, at + 2 + digits), 10, text.substring(at, end)), end);
            }
            return -1;
        }
        int letters = run(text, at + 1, ch -> ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z');
        if (letters == 0) {
            return -1;
        }
        int end = withSemicolon(text, at + 1 + letters);
        return appended(out, NAMED.getOrDefault(text.substring(at + 1, at + 1 + letters), text.substring(at, end)), end);
    }

    private static int withSemicolon(String text, int at) {
        return at < text.length() && text.charAt(at) == ';' ? at + 1 : at;
    }

    private static int appended(StringBuilder out, String decoded, int end) {
        out.append(decoded);
        return end;
    }

    /** How many hex digits start at {@code from}, counting no further than {@code most}. */
    private static int hexRun(String text, int from, int most) {
        int count = 0;
        while (count < most && from + count < text.length() && Character.digit(text.charAt(from + count), 16) >= 0 && text.charAt(from + count) < 0x80) {
            count++;
        }
        return count;
    }

    private static int run(String text, int from, java.util.function.IntPredicate allowed) {
        int count = 0;
        while (from + count < text.length() && allowed.test(text.charAt(from + count))) {
            count++;
        }
        return count;
    }

    /** The character of a number written with any leading zeros, or the text as written when it names none. */
    private static String codePoint(String digits, int radix, String asWritten) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        long value = significant.length() > 8 ? Long.MAX_VALUE : Long.parseLong(significant, radix);
        return value > 0 && value <= Character.MAX_CODE_POINT ? new String(Character.toChars((int) value)) : asWritten;
    }

    /** {@code text} with every needle masked, so a message about a leak leaks nothing itself. */
    public static String masked(String text, List<String> needles) {
        String masked = text;
        for (String needle : needles) {
            masked = masked.replace(needle, "[CANARY]");
        }
        return masked;
    }

    public static void assertNoneIn(ChildRun run, Collection<Secret> canaries, List<Path> roots) throws IOException {
        List<String> needles = needles(canaries);
        List<String> hits = new ArrayList<>();
        int searched = 0;
        for (Path root : outermost(roots)) {
            for (Path file : filesUnder(root)) {
                Optional<String> text = readIfStillThere(file);
                searched += text.isPresent() ? 1 : 0;
                text.flatMap(content -> found(content, needles)).ifPresent(how -> hits.add(file + " (" + how + ")"));
            }
        }
        found(run.output(), needles).ifPresent(how -> hits.add("captured output (" + how + ")"));
        System.out.println("Redaction check: " + searched + " files under " + roots + " searched, plus the output: " + hits.size() + " with a token");
        assertThat("files or output that contain a token", hits, is(empty()));
    }

    /** The roots that lie inside no other one (a run's work folder under target/ is searched once, not twice). */
    static List<Path> outermost(List<Path> roots) {
        List<Path> absolute = roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList();
        return absolute.stream().filter(root -> absolute.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other))).toList();
    }

    /** The files under a folder, skipping any that the other end-to-end tests, running alongside, delete meanwhile. */
    private static List<Path> filesUnder(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.toString().endsWith(".jar") && !file.toString().endsWith(".class")) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException gone) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static Optional<String> readIfStillThere(Path file) throws IOException {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty(); // deleted by a run alongside after the walk: nothing of it is left to leak
        }
    }
}
