package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A live run's token comes from the environment alone, and only a token alone is taken: the message names the variable, never the value. */
class TokenReadingTest {
    @Test
    void aLiveRunWithoutATokenSaysHowToSetIt() {
        assertThat(refused(Map.of()), containsString("CRAZYROUTER_API_KEY is not set"));
        assertThat(refused(Map.of("CRAZYROUTER_API_KEY", "  ")), containsString("export CRAZYROUTER_API_KEY=sk-..."));
    }

    @Test
    void theGuidesPlaceholderIsNotAToken() {
        for (String placeholder : List.of("sk-xxx", "Bearer sk-xxx", "sk-xxxxxxxx", "<your key>")) {
            assertThat(placeholder, refused(Map.of("CRAZYROUTER_API_KEY", placeholder)), containsString("placeholder"));
        }
    }

    @Test
    void aTokenPastedWithWhitespaceIsTrimmed() {
        Map<TokenKind, Secret> tokens = read(Map.of("CRAZYROUTER_API_KEY", " sk-testTrimmed0000000000\n"));
        assertThat(tokens.get(TokenKind.DEDICATED).reveal(), equalTo("sk-testTrimmed0000000000"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Bearer sk-testPasted000000", "bearer sk-testPasted000000", "BEARER  sk-testPasted000000", "Bearer\tsk-testPasted000000",
            " Bearer sk-testPasted000000\n", "Bearer", "Authorization: Bearer sk-testPasted000000", "authorization:sk-testPasted000000",
            "\"sk-testPasted000000\"", "'sk-testPasted000000'"})
    void aTokenPastedWithItsSchemeOrQuotesIsRefusedSayingToPasteItAlone(String pasted) {
        String message = refused(Map.of("CRAZYROUTER_API_KEY", pasted));
        assertThat(message, allOf(containsString("Paste the token alone: export CRAZYROUTER_API_KEY=sk-… (without \"Bearer \""),
                containsString("Nothing was sent."), not(containsString("testPasted")), not(containsString("new token"))));
    }

    @Test
    void everyTokenVariableIsReadTheSameWay() {
        Map<String, String> environment = Map.of("CRAZYROUTER_API_KEY", "sk-testSettings000000000000", "CRAZYROUTER_UNRESTRICTED_API_KEY",
                "Bearer sk-testUnrestricted000000");
        assertThat(refused(environment), allOf(containsString("CRAZYROUTER_UNRESTRICTED_API_KEY starts with \"Bearer\""),
                not(containsString("testUnrestricted"))));
    }

    @Test
    void aTokenThatOnlyBeginsWithTheLettersOfBearerIsAToken() {
        assertThat(read(Map.of("CRAZYROUTER_API_KEY", "bearerish-testToken000")).get(TokenKind.DEDICATED).reveal(),
                equalTo("bearerish-testToken000"));
    }

    private static Map<TokenKind, Secret> read(Map<String, String> environment) {
        return TokenReading.fromEnvironment(environment);
    }

    private static String refused(Map<String, String> environment) {
        return assertThrows(ConfigurationException.class, () -> read(environment)).getMessage();
    }
}
