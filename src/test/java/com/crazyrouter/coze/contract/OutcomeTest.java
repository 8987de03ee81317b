package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How each phrase resolves for a token with and without an allowlist, and which row a failure carries. */
class OutcomeTest {
    private static final TokenAllowlist FIRST_PASS = new TokenAllowlist(List.of("gpt-5.4", "claude-sonnet-4-6"));
    private static final OutgoingRequest REQUEST = new OutgoingRequest("POST", URI.create("http://127.0.0.1/v1/chat/completions"), List.of(), "{}");

    @Test
    void aMisspelledModelIsRefusedByAnAllowlistedTokenAndNotFoundWithoutOne() {
        assertThat(Outcome.UNKNOWN_MODEL_REFUSED.expect("gpt5.4", FIRST_PASS).resolved(), equalTo(Outcome.MODEL_REFUSED));
        assertThat(Outcome.UNKNOWN_MODEL_REFUSED.expect("gpt5.4", TokenAllowlist.NONE).resolved(), equalTo(Outcome.MODEL_NOT_FOUND));
    }

    @Test
    void anUnreadModelNameIsRefusedByAnAllowlistedTokenAndUnreadableWithoutOne() {
        assertThat(Outcome.MODEL_UNREADABLE.expect("gpt-5.4", FIRST_PASS).resolved(), equalTo(Outcome.MODEL_REFUSED));
        assertThat(Outcome.MODEL_UNREADABLE.expect("gpt-5.4", TokenAllowlist.NONE).resolved(), equalTo(Outcome.MODEL_UNREADABLE));
    }

    @Test
    void aModelAnswersWhenTheTokenAllowsItAndIsRefusedOtherwise() {
        assertThat(Outcome.ALLOWED_OR_REFUSED.expect("gpt-5.4", FIRST_PASS).resolved(), equalTo(Outcome.CHAT_REPLY));
        assertThat(Outcome.ALLOWED_OR_REFUSED.expect("gemini-3-pro-preview", FIRST_PASS).resolved(), equalTo(Outcome.MODEL_REFUSED));
        assertThat(Outcome.ALLOWED_OR_REFUSED.expect("gemini-3-pro-preview", TokenAllowlist.NONE).resolved(), equalTo(Outcome.CHAT_REPLY));
    }

    @Test
    void everyPhraseResolvesToAnOutcomeWithAMatcher() {
        for (Outcome outcome : Outcome.values()) {
            if (!outcome.failsInCoze()) {
                assertThat(outcome.phrase(), outcome.expect("gpt-5.4", FIRST_PASS).matcher(), instanceOf(org.hamcrest.Matcher.class));
            }
        }
    }

