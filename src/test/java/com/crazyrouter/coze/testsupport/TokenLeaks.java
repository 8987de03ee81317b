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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Each encoding of one character; a backslash before any other ASCII letter or punctuation stands for it (JavaScript, Markdown, JSON's \\/). */
    private static final Pattern ENCODED = Pattern.compile("\\\\u\\{(?<uBraced>[0-9a-fA-F]{1,8})}|\\\\u(?<u>[0-9a-fA-F]{4})|\\\\x(?<x>[0-9a-fA-F]{2})"
            + "|\\\\(?<itself>[!-/:-@\\[-`{-~A-Za-z])|%(?<percent>[0-9a-fA-F]{2})|&#[xX](?<refHex>[0-9a-fA-F]+);?|&#(?<refDecimal>[0-9]+);?"
            + "|&(?<named>[A-Za-z]+);?");
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
            Matcher encoded = ENCODED.matcher(current);
            StringBuilder out = new StringBuilder(current.length());
            while (encoded.find()) {
                encoded.appendReplacement(out, Matcher.quoteReplacement(character(encoded)));
            }
            String next = encoded.appendTail(out).toString();
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

    private static String character(Matcher m) {
        String hex = m.group("uBraced") != null
                ? m.group("uBraced")
                : m.group("u") != null
                        ? m.group("u")
                        : m.group("x") != null
                                ? m.group("x")
                                : m.group("percent") != null ? m.group("percent") : m.group("refHex");
        if (hex != null) {
            return codePoint(hex, 16, m.group());
        }
        if (m.group("refDecimal") != null) {
            return codePoint(m.group("refDecimal"), 10, m.group());
        }
        if (m.group("named") != null) {
            return NAMED.getOrDefault(m.group("named"), m.group());
        }
        return m.group("itself");
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
        for (Path root : roots) {
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
