package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A URL in a message shows where it points, never a user name, a password, a query or a fragment. */
class ShownUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://crazyrouter.com                        | https://crazyrouter.com",
            "  http://127.0.0.1:8080/v1                     | http://127.0.0.1:8080/v1",
            "http://testuser:testpass@127.0.0.1:8080/v1     | http://***@127.0.0.1:8080/v1",
            "https://testuser@crazyrouter.com               | https://***@crazyrouter.com",
            "http://testuser:test/pa?ss#x@127.0.0.1          | http://***@127.0.0.1",
            "testuser:testpass@127.0.0.1:8080               | ***@127.0.0.1:8080",
            "https://crazyrouter.com/?key=querySecret000    | https://crazyrouter.com/?…",
            "https://crazyrouter.com/v1#querySecret000      | https://crazyrouter.com/v1#…",
            "crazyrouter.com                                | crazyrouter.com"})
    void credentialsQueryAndFragmentAreHidden(String raw, String shown) {
        assertThat(ShownUrl.of(raw), equalTo(shown));
    }
}
