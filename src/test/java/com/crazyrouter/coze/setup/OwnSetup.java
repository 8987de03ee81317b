package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import java.util.Map;
import java.util.Optional;

/**
 * The builder's own setup a run is given (-Dcoze.setup=FILE), read as the run starts: a file that cannot be read stops
 * the run before anything is sent, as a bad setting does.
 */
public final class OwnSetup {
    /** The placeholder a setup file writes instead of the token. */
    public static final String TOKEN_PLACEHOLDER = "CRAZYROUTER_API_KEY";

    private OwnSetup() {
    }

    public static Optional<BuilderSetup> read(Settings settings) {
        // the file's {{CRAZYROUTER_API_KEY}} is the run's dedicated token: the stub's fake one offline, the environment's live
        return settings.cozeSetupFile().map(file -> SetupFile.read(file,
                Map.of(TOKEN_PLACEHOLDER, settings.token(TokenKind.DEDICATED).orElseThrow().reveal()), settings.cozeSetupTool()));
    }
}
