package com.crazyrouter.coze.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.TokenPractice;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Common Errors row a reply looks like, for the answers new-api gives (status, then type/code/message). */
class DiagnosisTest {
    private static final OutgoingRequest REQUEST = new OutgoingRequest("POST", URI.create("http://127.0.0.1/v1/chat/completions"), List.of(), "{}");

    @Test
    void aChatReplyNeedsNoRow() {
        assertThat(Diagnosis.of(json(200, "{\"object\":\"chat.completion\",\"choices\":[]}")), equalTo(Optional.empty()));
    }

    @Test
    void rejectionsMapToTheGuidesRows() {
        assertThat(Diagnosis.of(json(401, error("Invalid token", ""))), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(Diagnosis.of(json(403, error("This token has no access to model gemini-3-pro-preview", ""))), equalTo(Optional.of(CommonError.MODEL_NOT_ALLOWED)));
        assertThat(Diagnosis.of(json(403, error("您的 IP 不在令牌允许访问的列表中", "access_denied"))), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(Diagnosis.of(json(404, error("Invalid URL (POST /v1/chat)", ""))), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(Diagnosis.of(json(503, error("No available channel for model gpt5.4 under group default", "model_not_found"))),
                equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
        assertThat(Diagnosis.of(json(400, error("Invalid request, invalid JSON request body", ""))), equalTo(Optional.of(CommonError.MAPPING_INCONSISTENT)));
        assertThat(Diagnosis.of(json(400, error("Model name not specified, model name cannot be empty", ""))),
                equalTo(Optional.of(ChecklistLine.JSON_CONTENT_TYPE)));
        assertThat(Diagnosis.of(json(429, error("请求过于频繁", ""))), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.of(json(503, error("upstream busy", ""))), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    @Test
    void theCodeDecidesBeforeTheMessage() {
        // a context too long mentions "model" and tokens, but its code says row 6, not row 4
        assertThat(Diagnosis.of(json(400, "{\"error\":{\"message\":\"This model's maximum context length is 400000 tokens\",\"type\":"
                + "\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}")), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.of(json(403, error("token quota is not enough", "pre_consume_token_quota_failed"))),
                equalTo(Optional.of(TokenPractice.SPENDING_LIMIT)));
        assertThat(Diagnosis.of(json(413, error("request body too large", "read_request_body_failed"))), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    @Test
    void aBusyGatewayIsRowSixWhateverWasExpected() {
        assertThat(Diagnosis.intermittent(json(502, error("bad response status code 502", "bad_response_status_code"))),
                equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.intermittent(json(503, error("No available channel for model x", "model_not_found"))), equalTo(Optional.empty()));
        assertThat(Diagnosis.intermittent(json(401, error("Invalid token", ""))), equalTo(Optional.empty()));
    }

    @Test
    void aWebPageWithStatus200IsAWrongUrlAndOther200sAMappingProblem() {
        GatewayReply page = new GatewayReply(REQUEST, 200, Map.of("Content-Type", "text/html"), "<html></html>", Duration.ZERO, Duration.ZERO);
        assertThat(Diagnosis.of(page), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(Diagnosis.of(json(200, "{\"error\":{\"message\":\"x\"}}")), equalTo(Optional.of(CommonError.MAPPING_INCONSISTENT)));
    }

    @Test
    void aStatusTheGuideDoesNotNameHasNoRow() {
        assertThat(Diagnosis.of(json(500, error("boom", ""))), equalTo(Optional.empty()));
    }

    private static String error(String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"new_api_error\",\"code\":\"" + code + "\"}}";
    }

    private static GatewayReply json(int status, String body) {
        return new GatewayReply(REQUEST, status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO);
    }
}
