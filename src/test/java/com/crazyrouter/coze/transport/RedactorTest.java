package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String TOKEN = "sk-testRedactorCanary0000000000000000000000000000";
    private final Redactor redactor = new Redactor(List.of(new Secret("  " + TOKEN + "\n")));

    @Test
    void aTokenInTextIsMaskedHoweverItWasPasted() {
        assertThat(redactor.redact("Invalid token " + TOKEN + " (request id: 1)"), equalTo("Invalid token [REDACTED] (request id: 1)"));
        assertThat(redactor.redact("key=" + TOKEN.substring(3)), not(containsString("testRedactorCanary")));
    }

    @Test
    void aTruncatedPasteOfTheTokenIsMaskedToo() {
        String half = TOKEN.substring(0, TOKEN.length() / 2);
        assertThat(redactor.redact("Bearer " + half), not(containsString(half.substring(3))));
    }

    @Test
    void aTokenMissingOnlyItsLastCharacterOrTwoIsMaskedInMessages() {
        for (int missing = 1; missing <= 2; missing++) {
            String cut = TOKEN.substring(0, TOKEN.length() - missing);
            String message = "Expected HTTP 401 for Authorization: Bearer " + cut + ", gateway said: Invalid token " + cut + " (request id: 1)";

            String redacted = redactor.redact(message);

            assertThat(redacted, not(containsString(cut.substring(3))));
            assertThat(redacted, not(containsString("testRedactorCanary")));
            assertThat(redactor.redactHeader("Authorization", "Bearer " + cut), equalTo("Bearer sk-[REDACTED]"));
        }
    }

    @Test
    void anAuthorizationHeaderKeepsItsShapeButNoValue() {
        assertThat(redactor.redactHeader("Authorization", "bearer " + TOKEN), equalTo("bearer sk-[REDACTED]"));
        assertThat(redactor.redactHeader("authorization", "\"Bearer " + TOKEN + "\""), equalTo("\"Bearer sk-[REDACTED]\""));
        assertThat(redactor.redactHeader("Authorization", "Bearer " + TOKEN + "\n"), equalTo("Bearer sk-[REDACTED]\\n"));
    }

    @Test
    void unknownKeysAndBearerCredentialsAreMaskedByShape() {
        Redactor knowsNothing = new Redactor(List.of());
        assertThat(knowsNothing.redact("sk-testShapeOnly0000000000"), equalTo("sk-[REDACTED]"));
        assertThat(knowsNothing.redact("Authorization: Bearer abcdefghijklmnopqrstuv"), equalTo("Authorization: Bearer [REDACTED]"));
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String reply = "{\"model\":\"gpt-5.4\",\"content\":\"Reply only OK\"}";
        assertThat(redactor.redact(reply), equalTo(reply));
    }
}
