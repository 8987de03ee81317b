package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** The text as JSON, HTML and URL readers read it, and where each character of it came from. */
class DecodedTextTest {

    @Test
    void eachReadersEncodingIsDecodedInEitherCaseOfHex() {
        assertThat(DecodedText.of("\\u0073\\u006B\\u002d \\u{73} \\x4B \\/ \\\" \\- \\q").text(), equalTo("sk- s K / \" - q"));
        assertThat(DecodedText.of("&#115;&#X6B;&#x2d &#0000115 &lowbar;&UnderBar; &amp;&ampx &fjlig;").text(), equalTo("sk- s __ &&x fj"));
        assertThat(DecodedText.of("%73%6b%2D %E4%BD%A0 %F0%9F%98%80").text(), equalTo("sk- \u4f60 \uD83D\uDE00"));
    }

    @Test
    void whatNoReaderDecodesIsLeftAsItIs() {
        String text = "100% %zz %C0%80 &#; &#xD800; &unknown; &lowbar \\u12 \\x4 \\1 + plus";

        assertThat(DecodedText.of(text).text(), equalTo(text));
        assertThat(DecodedText.of(text).mayHideACredential(""), is(false));
    }

    @Test
    void anEncodingOfAnEncodingIsDecodedToo() {
        DecodedText decoded = DecodedText.of("a &amp;#115; %255Cu0073 \\u0025\\u0037\\u0033 b");

        assertThat(decoded.text(), equalTo("a s s s b"));
        assertThat(decoded.originalSpan(2, 3), equalTo(new int[]{2, 12}));
        assertThat(decoded.originalSpan(4, 5), equalTo(new int[]{13, 23}));
        assertThat(decoded.originalSpan(6, 7), equalTo(new int[]{24, 42}));
        assertThat(decoded.originalSpan(8, 9), equalTo(new int[]{43, 44}));
        assertThat(decoded.originalSpan(2, 7), equalTo(new int[]{2, 42}));
    }

    @Test
    void aSpanMapsBackToTheCharactersItCameFromAndIsLiteralOnlyWhenNoneWasEncoded() {
        DecodedText decoded = DecodedText.of("x sk\\u002dabc %F0%9F%98%80 yz");

        assertThat(decoded.text(), equalTo("x sk-abc \uD83D\uDE00 yz"));
        assertThat(decoded.originalSpan(2, 8), equalTo(new int[]{2, 13}));
        assertThat(decoded.literal(2, 4), is(true));
        assertThat(decoded.literal(2, 5), is(false));
        assertThat("both halves of a pair come from the one sequence", decoded.originalSpan(9, 10), equalTo(new int[]{14, 26}));
        assertThat(decoded.originalSpan(10, 11), equalTo(new int[]{14, 26}));
        assertThat(decoded.originalSpan(12, 14), equalTo(new int[]{27, 29}));
        assertThat(decoded.literal(12, 14), is(true));
    }

    @Test
    void onlyAnEscapeThatDecodesToWhatACredentialHoldsCallsForASearch() {
        assertThat(DecodedText.of("{\"content\":\"\\u4f60\\u597d\\n\\\"OK\\\" &amp; 100%25\"}").mayHideACredential(""), is(false));
        assertThat(DecodedText.of("\\u0073k-").mayHideACredential(""), is(true));
        assertThat(DecodedText.of("Bearer%20abc").mayHideACredential(""), is(true));
        assertThat(DecodedText.of("token%2Fpart").mayHideACredential(""), is(false));
        assertThat("a character of a known token", DecodedText.of("token%2Fpart").mayHideACredential("/"), is(true));
    }
}