    @Test
    void aMissingChatReplyCarriesTheRowOfWhatHappened() {
        ContractViolation failed = assertThrows(ContractViolation.class,
                () -> Outcome.CHAT_REPLY.verify(Attempt.sent("API plugin", "gpt-5.4",
                        reply(401, "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"code\":\"\"}}"), true,
                        "Coze shows the failure: http request failed"), FIRST_PASS));
        assertThat(failed.row(), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(failed.getMessage(), containsString("Generate a new token"));
        assertThat(failed.getMessage(), containsString("What the Coze builder sees: Coze shows the failure"));
    }

    @Test
    void aWrongRejectionCarriesTheRowWhoseContractItBreaks() {
        ContractViolation failed = assertThrows(ContractViolation.class,
                () -> Outcome.TOKEN_REJECTED.verify(Attempt.sent("API plugin", "gpt-5.4",
                        reply(500, "{\"error\":{\"message\":\"boom\",\"type\":\"x\",\"code\":\"\"}}"), true, "Coze shows the failure: http request failed"),
                        FIRST_PASS));
        assertThat(failed.row(), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(failed.getMessage(), containsString("HTTP 500"));
    }

    /** new-api v0.6.x rejects with no code and in Chinese (docs/GATEWAY.md §3, §4): every rejection check passes it. */
    @Test
    void anOlderReleasesRejectionsWithoutACodeAndInChinesePass() {
        Outcome.TOKEN_REJECTED.verify(sent(401, older("无效的令牌 (request id: 20260101120000abc)")), FIRST_PASS);
        Outcome.MODEL_REFUSED.verify(sent(403, older("该令牌无权访问模型 gemini-3-pro-preview")), FIRST_PASS);
        Outcome.MODEL_NOT_FOUND.verify(sent(503, older("当前分组 default 下对于模型 claude-sonet-4-6 无可用渠道")), TokenAllowlist.NONE);
        Outcome.INVALID_JSON.verify(sent(400, older("Invalid request, 无效的请求, invalid character '\\n' in string literal")), FIRST_PASS);
        Outcome.URL_REJECTED.verify(
                sent(404, "{\"error\":{\"message\":\"Invalid URL (POST /v1/chat)\",\"type\":\"invalid_request_error\",\"param\":\"\",\"code\":\"\"}}"),
                FIRST_PASS);
    }

    @Test
    void noRejectionCheckReadsTheMessagesWordsOrItsCode() {
        Outcome.TOKEN_REJECTED.verify(sent(401, "{\"error\":{\"message\":\"x\",\"type\":\"new_api_error\",\"code\":\"invalid_api_key\"}}"), FIRST_PASS);
        Outcome.MODEL_NOT_FOUND.verify(sent(503, older("no such thing")), TokenAllowlist.NONE);
        Outcome.CONTEXT_TOO_LONG.verify(sent(400, "{\"error\":{\"message\":\"too long\",\"type\":\"anything_the_provider_says\",\"param\":\"\"}}"),
                FIRST_PASS);
    }

    @Test
    void theErrorContractIsTheStatusATextMessageAndTheType() {
        ContractViolation noType = assertThrows(ContractViolation.class,
                () -> Outcome.TOKEN_REJECTED.verify(sent(401, "{\"error\":{\"message\":\"无效的令牌\"}}"), FIRST_PASS));
        assertThat(noType.getMessage(), containsString("required property 'type' not found"));
        assertThat(noType.row(), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        ContractViolation messageNotText = assertThrows(ContractViolation.class,
                () -> Outcome.MODEL_REFUSED.verify(sent(403, "{\"error\":{\"message\":{\"zh\":\"该令牌无权访问模型\"},\"type\":\"new_api_error\"}}"), FIRST_PASS));
        assertThat(messageNotText.getMessage(), containsString("/error/message"));
        ContractViolation otherType = assertThrows(ContractViolation.class,
                () -> Outcome.TOKEN_REJECTED.verify(sent(401, "{\"error\":{\"message\":\"Invalid token\",\"type\":\"invalid_request_error\"}}"), FIRST_PASS));
        assertThat(otherType.getMessage(), containsString("the error's type is \"invalid_request_error\", not \"new_api_error\""));
    }

    @Test
    void aRejectionsWordingIsReportedWithItsCodeOrNone() {
        ReleaseShape.Wording older = Outcome.UNKNOWN_MODEL_REFUSED.wording(sent(503, older("当前分组 default 下对于模型 x 无可用渠道")), TokenAllowlist.NONE)
                .orElseThrow();
        assertThat(older.tried(), equalTo("Rejection of a model without a channel (HTTP 503)"));
        assertThat(older.observed(), containsString("type `new_api_error`, no `code` (as new-api v0.6.x answers), message in Chinese: \"当前分组"));
        ReleaseShape.Wording newer = Outcome.TOKEN_REJECTED
                .wording(sent(401, "{\"error\":{\"code\":\"\",\"message\":\"Invalid token\",\"type\":\"new_api_error\"}}"),
                        FIRST_PASS)
                .orElseThrow();
        assertThat(newer.observed(), equalTo("type `new_api_error`, `code` \"\", message: \"Invalid token\""));
        assertThat("another status than the one expected is not a wording", Outcome.TOKEN_REJECTED.wording(sent(500, older("boom")), FIRST_PASS),
                equalTo(Optional.empty()));
        assertThat(Outcome.CHAT_REPLY.wording(sent(401, older("无效的令牌")), FIRST_PASS), equalTo(Optional.empty()));
    }

    private static Attempt sent(int status, String body) {
        return Attempt.sent("API plugin", "gpt-5.4", reply(status, body), true, "Coze shows the failure: http request failed");
    }

    private static String older(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"new_api_error\"}}";
    }

    @Test
    void cozeRefusingToSendIsCheckedOnTheAttempt() {
        Attempt refused = Attempt.refused("API plugin", "gpt-5.4", "net/http: invalid header field value");
        Outcome.COZE_REFUSES.verify(refused, FIRST_PASS);
        ContractViolation failed = assertThrows(ContractViolation.class, () -> Outcome.CHAT_REPLY.verify(refused, FIRST_PASS));
        assertThat(failed.getMessage(), containsString("Coze would not send"));
    }

    @Test
    void anUnknownPhraseIsNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Outcome.fromPhrase("it works"));
        assertThat(unknown.getMessage(), containsString("'it works'"));
    }

    static GatewayReply reply(int status, String body) {
        return new GatewayReply(REQUEST, status, Map.of("Content-Type", "application/json"), body, Duration.ofMillis(5), Duration.ofMillis(9));
    }
}
