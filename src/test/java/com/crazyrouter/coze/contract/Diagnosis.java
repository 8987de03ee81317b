package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.ModelNames;
import com.crazyrouter.coze.guide.TokenPractice;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which guide line a reply that should have been a chat reply points at, so a failure can quote its fix: decided
 * from the status and new-api's error code first (docs/GATEWAY.md, error table), from message words only where the
 * code says nothing.
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /** The guide line whose fix applies, and what in the answer and the model lists led there (empty when the row says it all). */
    public record Verdict(GuideLine row, String evidence) {
    }

    /**
     * As {@link #of(GatewayReply)}, but a refused model is told apart with Crazyrouter's model lists: a model that no
     * list holds is a wrong name (Common Errors 4, with the closest listed id), one that is listed but outside the
     * token's allowlist is not allowed (Common Errors 3). new-api answers both with the same 403 for an allowlisted
     * token, since it checks the allowlist before it looks the model up (docs/GATEWAY.md §6).
     *
     * @param model the model in the body actually sent
     * @param lists read only for a refused model
     */
    public static Optional<Verdict> of(GatewayReply reply, String model, Supplier<ListedModels> lists) {
        Optional<GuideLine> byStatus = of(reply);
        if (byStatus.isEmpty() || !refusesTheModel(reply, model)) {
            return byStatus.map(row -> new Verdict(row, ""));
        }
        ListedModels listed = lists.get();
        boolean forbidden = reply.status() == 403;
        String refused = forbidden ? "Crazyrouter refused " + quoted(model) + " for this token (403)"
                : "Crazyrouter found no channel for " + quoted(model) + " (" + reply.status() + ")";
        Optional<String> closest = ModelNames.closest(model, listed.all());
        String didYouMean = closest.map(id -> " Did you mean " + id + "? (" + ModelNames.howItDiffers(model, id) + " differs)").orElse("");
        if (listed.forToken().filter(mine -> mine.contains(model)).isPresent()) {
            return forbidden
                    ? verdict(CommonError.MODEL_NOT_ALLOWED, refused + ", although Crazyrouter lists it for this very token (GET /v1/models): "
                            + "check the model in the token's settings; if it is allowed there, the gateway contradicts itself.")
                    : verdict(CommonError.MODEL_NOT_FOUND, refused + ", although Crazyrouter lists it for this token: the name is right, but no channel "
                            + "serves it now.");
        }
        if (listed.forEveryModel().isPresent()) {
            List<String> every = listed.forEveryModel().get();
            if (!every.contains(model)) {
                return verdict(CommonError.MODEL_NOT_FOUND, refused + ", and Crazyrouter lists no model " + quoted(model)
                        + " (GET /v1/models with a token without an allowlist, " + every.size() + " models): the name is wrong." + didYouMean);
            }
            return forbidden
                    ? verdict(CommonError.MODEL_NOT_ALLOWED, refused + ": Crazyrouter lists " + quoted(model)
                            + " (GET /v1/models with a token without an allowlist), so the name is right and this token's allowlist leaves it out.")
                    : verdict(CommonError.MODEL_NOT_FOUND, refused + ", although Crazyrouter lists it: the name is right, but no channel serves it now.");
        }
        if (listed.forToken().isEmpty()) {
            return verdict(forbidden ? CommonError.MODEL_NOT_ALLOWED : CommonError.MODEL_NOT_FOUND,
                    refused + "; Crazyrouter's model list could not be read, so this row rests on the status alone.");
        }
        List<String> mine = listed.forToken().get();
        String guess = " (A guess: this token's list holds only the models it allows, and no list of every model was at hand — set "
                + TokenKind.UNRESTRICTED.environmentVariable() + " to tell a wrong name from a model the token leaves out.)";
        if (closest.isPresent() || !forbidden) {
            return verdict(CommonError.MODEL_NOT_FOUND, refused + ", and it is not among the " + mine.size() + " models this token lists: "
                    + "the name is probably wrong." + didYouMean + " If " + quoted(model) + " is another model you mean to use, allow it in the "
                    + "token's settings (Common Errors 3)." + guess);
        }
        return verdict(CommonError.MODEL_NOT_ALLOWED, refused + ": it is not among the models this token lists (" + String.join(", ", mine)
                + ") and is close to none of them, so the allowlist probably leaves it out. If no Crazyrouter model has that name, the name is "
                + "wrong (Common Errors 4)." + guess);
    }

    /** A 403 or 503 that is about the model: new-api's allowlist refusal or its "no channel for model" (also without the code, older releases). */
    private static boolean refusesTheModel(GatewayReply reply, String model) {
        Optional<GatewayError> error = reply.error();
        String code = error.map(GatewayError::code).orElse("");
        if (code.equals("model_not_found")) {
            return true;
        }
        boolean namesIt = model != null && !model.isBlank() && error.map(e -> e.mentions(Pattern.quote(model))).orElse(false);
        return reply.status() == 403 && error.map(e -> e.mentions("model|模型")).orElse(false) && !code.equals("access_denied")
                || reply.status() == 503 && namesIt && error.map(e -> e.mentions("model|模型")).orElse(false);
    }

    private static Optional<Verdict> verdict(GuideLine row, String evidence) {
        return Optional.of(new Verdict(row, evidence));
    }

    private static String quoted(String model) {
        return "\"" + model + "\"";
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
        // a page from the site's front, or a body that is not one JSON object where Coze reads the body: its form decides
        AnswerForm form = reply.form();
        if (form.decidesTheRow()) {
            return form.row();
        }
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
