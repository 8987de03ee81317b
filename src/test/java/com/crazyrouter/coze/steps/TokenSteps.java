package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.TokenAllowlist;
import io.cucumber.java.en.Given;
import org.junit.jupiter.api.Assumptions;
import java.util.Optional;

/** Which token the Coze builder pasted, and how they filled the Authorization header. */
public class TokenSteps {
    private static final String WRONG_TOKEN = "sk-testCozeWrongToken000000000000000000000000000";
    private final ScenarioState state;

    public TokenSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("a dedicated Crazyrouter token for Coze")
    public void dedicatedToken() {
        state.useToken(TokenKind.DEDICATED);
    }

    @Given("a Crazyrouter token that allows every model")
    public void unrestrictedToken() {
        state.useToken(TokenKind.UNRESTRICTED);
    }

    @Given("the Coze token's allowlist leaves out {model}")
    public void allowlistLeavesOut(String model) {
        TokenAllowlist expected = state.allowlistOf(TokenKind.DEDICATED);
        Assumptions.assumeFalse(expected.allows(model), () -> "Skipped: the Coze token is expected to allow " + model
                + " (crazyrouter.token.allowedModels: " + (expected.restricted() ? String.join(", ", expected.models()) : "empty, no allowlist")
                + "), so Crazyrouter has no reason to refuse it.");
    }

    @Given("the Coze token is {word}")
    public void tokenProblem(String problem) {
        String token = switch (problem) {
            case "wrong" -> WRONG_TOKEN;
            case "expired" -> state.token(TokenKind.EXPIRED).reveal();
            default -> throw new IllegalArgumentException("Unknown token problem '" + problem + "': say wrong or expired");
        };
        state.changeSetup(state.setup().withAuthorization(Optional.of("Bearer " + token)));
    }

    @Given("the Coze token was copied incompletely")
    public void truncatedToken() {
        String token = state.token(TokenKind.DEDICATED).reveal();
        state.changeSetup(state.setup().withAuthorization(Optional.of("Bearer " + token.substring(0, token.length() / 2))));
    }

    /**
     * The header as typed. {token} stands for the dedicated token, {token without sk-} for it without its prefix,
     * {first half of token} for a truncated paste, and \n for a line break carried over from copy-paste.
     */
    @Given("the Authorization header is filled as {string}")
    public void authorizationFilledAs(String typed) {
        String token = state.token(TokenKind.DEDICATED).reveal();
        String value = typed
                .replace("{token without sk-}", token.startsWith("sk-") ? token.substring(3) : token)
                .replace("{first half of token}", token.substring(0, token.length() / 2))
                .replace("{token}", token)
                .replace("\\n", "\n");
        state.changeSetup(state.setup().withAuthorization(Optional.of(value)));
    }

    @Given("the Authorization header is left out")
    public void noAuthorization() {
        state.changeSetup(state.setup().withAuthorization(Optional.empty()));
    }
}
