package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes tokens from anything the harness writes: console, assertion messages, Allure attachments, files
 * under reports/. It knows the run's tokens (as pasted, trimmed, and the key new-api looks up), catches a
 * truncated paste of them, and masks anything shaped like an sk- key or a Bearer credential besides: written plainly,
 * or in any form a JSON, HTML or URL reader decodes back to it (a gateway may echo a token u-escaped, written
 * {@code \\u0073k-…} in this source, or as {@code &#115;k-…} or {@code %73k-…}). It looks for them in the text as those
 * readers read it ({@link DecodedText}) and masks the characters a token came from, however few of them are encoded.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie");
    private static final Pattern WORD_RUN = Pattern.compile("[A-Za-z0-9_]{8,}");
    private static final Pattern KEY_SHAPED = Pattern.compile("sk-[A-Za-z0-9_]{12,}");
    /** After the scheme, spaces or a query string's {@code +} (a space to a URL reader). */
    private static final Pattern BEARER_CREDENTIAL = Pattern.compile("(?i)(bearer(?:\\s++|\\+++))(?!\\[REDACTED\\])[^\\s\"',;]{12,}");
    private static final Pattern BEARER_IN_DISGUISE = Pattern.compile("(?i)bearer(?:\\s++|\\+++)(?!\\[REDACTED\\])([^\\s\"',;]{12,})");
    private static final Pattern HEADER_WORD = Pattern.compile("[A-Za-z0-9_]{4,}");

    private final List<String> secrets;
    private final List<String> keys;
    /** Every character of a known token: one of them decoded may be part of a token in disguise. */
    private final String secretCharacters;

    public Redactor(Collection<Secret> known) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> keyParts = new LinkedHashSet<>();
        for (Secret secret : known) {
            values.add(secret.reveal());
            values.add(secret.reveal().strip());
            if (secret.key().length() >= 8) {
                keyParts.add(secret.key());
            }
        }
        values.removeIf(String::isEmpty);
        values.addAll(keyParts);
        this.secrets = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.keys = List.copyOf(keyParts);
        // a token's whitespace as pasted is no part of it: its trimmed form is searched for too
        this.secretCharacters = secrets.stream().flatMapToInt(String::chars).filter(c -> !Character.isWhitespace(c)).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = withoutDisguises(text);
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = replaceRuns(out);
        out = KEY_SHAPED.matcher(out).replaceAll("sk-" + Matcher.quoteReplacement(MASK));
        return BEARER_CREDENTIAL.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** A credential header keeps its shape ("bearer sk-..." stays visibly lower case) but loses every value. */
    public String redactHeader(String name, String value) {
        if (value == null || !SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return redact(value);
        }
        Matcher words = HEADER_WORD.matcher(withoutDisguises(value));
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            words.appendReplacement(out, word.equalsIgnoreCase("bearer") ? word : Matcher.quoteReplacement(MASK));
        }
        words.appendTail(out);
        return out.toString().replace("\n", "\\n").replace("\r", "\\r");
    }

    /** A truncated paste: any long run of key characters that is part of a known key. */
    private String replaceRuns(String text) {
        if (keys.isEmpty()) {
            return text;
        }
        Matcher runs = WORD_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (runs.find()) {
            String run = runs.group();
            runs.appendReplacement(out, Matcher.quoteReplacement(partOfKey(run) ? MASK : run));
        }
        runs.appendTail(out);
        return out.toString();
    }

    private boolean partOfKey(String run) {
        return keys.stream().anyMatch(key -> key.contains(run));
    }

    /**
     * The text with every token that some encoding hides masked whole, from its first encoded or plain character to its
     * last: whatever the plain passes after it would mask (a known token, part of a key, an sk- key, a Bearer
     * credential), found in the text as its readers decode it. What stands plainly is left to those passes, so plain text
     * reads as it always did.
     */
    private String withoutDisguises(String text) {
        if (text == null) {
            return null;
        }
        DecodedText decoded = DecodedText.of(text);
        if (!decoded.mayHideACredential(secretCharacters)) {
            return text;
        }
        String view = decoded.text();
        List<int[]> masks = new ArrayList<>();
        for (String secret : secrets) {
            for (int at = view.indexOf(secret); at >= 0; at = view.indexOf(secret, at + 1)) {
                maskIfDisguised(decoded, at, at + secret.length(), at, masks);
            }
        }
        if (!keys.isEmpty()) {
            for (Matcher runs = WORD_RUN.matcher(view); runs.find();) {
                if (partOfKey(runs.group())) {
                    maskIfDisguised(decoded, runs.start(), runs.end(), runs.start(), masks);
                }
            }
        }
        for (Matcher keyShaped = KEY_SHAPED.matcher(view); keyShaped.find();) {
            maskIfDisguised(decoded, keyShaped.start(), keyShaped.end(), keyShaped.start(), masks);
        }
        // the scheme may be the disguised part ("Bearer%20…"): judged on the whole match, only the credential masked
        for (Matcher bearer = BEARER_IN_DISGUISE.matcher(view); bearer.find();) {
            maskIfDisguised(decoded, bearer.start(), bearer.end(), bearer.start(1), masks);
        }
        return masks.isEmpty() ? text : masked(text, masks);
    }

    private static void maskIfDisguised(DecodedText decoded, int start, int end, int maskFrom, List<int[]> masks) {
        if (!decoded.literal(start, end)) {
            masks.add(decoded.originalSpan(maskFrom, end));
        }
    }

    /** {@code text} with each span (overlapping ones joined) replaced by one mask. */
    private static String masked(String text, List<int[]> spans) {
        spans.sort(Comparator.comparingInt((int[] span) -> span[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            for (i++; i < spans.size() && spans.get(i)[0] <= end; i++) {
                end = Math.max(end, spans.get(i)[1]);
            }
            out.append(text, copied, start).append(MASK);
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
