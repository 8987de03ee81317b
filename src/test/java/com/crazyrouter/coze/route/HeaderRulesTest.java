package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static com.crazyrouter.coze.route.PluginToolTest.header;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Go's net/http does with the headers a builder typed (COZE.md 2: "A header value with a line break is refused
 * by Go's transport before anything is sent: net/http: invalid header field value for "<Key>"" — inferred, Go's
 * httpguts.ValidHeaderFieldValue: a control character other than a tab is invalid; Header.Set replaces).
 */
class HeaderRulesTest {

    private static void check(String value) {
        HeaderRules.refuseControlCharacters(List.of(header("Accept", "application/json"), header("Authorization", value)), error -> "seen: " + error);
    }

    @ParameterizedTest(name = "code point {0}")
    @ValueSource(ints = {'\n', '\r', 0x00, 0x1f, 0x7f})
    void aControlCharacterInAValueIsRefusedWithGosErrorForThatHeader(int c) {
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class, () -> check("Bearer " + TOKEN + (char) c));
        assertThat(refused.getMessage(), equalTo("seen: net/http: invalid header field value for \"Authorization\""));
    }

    @Test
    void aTabASpaceAndNonAsciiTextInAValuePass() {
        assertDoesNotThrow(() -> check("Bearer\t" + TOKEN + " é"));
    }

    @Test
    void setReplacesEveryValueUnderThatNameWhateverItsCase() {
        List<OutgoingRequest.Header> headers = List.of(header("authorization", "a"), header("Content-Type", "application/json"),
                header("AUTHORIZATION", "b"));
        assertThat(HeaderRules.set(headers, "Authorization", "c"), equalTo(List.of(header("Content-Type", "application/json"),
                header("Authorization", "c"))));
    }

    @Test
    void hasComparesNamesWithoutCase() {
        assertThat(HeaderRules.has(List.of(header("content-type", "text/plain")), "Content-Type"), is(true));
        assertThat(HeaderRules.has(List.of(header("Content-Length", "1")), "Content-Type"), is(false));
    }
}
