package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.guide.CommonError;
import java.util.Optional;

/** Which Common Errors row a reply that should have been a chat reply looks like, so a failure can quote its fix. */
public final class Diagnosis {
    private Diagnosis() {
    }

    public static Optional<CommonError> of(GatewayReply reply) {
        if (reply.isChatCompletion()) {
            return Optional.empty();
        }
        Optional<GatewayError> error = reply.error();
        boolean mentionsModel = error.map(e -> e.mentions("model") || "model_not_found".equals(e.code())).orElse(false);
        return switch (reply.status()) {
            case 401 -> Optional.of(CommonError.UNAUTHORIZED);
            case 403 -> Optional.of(mentionsModel ? CommonError.MODEL_NOT_ALLOWED : CommonError.UNAUTHORIZED);
            case 404, 405 -> Optional.of(mentionsModel ? CommonError.MODEL_NOT_FOUND : CommonError.NOT_FOUND_URL);
            case 400 -> Optional.of(mentionsModel && error.map(e -> !e.mentions("json")).orElse(false)
                    ? CommonError.MODEL_NOT_FOUND : CommonError.MAPPING_INCONSISTENT);
            case 503 -> Optional.of(mentionsModel ? CommonError.MODEL_NOT_FOUND : CommonError.INTERMITTENT);
            case 413, 429, 502, 504 -> Optional.of(CommonError.INTERMITTENT);
            case 200 -> Optional.of(reply.isHtml() ? CommonError.NOT_FOUND_URL : CommonError.MAPPING_INCONSISTENT);
            default -> Optional.empty();
        };
    }
}
