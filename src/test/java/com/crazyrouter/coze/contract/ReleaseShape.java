package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.text.ShownText;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How a gateway read an Authorization value that new-api's releases read differently (docs/GATEWAY.md §5): the newer
 * TokenAuth accepts {@code bearer {token}} and {@code Bearer  {token}}, the older one answers 401. Either is new-api at
 * work and harms no Coze builder (a 401 sends them to the guide's fix); anything else is neither release. Also how a
 * rejection is worded ({@link #wording}): a code or none, English or Chinese — reported, never judged (§3, §4).
 */
public enum ReleaseShape {
    NEWER("accepted (a chat reply): new-api's newer TokenAuth, which takes \"Bearer \" or \"bearer \" and trims the spaces after it"), OLDER(
            "rejected (401): new-api's older TokenAuth, which takes exactly \"Bearer \" with one space"), NEITHER(
                    "neither a chat reply nor new-api's 401 for the token");

    private final String words;

    ReleaseShape(String words) {
        this.words = words;
    }

    /** Which release's answer this is, for the model asked for and the token's expected allowlist. */
    public static ReleaseShape ofAuthorization(GatewayReply reply, String model, TokenAllowlist allowlist) {
        if (ReplyMatchers.chatReplyFrom(model).matches(reply)) {
            return NEWER;
        }
        if (Outcome.TOKEN_REJECTED.expect(model, allowlist).matcher().matches(reply)) {
            return OLDER;
        }
        return NEITHER;
    }

    /** One line of the summary's release section: what was refused ("Rejection of a model the token does not allow (HTTP 403)") and how. */
    public record Wording(String tried, String observed) {
    }

    /**
     * How an error answer was worded, for the summary's release section: its type, its code or that it has none (new-api
     * v0.6.x writes none: middleware/utils.go abortWithOpenAiMessage), and its message, marked when it is Chinese (v0.6.x
     * words its refusals in Chinese only). Empty for an answer without an error object. Nothing here decides a verdict.
     */
    public static Optional<Wording> wording(String what, GatewayReply reply) {
        Optional<JsonNode> error = reply.json().map(j -> j.get("error")).filter(JsonNode::isObject);
        return error.map(e -> new Wording("Rejection of " + what + " (HTTP " + reply.status() + ")", "type `" + shown(e.path("type")) + "`, "
                + (e.hasNonNull("code")
                        ? "`code` \"" + shown(e.get("code")) + "\""
                        : "no `code`" + (e.has("code") ? " (null)" : "")
                                + (GatewayError.beforeRelaying(reply) ? " (as new-api v0.6.x answers)" : ""))
                + ", message" + (CHINESE.matcher(e.path("message").asText("")).find() ? " in Chinese" : "") + ": \"" + shown(e.path("message")) + "\""));
    }

    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\\p{IsHan}");

    private static String shown(JsonNode value) {
        String text = ShownText.oneLine(Json.text(value));
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    public String words() {
        return words;
    }

    /**
     * Fails, for an answer neither release gives, saying what came and what the Coze builder sees; the row is what the
     * answer looks like (Diagnosis), else Validation Checklist 4.
     */
    public void requireARelease(Attempt attempt) {
        if (this != NEITHER) {
            return;
        }
        GatewayReply reply = attempt.reply().orElseThrow();
        // an answer whose form decides (a page from the site's front) says nothing of how the gateway reads the header
        Diagnosis.Verdict verdict = Diagnosis.verdictOf(reply).orElseGet(() -> new Diagnosis.Verdict(ChecklistLine.BEARER_HEADER, ""));
        throw new ContractViolation("Expected: a chat reply (as new-api's newer TokenAuth answers) or a 401 rejecting the token (as its older one "
                + "does) — " + attempt.describe() + ".\n     but: Crazyrouter answered " + reply.describe() + "." + Diagnosis.matches(verdict)
                + Diagnosis.builderSees(attempt.cozeShows()), verdict.finding(), Optional.of(attempt.cozeShows()));
    }
}
