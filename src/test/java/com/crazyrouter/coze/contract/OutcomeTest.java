package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
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
                () -> Outcome.CHAT_REPLY.verify(Attempt.sent("API plugin", "gpt-5.4", reply(401, "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"code\":\"\"}}"), true, "Coze shows the failure: http request failed"), FIRST_PASS));
        assertThat(failed.row(), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(failed.getMessage(), containsString("Generate a new token"));
        assertThat(failed.getMessage(), containsString("What the Coze builder sees: Coze shows the failure"));
    }

    @Test
    void aWrongRejectionCarriesTheRowWhoseContractItBreaks() {
        ContractViolation failed = assertThrows(ContractViolation.class,
                () -> Outcome.TOKEN_REJECTED.verify(Attempt.sent("API plugin", "gpt-5.4", reply(500, "{\"error\":{\"message\":\"boom\",\"type\":\"x\",\"code\":\"\"}}"), true, "Coze shows the failure: http request failed"), FIRST_PASS));
        assertThat(failed.row(), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(failed.getMessage(), containsString("HTTP 500"));
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
