package com.crazyrouter.coze.setup;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps keys out of setup files. A file names a secret only as a placeholder, {{CRAZYROUTER_API_KEY}} (upper case:
 * a secret the caller supplies; lower-case {{input}} and the like are Coze's own variables and stay as they are). An
 * upper-case environment reference as API docs write it, $CRAZYROUTER_API_KEY or ${CRAZYROUTER_API_KEY}, is the same
 * placeholder: it names a key, it is not one.
 * Anything that looks like a real key stops the read with the file and line, never the key itself. The guide's
 * placeholder sk-xxx is let through: the static check reports it as "still the guide's placeholder".
 */
final class Secrets {
    /** The secret a setup file asks for in the guide's setup. */
    static final String API_KEY = "CRAZYROUTER_API_KEY";
    static final String API_KEY_PLACEHOLDER = "{{" + API_KEY + "}}";

    /** {{NAME}}, or an environment reference $NAME / ${NAME} (upper case, as API docs and shells write them). */
    static final Pattern SECRET_PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*([A-Z][A-Z0-9_]*)\\s*\\}\\}|\\$\\{([A-Z][A-Z0-9_]*)\\}|\\$([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_])");
    /** "sk-" and 20 or more key characters, not inside a longer word (a new-api key is sk- and 48). */
    private static final Pattern SK_KEY = Pattern.compile("(?<![A-Za-z0-9_])sk-([A-Za-z0-9_\\-]{20,})");
    /** "Bearer" and a long opaque value with a digit in it (a placeholder starts with {{ or <, and stops the match). */
    private static final Pattern BEARER_VALUE = Pattern.compile("(?i)(?<![A-Za-z])bearer\\s+([A-Za-z0-9_\\-.~+/=]{20,})");
    /** The guide's placeholder and its look-alikes: sk-xxx, <your key>, your-api-key, sk-... */
    private static final Pattern GUIDE_PLACEHOLDER = Pattern.compile(
            "(?i)^(bearer\\s+)?(sk-)?(x{3,}|\\.\\.\\.|…|<[^>]*>|your[-_ ]?(api[-_ ]?)?(key|token)\\S*)$");
    private static final Pattern KEYISH = Pattern.compile("[A-Za-z0-9_\\-]{16,}");
    /**
     * The name of a key written where the key goes, YOUR_CRAZYROUTER_API_KEY or CRAZYROUTER_API_KEY: upper case and
     * underscores, no digit, as no real key is. A stand-in, never refused as a leak (and never a reason to rotate).
     */
    private static final Pattern NAME_OF_A_KEY = Pattern.compile("[A-Z]+(_[A-Z]+)+");

    private Secrets() {
    }

    /**
     * Stops at the first line that holds something shaped like a real key. The message names the file, line and
     * column and says what to write instead; it never repeats the key.
     */
    static void refuseRealKeys(Where file, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher sk = SK_KEY.matcher(lines[i]);
            while (sk.find()) {
                if (!sk.group(1).matches("(?i)x+")) {
                    throw refusal(file.at(i + 1, sk.start() + 1), "an sk- key");
                }
            }
            Matcher bearer = BEARER_VALUE.matcher(lines[i]);
            while (bearer.find()) {
                if (bearer.group(1).chars().anyMatch(Character::isDigit) && !isGuidePlaceholder(bearer.group(1))) {
                    throw refusal(file.at(i + 1, bearer.start() + 1), "a Bearer credential");
                }
            }
        }
    }

    /**
     * A credential field (a service token, an auth value, an Authorization header) written as a literal: a long
     * opaque value there is a pasted key even without "sk-" or "Bearer".
     */
    static void refuseLiteralKey(Where where, String value) {
        String literal = SECRET_PLACEHOLDER.matcher(value).replaceAll("").strip();
        literal = literal.replaceFirst("(?i)^bearer\\s+", "").replaceFirst("^sk-", "");
        if (!isGuidePlaceholder(literal) && KEYISH.matcher(literal).find() && !literal.matches("(?i)x+")) {
            throw refusal(where, "what looks like a key");
        }
    }

    private static com.crazyrouter.coze.config.ConfigurationException refusal(Where where, String what) {
        return where.fail((where.field().isEmpty() ? "This line holds " : "holds ") + what + ". A key never goes in a setup file "
                + "(files end up in Git, screenshots and shared workspaces): write " + API_KEY_PLACEHOLDER + " where the token goes, "
                + "and give the key in the " + API_KEY + " environment variable. If this file has been shared, rotate the key "
                + "in Crazyrouter now (the guide's Token Best Practices: Leak handling, Rotate immediately). Nothing was read or sent.");
    }

    /** The guide's placeholder sk-xxx, or another obvious stand-in, with or without "Bearer ". */
    static boolean isGuidePlaceholder(String value) {
        String stripped = value.strip();
        return GUIDE_PLACEHOLDER.matcher(stripped).matches() || NAME_OF_A_KEY.matcher(stripped.replaceFirst("(?i)^bearer\\s+", "")).matches();
    }

    /** Every upper-case placeholder in the file must have its secret: the first one missing stops the read. */
    static void requireSupplied(Where file, String text, Map<String, String> secrets) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = SECRET_PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                String name = name(m);
                if (Optional.ofNullable(secrets.get(name)).filter(s -> !s.isBlank()).isEmpty()) {
                    throw file.at(i + 1, m.start() + 1).fail(m.group() + " needs the secret " + name + ", which was not given: "
                            + "export " + name + "=sk-… (for " + API_KEY + ", the dedicated Crazyrouter token for Coze) before the run. "
                            + "The key itself never goes in the file.");
                }
            }
        }
    }

    /** The secret's name in {{NAME}}, ${NAME} or $NAME. */
    static String name(Matcher placeholder) {
        for (int group = 1; group <= placeholder.groupCount(); group++) {
            if (placeholder.group(group) != null) {
                return placeholder.group(group);
            }
        }
        return placeholder.group();
    }

    /** Whether a word is a secret placeholder in any of its three forms. */
    static boolean isPlaceholder(String word) {
        return SECRET_PLACEHOLDER.matcher(word).matches();
    }

    /** A credential or header value with its secret placeholders filled in (all were checked by {@link #requireSupplied}). */
    static String fill(String value, Map<String, String> secrets) {
        Matcher m = SECRET_PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(secrets.getOrDefault(name(m), m.group()).strip()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
