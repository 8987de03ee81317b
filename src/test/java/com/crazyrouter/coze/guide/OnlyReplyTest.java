package com.crazyrouter.coze.guide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnlyReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {"OK", "ok", "Ok", " OK\n", "OK.", "OK!", "OK。", "\"OK\"", "`OK`", "**OK**", "**OK.**", "\"OK.\"", "OK .", "\n\nOK\n"})
    void theWordAloneIsAReplyOfOnlyOk(String reply) {
        assertTrue(OnlyReply.says("OK", reply), reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"look", "token", "Looking into it", "OK, here is a long essay about gateways.", "OK OK", "Not OK", "OKAY", "O K", "OK?",
            "OK..", "", "  ", "\"OK", "KO"})
    void anythingMoreIsAnotherAnswer(String reply) {
        assertFalse(OnlyReply.says("OK", reply), reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PONG", "pong.", "**PONG**"})
    void anyWordReadsTheSameWay(String reply) {
        assertTrue(OnlyReply.says("PONG", reply));
        assertFalse(OnlyReply.says("OK", reply));
    }

    @org.junit.jupiter.api.Test
    void noReplyIsNotOk() {
        assertFalse(OnlyReply.says("OK", null));
    }
}
