package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.crazyrouter.coze.config.Secret;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
    private static final String TOKEN = "sk-testRedactorCanary0000000000000000000000000000";
    private static final String MASK = Redactor.MASK;
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

    /** Every way a JSON, HTML or URL reader (or a chain of them) reads the token back, each in a gateway's error message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void aTokenInAnyDisguiseAReaderDecodesIsMasked(String disguise, String written) {
        String body = "{\"error\":{\"message\":\"Invalid token " + written + " (request id: 1)\",\"type\":\"new_api_error\"}}";

        String redacted = redactor.redact(body);

        assertThat(redacted, equalTo("{\"error\":{\"message\":\"Invalid token [REDACTED] (request id: 1)\",\"type\":\"new_api_error\"}}"));
        assertThat(redactor.redactHeader("X-Echo", written), equalTo(MASK));
        assertThat(redactor.redact("Authorization: Bearer " + written), equalTo("Authorization: Bearer " + MASK));
    }

    static Stream<Arguments> disguises() {
        return Stream.of(
                arguments("every character \\u-escaped, lower-case hex", each(TOKEN, c -> String.format("\\u%04x", (int) c))),
                arguments("every character \\u-escaped, upper-case hex", each(TOKEN, c -> String.format("\\u%04X", (int) c))),
                arguments("one character in three \\u-escaped", everyThird(TOKEN, c -> String.format("\\u%04x", (int) c))),
                arguments("only the s of sk-", "\\u0073" + TOKEN.substring(1)),
                arguments("one character in the middle", TOKEN.substring(0, 20) + "\\u" + String.format("%04X", (int) TOKEN.charAt(20)) + TOKEN.substring(21)),
                arguments("\\u{…} and \\x escapes",
                        each(TOKEN.substring(0, 9), c -> String.format("\\u{%x}", (int) c)) + each(TOKEN.substring(9), c -> String.format("\\x%02X", (int) c))),
                arguments("JSON's \\- and Markdown's escaped punctuation", TOKEN.replace("-", "\\-")),
                arguments("decimal character references", each(TOKEN, c -> "&#" + (int) c + ";")),
                arguments("hex character references, either case", everyThird(TOKEN, c -> "&#x" + Integer.toHexString(c) + ";").replace("&#x6", "&#X6")),
                arguments("character references without a semicolon, with leading zeros", each(TOKEN, c -> "&#000" + (int) c + " ").replace(" ", "")),
                arguments("percent-encoding, lower-case hex", each(TOKEN, c -> "%" + Integer.toHexString(c))),
                arguments("percent-encoding, upper-case hex, mixed with plain", everyThird(TOKEN, c -> "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT))),
                arguments("a reference written as HTML (&amp;#…)", each(TOKEN, c -> "&amp;#" + (int) c + ";")),
                arguments("a \\u-escape written as a URL (%5Cu…)", each(TOKEN, c -> String.format("%%5Cu%04x", (int) c))),
                arguments("percent-encoding \\u-escaped (\\u0025…)", each(TOKEN, c -> String.format("\\u0025%02x", (int) c))),
                arguments("percent-encoding encoded again (%2573)", each(TOKEN, c -> "%25" + Integer.toHexString(c))));
    }

    @Test
    void aNamedReferenceAndJsonsEscapedSlashAreReadBack() {
        Redactor slashed = new Redactor(List.of(new Secret("sk-testNamed_Slash/Canary000000000000")));

        assertThat(slashed.redact("token sk&#45;testNamed&lowbar;Slash\\/Canary000000000000."), equalTo("token [REDACTED]."));
        assertThat(slashed.redact("token sk-testNamed&UnderBar;Slash&sol;Canary000000000000."), equalTo("token [REDACTED]."));
    }

    @Test
    void aKeyShapedStringOrBearerCredentialInDisguiseIsMaskedThoughUnknown() {
        Redactor knowsNothing = new Redactor(List.of());

        assertThat(knowsNothing.redact("key \\u0073k-testShapeOnly0000000000."), equalTo("key [REDACTED]."));
        assertThat(knowsNothing.redact("Authorization: Bearer%20abcdefghijklmnopqrstuv"), equalTo("Authorization: Bearer%20[REDACTED]"));
        assertThat(knowsNothing.redact("?auth=Bearer+abcdefghijklmnopqrstuv"), equalTo("?auth=Bearer+[REDACTED]"));
    }

    @Test
    void escapesThatDecodeToNoTokenAreLeftAsTheyWere() {
        String reply = "{\"content\":\"\\u4f60\\u597d \\\"OK\\\" 100% &amp; more\\n\\/v1\\/chat %41%42 &#65;\"}";

        assertThat(redactor.redact(reply), equalTo(reply));
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = redactor.redact("a \\u0073" + TOKEN.substring(1) + " b %73" + TOKEN.substring(1));

        assertThat(once, equalTo("a [REDACTED] b [REDACTED]"));
        assertThat(redactor.redact(once), equalTo(once));
    }

    private static String each(String text, IntFunction<String> encoded) {
        return text.chars().mapToObj(encoded).collect(Collectors.joining());
    }

    private static String everyThird(String text, IntFunction<String> encoded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(i % 3 == 0 ? encoded.apply(text.charAt(i)) : String.valueOf(text.charAt(i)));
        }
        return out.toString();
    }
}
