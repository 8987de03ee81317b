package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.TokenAllowlist;
import com.crazyrouter.coze.route.TypedAuthorization;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.Tokens;
import io.cucumber.java.en.Given;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Which token the Coze builder pasted, and how they filled the Authorization header. */
public class TokenSteps {
    private static final String WRONG_TOKEN = "sk-testCozeWrongToken000000000000000000000000000";
    private static final Map<String, String> COPIED_WITHOUT = Map.of("its last character", "{token without its last character}",
            "its last 2 characters", "{token without its last 2 characters}", "its second half", "{first half of token}");
    private final CozeNode node;
    private final Tokens tokens;

    public TokenSteps(CozeNode node, Tokens tokens) {
        this.node = node;
        this.tokens = tokens;
    }

    @Given("a dedicated Crazyrouter token for Coze")
    public void dedicatedToken() {
        node.useToken(TokenKind.DEDICATED);
    }

    @Given("a Crazyrouter token that allows every model")
    public void unrestrictedToken() {
        node.useToken(TokenKind.UNRESTRICTED);
    }

    @Given("the Coze token's allowlist leaves out {model}")
    public void allowlistLeavesOut(String model) {
        TokenAllowlist expected = tokens.allowlistOf(TokenKind.DEDICATED);
        Assumptions.assumeFalse(expected.allows(model), () -> "Skipped: the Coze token is expected to allow " + model
                + " (crazyrouter.token.allowedModels: " + expected.words() + "), so Crazyrouter has no reason to refuse it.");
    }

    @Given("the Coze token is {tokenProblem}")
    public void tokenProblem(TokenProblem problem) {
        String token = problem == TokenProblem.WRONG ? WRONG_TOKEN : tokens.require(TokenKind.EXPIRED).reveal();
        node.change(setup -> setup.withAuthorization(Optional.of("Bearer " + token)));
    }

    /** A paste that left the end of the token behind; {@link TypedAuthorization} cuts it. */
    @Given("^the Coze token was copied without (its last character|its last 2 characters|its second half)$")
    public void truncatedToken(String missing) {
        authorizationFilledAs("Bearer " + COPIED_WITHOUT.get(missing));
    }

    /** The header as typed: {@link TypedAuthorization} says what its placeholders stand for. */
    @Given("the Authorization header is filled as {string}")
    public void authorizationFilledAs(String typed) {
        String value = TypedAuthorization.fill(typed, tokens.require(TokenKind.DEDICATED));
        node.change(setup -> setup.withAuthorization(Optional.of(value)));
    }

    @Given("the Authorization header is left out")
    public void noAuthorization() {
        node.change(setup -> setup.withAuthorization(Optional.empty()));
    }

    /** The two ways a pasted token goes wrong that need a token of their own. */
    public enum TokenProblem {
        WRONG, EXPIRED
    }
}
