package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.TokenPractice;
import java.util.Optional;

/**
 * Which guide line a reply that should have been a chat reply points at, so a failure can quote its fix: decided
 * from the status and new-api's error code first (docs/GATEWAY.md, error table), from message words only where the
 * code says nothing.
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /**
     * Common Errors 6 when the answer says the gateway was busy or the input too large — whatever the scenario expected,
     * then its check could not even be made, and the fix is row 6's.
     */
    public static Optional<GuideLine> intermittent(GatewayReply reply) {
        String code = reply.error().map(GatewayError::code).orElse("");
        boolean busy = reply.status() == 429 || reply.status() == 502 || reply.status() == 504 || (reply.status() == 503 && !code.equals("model_not_found"));
        return busy || code.equals("context_length_exceeded") || code.equals("read_request_body_failed")
                ? Optional.of(CommonError.INTERMITTENT) : Optional.empty();
    }

    public static Optional<GuideLine> of(GatewayReply reply) {
        if (reply.isChatCompletion()) {
            return Optional.empty();
        }
        Optional<GatewayError> error = reply.error();
        String code = error.map(GatewayError::code).orElse("");
        switch (code) {
            case "context_length_exceeded", "read_request_body_failed":
                return Optional.of(CommonError.INTERMITTENT);
            case "model_not_found":
                return Optional.of(CommonError.MODEL_NOT_FOUND);
            case "pre_consume_token_quota_failed":
                return Optional.of(TokenPractice.SPENDING_LIMIT);
            case "access_denied":
                return Optional.of(CommonError.UNAUTHORIZED);
            default:
                break;
        }
        boolean mentionsModel = error.map(e -> e.mentions("model")).orElse(false);
        return switch (reply.status()) {
            case 401 -> Optional.of(CommonError.UNAUTHORIZED);
            case 403 -> Optional.of(mentionsModel ? CommonError.MODEL_NOT_ALLOWED : CommonError.UNAUTHORIZED);
            case 404, 405 -> Optional.of(mentionsModel ? CommonError.MODEL_NOT_FOUND : CommonError.NOT_FOUND_URL);
            case 400 -> Optional.of(error.map(e -> e.mentions("model name not specified|model name cannot be empty")).orElse(false)
                    ? ChecklistLine.JSON_CONTENT_TYPE : CommonError.MAPPING_INCONSISTENT);
            case 503 -> Optional.of(CommonError.INTERMITTENT);
            case 413, 429, 502, 504 -> Optional.of(CommonError.INTERMITTENT);
            case 200 -> Optional.of(reply.isHtml() ? CommonError.NOT_FOUND_URL : CommonError.MAPPING_INCONSISTENT);
            default -> Optional.empty();
        };
    }
}
