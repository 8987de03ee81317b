package com.crazyrouter.coze.route;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's status text as Coze prints it: the node's "status=%v" is response.Status, the plugin's "status=%s" is resty's
 * Status() — "401 Unauthorized" (COZE.md 4.2, 4.3); the statuses are the gateway's (GATEWAY.md 4, 7).
 */
class StatusTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "200|200 OK", "301|301 Moved Permanently", "307|307 Temporary Redirect", "400|400 Bad Request", "401|401 Unauthorized",
            "403|403 Forbidden", "404|404 Not Found", "413|413 Request Entity Too Large", "429|429 Too Many Requests",
            "500|500 Internal Server Error", "502|502 Bad Gateway", "503|503 Service Unavailable", "504|504 Gateway Timeout"})
    void aGatewayStatusIsPrintedWithGosText(int status, String shown) {
        assertThat(StatusText.of(status), equalTo(shown));
    }
}
