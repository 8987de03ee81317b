package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token placeholders in recorded stub mappings: ${token.dedicated}, ${token.dedicated.firstHalf},
 * ${token.dedicated.withoutSk} (and the same for every token kind). Recorded files hold no token, not even a fake
 * one; the stub gateway fills in its own fake tokens when it loads them.
 */
public final class StubTokens {
    private StubTokens() {
    }

    /** Placeholder → the form of the token it stands for, longest form first so replacing never splits a token. */
    public static Map<String, String> forms(TokenKind kind, Secret token) {
        String value = token.reveal();
        String name = "${token." + kind.stubKey();
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put(name + "}", value);
        forms.put(name + ".withoutSk}", value.startsWith("sk-") ? value.substring(3) : value);
        forms.put(name + ".firstHalf}", value.substring(0, value.length() / 2));
        return forms;
    }

    /** Fills every placeholder with the stub set's own tokens. */
    public static String fill(String mapping, Map<TokenKind, Secret> stubTokens) {
        String out = mapping;
        for (Map.Entry<TokenKind, Secret> token : stubTokens.entrySet()) {
            for (Map.Entry<String, String> form : forms(token.getKey(), token.getValue()).entrySet()) {
                out = out.replace(form.getKey(), form.getValue());
            }
        }
        return out;
    }
}
