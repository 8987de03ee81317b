package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Secret;
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
 * truncated paste of them, and masks anything shaped like an sk- key or a Bearer credential besides.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie");
    private static final Pattern WORD_RUN = Pattern.compile("[A-Za-z0-9_]{8,}");
    private static final Pattern KEY_SHAPED = Pattern.compile("sk-[A-Za-z0-9_]{12,}");
    private static final Pattern BEARER_CREDENTIAL = Pattern.compile("(?i)(bearer\\s+)(?!\\[REDACTED\\])[^\\s\"',;]{12,}");
    private static final Pattern HEADER_WORD = Pattern.compile("[A-Za-z0-9_]{4,}");

    private final List<String> secrets;
    private final List<String> keys;

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
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
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
        Matcher words = HEADER_WORD.matcher(value);
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
            boolean partOfKey = keys.stream().anyMatch(key -> key.contains(run));
            runs.appendReplacement(out, Matcher.quoteReplacement(partOfKey ? MASK : run));
        }
        runs.appendTail(out);
        return out.toString();
    }
}
