package com.crazyrouter.coze.run;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.TokenAllowlist;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The run's tokens as a scenario asks for them: a scenario that needs a kind the run lacks is skipped, saying which. */
public class Tokens {
    private final Settings settings;

    public Tokens(Settings settings) {
        this.settings = settings;
    }

    public Secret require(TokenKind kind) {
        Optional<Secret> token = settings.token(kind);
        Assumptions.assumeTrue(token.isPresent(), () -> "Skipped: this scenario needs " + kind.words() + "; set "
                + kind.environmentVariable() + " in the environment to run it.");
        return token.orElseThrow();
    }

    public Optional<Secret> find(TokenKind kind) {
        return settings.token(kind);
    }

    /** The allowlist a token is expected to have: the dedicated token's is configuration, the others have none. */
    public TokenAllowlist allowlistOf(TokenKind kind) {
        return kind == TokenKind.DEDICATED ? new TokenAllowlist(settings.expectedAllowlist()) : TokenAllowlist.NONE;
    }
}
