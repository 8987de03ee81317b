package com.crazyrouter.coze.route;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The parse a workflow node's rendered JSON body goes through before anything is sent (coze-studio, httprequester
 * ToCallbackInput: sonic.Unmarshal into a map; node_runner.go onStart; COZE.md 4.1).
 */
class PreSendJsonTest {
    private static final String BEFORE = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"";
    private static final String AFTER = "\"}]}";

    private static String body(String content) {
        return BEFORE + content + AFTER;
    }

    private static CozeRefusedToSend refused(String body) {
        return assertThrows(CozeRefusedToSend.class, () -> PreSendJson.check(body));
    }

    @Test
    void aValidObjectPasses() {
        assertDoesNotThrow(() -> PreSendJson.check(body("Hello")));
    }

    // the runner wraps a plain error as "Workflow execution failure: {cause}"; sonic's SyntaxError is %q-quoted
    @Test
    void aQuoteInsideAStringFailsWithSonicsSyntaxErrorInCozesFailureText() {
        assertThat(refused(body("Say \"hi\"")).getMessage(), startsWith("Workflow execution failure: \"Syntax error at index "));
    }

    // sonic's ValidateString is off in Coze's config, so unescaped control characters inside a string pass
    @Test
    void aRawLineBreakInsideAStringPasses() {
        assertDoesNotThrow(() -> PreSendJson.check(body("First line\nSecond line")));
    }

    @Test
    void aRawTabInsideAStringPasses() {
        assertDoesNotThrow(() -> PreSendJson.check(body("name\tprice")));
    }

    @Test
    void anInvalidBackslashEscapeFails() {
        assertThat(refused(body("C:\\Users\\coze")).getMessage(), startsWith("Workflow execution failure: "));
    }

    @Test
    void aValidBackslashEscapePasses() {
        assertDoesNotThrow(() -> PreSendJson.check(body("C:\\\\Users \\n \\\" \\u00e9")));
    }

    // unmarshal into a map: a top-level array is not an object
    @Test
    void aTopLevelArrayFails() {
        assertThat(refused("[" + body("Hello") + "]").getMessage(), containsString("not a JSON object"));
    }

    @Test
    void aBodyLeftUnfinishedFails() {
        assertThat(refused(BEFORE + "Hello").getMessage(), startsWith("Workflow execution failure: "));
    }

    // sonic's frozenConfig.Unmarshal ends with dec.CheckTrailings(): anything but white space after the value is a
    // SyntaxError. An input that closes the JSON early (x"}]}) leaves the template's own "}]} behind it.
    @Test
    void textAfterTheObjectFails() {
        assertThat(refused(body("x\"}]}")).getMessage(), startsWith("Workflow execution failure: \"Syntax error"));
    }

    @Test
    void whiteSpaceAfterTheObjectPasses() {
        assertDoesNotThrow(() -> PreSendJson.check(body("Hello") + " \n"));
    }
}
