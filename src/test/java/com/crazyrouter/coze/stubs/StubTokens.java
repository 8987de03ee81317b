package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token placeholders: no stub mapping holds a token, not even a fake one. Hand-written mappings, fault overlays and
 * recorded mappings all name a token by its kind and form, and whoever serves them fills the placeholders: the stub
 * gateway with the stub set's fakes ({@code stubs/tokens.properties}), the local stand-in for production with the
 * live tokens it was given. The forms, for every token kind ({@code dedicated}, {@code unrestricted}, {@code expired}):
 * <ul>
 *   <li>{@code ${token.dedicated}}: the whole token, {@code sk-…}, as a client sends it after "Bearer ";</li>
 *   <li>{@code ${token.dedicated.withoutSk}}: the token without its leading {@code sk-};</li>
 *   <li>{@code ${token.dedicated.key}}: the part new-api looks the token up by ({@link Secret#key()}): after a leading
 *       {@code sk-}, before the first {@code -}. Mappings that recognise a token as new-api does match
 *       {@code ^(Bearer )?(sk-)?${token.dedicated.key}(-.*)?$}. For the stub set's fakes it equals {@code withoutSk},
 *       since they hold no {@code -} after {@code sk-}; for a live token it may be shorter;</li>
 *   <li>{@code ${token.dedicated.firstHalf}}: the first half of the whole token (a truncated paste).</li>
 * </ul>
 * Placeholders stand inside regular expressions as they are, with no escaping: the fake tokens hold only
 * {@code [A-Za-z0-9]} (and the {@code sk-} prefix, whose {@code -} is literal outside a character class), so a filled
 * form has no character a regex reads as an operator. The fill is plain text replacement, for a live token as well.
 * A {@code ${token…}} that names no kind or form is an error, reported with the file it is in.
 */
public final class StubTokens {
    /** Placeholder suffix → how the form is made from the whole token. */
    private static final Map<String, UnaryOperator<String>> FORMS = new LinkedHashMap<>();
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{token[^}\"\\s]*}?");

    static {
        FORMS.put("", value -> value);
        FORMS.put(".withoutSk", value -> value.startsWith("sk-") ? value.substring(3) : value);
        FORMS.put(".key", value -> new Secret(value).key());
        FORMS.put(".firstHalf", value -> value.substring(0, value.length() / 2));
    }

    private StubTokens() {
    }

    /**
     * Placeholder → the form of the token it stands for, longest form first so replacing a token by its placeholders
     * never splits it (where two forms are equal, as withoutSk and key are for the fakes, the first listed wins).
     */
    public static Map<String, String> forms(TokenKind kind, Secret token) {
        String value = token.reveal();
        List<Map.Entry<String, String>> forms = new ArrayList<>();
        FORMS.forEach((suffix, form) -> forms.add(Map.entry(placeholder(kind, suffix), form.apply(value))));
        forms.sort(Comparator.comparingInt((Map.Entry<String, String> form) -> form.getValue().length()).reversed());
        Map<String, String> ordered = new LinkedHashMap<>();
        forms.forEach(form -> ordered.put(form.getKey(), form.getValue()));
        return ordered;
    }

    /** Every placeholder there is, e.g. for a message that lists them. */
    public static List<String> placeholders() {
        List<String> all = new ArrayList<>();
        for (TokenKind kind : TokenKind.values()) {
            FORMS.keySet().forEach(suffix -> all.add(placeholder(kind, suffix)));
        }
        return all;
    }

    /** Fills every placeholder of the given tokens' kinds; anything else is left as it is. */
    public static String fill(String mapping, Map<TokenKind, Secret> tokens) {
        String out = mapping;
        for (Map.Entry<TokenKind, Secret> token : tokens.entrySet()) {
            for (Map.Entry<String, String> form : forms(token.getKey(), token.getValue()).entrySet()) {
                out = out.replace(form.getKey(), form.getValue());
            }
        }
        return out;
    }

    /**
     * Fills every placeholder, and stops with a message naming {@code source} when a {@code ${token…}} is left over:
     * a misspelt form, or a kind the tokens do not cover.
     */
    public static String fill(Path source, String mapping, Map<TokenKind, Secret> tokens) {
        String filled = fill(mapping, tokens);
        Set<String> unknown = new LinkedHashSet<>();
        Matcher leftOver = ANY_PLACEHOLDER.matcher(filled);
        while (leftOver.find()) {
            unknown.add(leftOver.group());
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Stub " + source + " has an unknown token placeholder: " + String.join(", ", unknown)
                    + ". The placeholders are " + String.join(", ", placeholders()) + ".");
        }
        return filled;
    }

    private static String placeholder(TokenKind kind, String suffix) {
        return "${token." + kind.stubKey() + suffix + "}";
    }
}
