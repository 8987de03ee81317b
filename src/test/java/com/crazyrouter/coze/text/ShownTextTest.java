package com.crazyrouter.coze.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a report or the console shows of a gateway's text: invisible characters escaped, and an attachment cut with a marker. */
class ShownTextTest {

    @Test
    void controlCharactersAreShownEscapedNeverRaw() {
        assertThat(ShownText.escaped("a\u0000b\u001B[31mc\u007Fd\u0085e"), equalTo("a\\x00b\\x1B[31mc\\x7Fd\\u0085e"));
    }

    @Test
    void charactersThatHideOrReorderTextAreShownEscaped() {
        assertThat(ShownText.escaped("price\u202E01$\u200B\u2028"), equalTo("price\\u202E01$\\u200B\\u2028"));
    }

    @Test
    void anUndecodableByteStaysTheReplacementCharacterAndTextStaysAsItIs() {
        String decoded = new String(new byte[]{'o', 'k', (byte) 0xFF, ' ', (byte) 0xE4, (byte) 0xBD, (byte) 0xA0}, StandardCharsets.UTF_8);

        assertThat(ShownText.escaped(decoded), equalTo("ok\uFFFD 你"));
        assertThat(ShownText.escaped("{\"content\":\"OK \\\"quoted\\\"\"} 😀"), equalTo("{\"content\":\"OK \\\"quoted\\\"\"} 😀"));
    }

    @Test
    void anAttachmentKeepsItsLinesWhileAConsoleLineEscapesThem() {
        assertThat(ShownText.escaped("data: 1\r\n\tdata: 2\rx"), equalTo("data: 1\r\n\tdata: 2\\rx"));
        assertThat(ShownText.oneLine("data: 1\r\n\tdata: 2"), equalTo("data: 1\\r\\n\\tdata: 2"));
    }

    @Test
    void aLongTextIsCutWithAMarkerSayingHowMuchThereWas() {
        String shown = ShownText.cut("x".repeat(20_971_520), 65_536);

        assertThat(shown, startsWith("x".repeat(65_536) + "\n"));
        assertThat(shown, endsWith("… cut: 20 971 520 bytes in all, first 65 536 shown"));
    }

    @Test
    void theCutCountsWhatIsShownEscapesIncludedAndNeverSplitsACharacter() {
        String shown = ShownText.cut("\u0000".repeat(100) + "你".repeat(100), 10);

        assertThat(shown, equalTo("\\x00\\x00\n… cut: 400 bytes in all, first 2 shown"));
        assertThat(ShownText.cut("你好吗", 8), equalTo("你好\n… cut: 9 bytes in all, first 6 shown"));
        assertThat(ShownText.cut("short", 10), equalTo("short"));
        assertThat(ShownText.cut("x".repeat(1_000), 100).getBytes(StandardCharsets.UTF_8).length, lessThanOrEqualTo(100 + 60));
    }
}
