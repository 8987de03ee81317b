package com.crazyrouter.coze.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a run's tokens come from: a stub run's from its stub set, a live run's from the environment only, each refused
 * when it is not a token alone (the guide's placeholder, a pasted "Bearer " or "Authorization:", quotes), naming the
 * variable but never the value.
 */
final class TokenReading {
    /** What the guide's placeholder token looks like; it is never a real token. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^(bearer\\s+)?(sk-)?(x+|\\.\\.\\.|…|<.*>|your[-_ ]?(api[-_ ]?)?(key|token).*)$");
    /** A token pasted with the header's scheme: "Bearer sk-…", "bearer  sk-…", "BEARER\tsk-…". */
    private static final Pattern PASTED_SCHEME = Pattern.compile("(?isU)^bearer(\\s.*)?$");
    /** A whole header line pasted: "Authorization: Bearer sk-…". */
    private static final Pattern PASTED_HEADER = Pattern.compile("(?isU)^authorization\\s*:.*$");

    private TokenReading() {
    }

    /** The fake tokens a stub set declares in its tokens.properties. */
    static Map<TokenKind, Secret> fromStubSet(Path stubRoot) {
        Path file = stubRoot.resolve("tokens.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("The stub set has no readable " + file
                    + " (its fake tokens: dedicated, unrestricted, expired): " + e.getMessage());
        }
        Map<TokenKind, Secret> tokens = new EnumMap<>(TokenKind.class);
        for (TokenKind kind : TokenKind.values()) {
            String value = properties.getProperty(kind.stubKey());
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(file + " has no '" + kind.stubKey() + "=' line; every stub set names its fake "
                        + Arrays.toString(Arrays.stream(TokenKind.values()).map(TokenKind::stubKey).toArray()) + " tokens.");
            }
            tokens.put(kind, new Secret(value.trim()));
        }
        return tokens;
    }

    /** The tokens the environment gives a live run: the dedicated one is required, each refused when it is not a token alone. */
    static Map<TokenKind, Secret> fromEnvironment(Map<String, String> environment) {
        Map<TokenKind, Secret> tokens = new EnumMap<>(TokenKind.class);
        for (TokenKind kind : TokenKind.values()) {
            String raw = environment.get(kind.environmentVariable());
            if (raw == null || raw.isBlank()) {
                if (kind == TokenKind.DEDICATED) {
                    throw new ConfigurationException(kind.environmentVariable() + " is not set: a live run needs the dedicated "
                            + "Crazyrouter token for Coze. Set it in the environment (export " + kind.environmentVariable()
                            + "=sk-...), never on the command line or in a file. Nothing was sent.");
                }
                continue;
            }
            if (PLACEHOLDER.matcher(raw.trim()).matches()) {
                throw new ConfigurationException(kind.environmentVariable() + " holds the guide's placeholder ('sk-xxx'), "
                        + "not a token: create a dedicated token for Coze in Crazyrouter and export it. Nothing was sent.");
            }
            refuseWhatIsNotTheTokenAlone(kind, raw.strip());
            tokens.put(kind, new Secret(raw.strip()));
        }
        return tokens;
    }

    /**
     * The token alone, as the guide's token page shows it: the harness writes "Bearer " in front of it, as Coze's Bearer
     * auth does, so a pasted "Bearer " would go out as "Bearer Bearer sk-…", which new-api rejects as an invalid token
     * (GATEWAY.md 5), and the guide's fix for that, a new token, would not help.
     */
    private static void refuseWhatIsNotTheTokenAlone(TokenKind kind, String value) {
        String variable = kind.environmentVariable();
        String pasteAlone = " Paste the token alone: export " + variable + "=sk-… (without \"Bearer \" and without quotes); the harness adds "
                + "\"Bearer \" itself, as Coze's Bearer auth does. Nothing was sent.";
        if (PASTED_HEADER.matcher(value).matches()) {
            throw new ConfigurationException(variable + " holds an Authorization header (\"Authorization: …\"), not the token alone." + pasteAlone);
        }
        if (PASTED_SCHEME.matcher(value).matches()) {
            throw new ConfigurationException(variable + " starts with \"Bearer\", the header's scheme, not the token." + pasteAlone);
        }
        if (value.length() >= 2 && "\"'`“‘".indexOf(value.charAt(0)) >= 0 && "\"'`”’".indexOf(value.charAt(value.length() - 1)) >= 0) {
            throw new ConfigurationException(variable + " is wrapped in quotes, which would be sent as part of the token." + pasteAlone);
        }
    }
}
