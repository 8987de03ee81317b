package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.route.Attempt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An Authorization spelling new-api's releases read differently: either release's answer passes, anything else fails. */
class ReleaseShapeTest {
    private static final TokenAllowlist FIRST_PASS = new TokenAllowlist(List.of("gpt-5.4", "claude-sonnet-4-6"));
    private static final String CHAT = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"gpt-5.4\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,\"total_tokens\":12}}";
    private static final String INVALID_TOKEN = "{\"error\":{\"code\":\"\",\"message\":\"Invalid token (request id: 1)\",\"type\":\"new_api_error\"}}";

    @Test
    void aChatReplyIsTheNewerReleaseAndPasses() {
        ReleaseShape shape = ReleaseShape.ofAuthorization(OutcomeTest.reply(200, CHAT), "gpt-5.4", FIRST_PASS);
        assertThat(shape, equalTo(ReleaseShape.NEWER));
        shape.requireARelease(attempt(200, CHAT));
        assertThat(shape.words(), containsString("newer TokenAuth"));
    }

    @Test
    void newApisRejectionIsTheOlderReleaseAndPasses() {
        ReleaseShape shape = ReleaseShape.ofAuthorization(OutcomeTest.reply(401, INVALID_TOKEN), "gpt-5.4", FIRST_PASS);
        assertThat(shape, equalTo(ReleaseShape.OLDER));
        shape.requireARelease(attempt(401, INVALID_TOKEN));
    }

    @Test
    void theOlderReleasesChineseRejectionWithoutACodeIsTheOlderReleaseToo() {
        String older = "{\"error\":{\"message\":\"无效的令牌 (request id: 1)\",\"type\":\"new_api_error\"}}";
        assertThat(ReleaseShape.ofAuthorization(OutcomeTest.reply(401, older), "gpt-5.4", FIRST_PASS), equalTo(ReleaseShape.OLDER));
    }

    @Test
    void anyOtherAnswerIsNeitherReleaseAndFails() {
        String busy = "{\"error\":{\"code\":\"\",\"message\":\"boom\",\"type\":\"upstream_error\"}}";
        ReleaseShape shape = ReleaseShape.ofAuthorization(OutcomeTest.reply(500, busy), "gpt-5.4", FIRST_PASS);
        assertThat(shape, equalTo(ReleaseShape.NEITHER));
        ContractViolation failed = assertThrows(ContractViolation.class, () -> shape.requireARelease(attempt(500, busy)));
        assertThat(failed.getMessage(), containsString("HTTP 500"));
        assertThat(failed.row(), equalTo(Optional.of(ChecklistLine.BEARER_HEADER)));
    }

    @Test
    void aChatReplyFromAnotherModelIsNeitherRelease() {
        assertThat(ReleaseShape.ofAuthorization(OutcomeTest.reply(200, CHAT.replace("\"gpt-5.4\"", "\"gpt-5.4-mini\"")), "gpt-5.4", FIRST_PASS),
                equalTo(ReleaseShape.NEITHER));
    }

    private static Attempt attempt(int status, String body) {
        return Attempt.sent("API plugin", "gpt-5.4", OutcomeTest.reply(status, body), true, "Coze shows the failure: http request failed");
    }
}
