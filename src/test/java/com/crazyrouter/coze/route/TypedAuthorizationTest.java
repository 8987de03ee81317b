package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.Secret;
import org.junit.jupiter.api.Test;

/**
 * An Authorization value as a scenario writes what the builder typed (features/checklist/04-authorization.feature;
 * GATEWAY.md 5 for how new-api reads each form).
 */
class TypedAuthorizationTest {
    private static final Secret SECRET = new Secret(TOKEN);

    @Test
    void theTokenPlaceholderIsTheWholeToken() {
        assertThat(TypedAuthorization.fill("Bearer {token}", SECRET), equalTo("Bearer " + TOKEN));
    }

    @Test
    void theTokenWithoutSkIsTheTokenAfterItsPrefix() {
        assertThat(TypedAuthorization.fill("Bearer {token without sk-}", SECRET), equalTo("Bearer " + TOKEN.substring(3)));
    }

    @Test
    void theFirstHalfOfTheTokenIsATruncatedPaste() {
        assertThat(TypedAuthorization.fill("Bearer {first half of token}", SECRET), equalTo("Bearer " + TOKEN.substring(0, TOKEN.length() / 2)));
    }

    @Test
    void aTokenCopiedWithoutItsLastCharacterOrTwoLosesJustThose() {
        assertThat(TypedAuthorization.fill("Bearer {token without its last character}", SECRET), equalTo("Bearer " + TOKEN.substring(0, TOKEN.length() - 1)));
        assertThat(TypedAuthorization.fill("Bearer {token without its last 2 characters}", SECRET),
                equalTo("Bearer " + TOKEN.substring(0, TOKEN.length() - 2)));
    }

    @Test
    void aCutThatLeavesNothingOrCutsNothingIsAMistakeInTheScenario() {
        assertThrows(IllegalArgumentException.class,
                () -> TypedAuthorization.fill("Bearer {token without its last " + TOKEN.length() + " characters}", SECRET));
        assertThrows(IllegalArgumentException.class, () -> TypedAuthorization.fill("Bearer {token without its last 0 characters}", SECRET));
    }

    @Test
    void aWrittenBackslashNIsALineBreakFromCopyPaste() {
        assertThat(TypedAuthorization.fill("Bearer {token}\\n", SECRET), equalTo("Bearer " + TOKEN + "\n"));
    }

    @Test
    void everythingElseStaysAsWritten() {
        assertThat(TypedAuthorization.fill("bearer  \"{token}\" ", SECRET), equalTo("bearer  \"" + TOKEN + "\" "));
    }
}
