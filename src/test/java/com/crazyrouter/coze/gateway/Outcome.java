package com.crazyrouter.coze.gateway;

import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.hamcrest.Matcher;

/**
 * What a Coze builder sees happen, in the words scenarios use, and how each is checked against the reply.
 * A failed check names the guide's row for what actually happened, with its fix.
 */
public enum Outcome {
    CHAT_REPLY("Crazyrouter answers with a chat reply", null),
    NO_CHAT_REPLY("Coze gets a web page or a 404, not a chat reply", GuideRow.NOT_FOUND_URL),
    TOKEN_REJECTED("Crazyrouter rejects the token (401 unauthorized)", GuideRow.UNAUTHORIZED),
    URL_REJECTED("Crazyrouter rejects the URL (404)", GuideRow.NOT_FOUND_URL),
    MODEL_REFUSED("Crazyrouter refuses the model for this token (403)", GuideRow.MODEL_NOT_ALLOWED),
    MODEL_NOT_FOUND("Crazyrouter reports the model as not found", GuideRow.MODEL_NOT_FOUND),
    UNKNOWN_MODEL_REFUSED("Crazyrouter refuses the misspelled model", GuideRow.MODEL_NOT_FOUND),
    INVALID_JSON("Crazyrouter rejects the body as invalid JSON (400)", GuideRow.MAPPING_INCONSISTENT),
    MODEL_UNREADABLE("Crazyrouter cannot read the model name", GuideRow.MAPPING_INCONSISTENT),
    TOO_LARGE("Crazyrouter rejects the input as too large (413)", GuideRow.INTERMITTENT),
    SLOW_DOWN("Crazyrouter asks Coze to slow down (429)", GuideRow.INTERMITTENT),
    ALLOWED_OR_REFUSED("the model answers if the token allows it, otherwise Crazyrouter refuses the model for this token (403)", GuideRow.MODEL_NOT_ALLOWED),
    COZE_REFUSES("Coze refuses to send the header", GuideRow.UNAUTHORIZED);

    private static final String MODEL_WORDS = "model|模型";
    private static final String NOT_FOUND_WORDS = "not found|does not exist|no available channel|unknown model|无可用渠道|不存在";

    private final String phrase;
    private final GuideRow row;

    Outcome(String phrase, GuideRow row) {
        this.phrase = phrase;
        this.row = row;
    }

    public String phrase() {
        return phrase;
    }

    /** The guide row this outcome reproduces, when it is an error. */
    public Optional<GuideRow> row() {
        return Optional.ofNullable(row);
    }

    public static Outcome fromPhrase(String phrase) {
        return Arrays.stream(values()).filter(o -> o.phrase.equals(phrase)).findFirst().orElseThrow();
    }


    /**
     * Checks the attempt. {@code allowlist} tells whether the token in use has a model allowlist, and whether it
     * includes the requested model: new-api checks the allowlist before it looks for a channel, so an allowlisted
     * token gets 403 where an unrestricted one gets "model not found" or "model name missing".
     */
    public void verify(Attempt attempt, TokenAllowlist allowlist) {
        if (this == COZE_REFUSES) {
            assertThat("Expected Coze to refuse to send the request (" + attempt.describe() + ")", attempt.refusal().isPresent(), org.hamcrest.Matchers.is(true));
            return;
        }
        if (attempt.refusal().isPresent()) {
            throw new AssertionError("Expected: " + phrase + ". But Coze would not send " + attempt.describe() + ": " + attempt.refusal().get());
        }
        GatewayReply reply = attempt.reply().orElseThrow();
        Outcome expected = resolve(attempt.model(), allowlist);
        assertThat(reason(expected, attempt, reply), reply, expected.matcher(attempt.model()));
    }

    private Outcome resolve(String model, TokenAllowlist allowlist) {
        return switch (this) {
            case UNKNOWN_MODEL_REFUSED -> allowlist.restricted() ? MODEL_REFUSED : MODEL_NOT_FOUND;
            case MODEL_UNREADABLE -> allowlist.restricted() ? MODEL_REFUSED : this;
            case ALLOWED_OR_REFUSED -> allowlist.allows(model) ? CHAT_REPLY : MODEL_REFUSED;
            default -> this;
        };
    }

    private Matcher<GatewayReply> matcher(String model) {
        return switch (this) {
            case CHAT_REPLY -> ReplyMatchers.chatReplyFrom(model);
            case NO_CHAT_REPLY -> ReplyMatchers.noChatReply();
            case TOKEN_REJECTED -> ReplyMatchers.rejection("the token is invalid", e -> true, 401);
            case URL_REJECTED -> ReplyMatchers.rejection("the URL is invalid", e -> true, 404);
            case MODEL_REFUSED -> ReplyMatchers.rejection("the token has no access to the model", e -> e.mentions(MODEL_WORDS), 403);
            case MODEL_NOT_FOUND -> ReplyMatchers.rejection("the model is not found",
                    e -> "model_not_found".equals(e.code()) || e.mentions(NOT_FOUND_WORDS), 503, 404, 400);
            case INVALID_JSON -> ReplyMatchers.rejection("the JSON body is invalid", e -> e.mentions("json"), 400);
            case MODEL_UNREADABLE -> ReplyMatchers.rejection("no model name was given", e -> e.mentions(MODEL_WORDS), 400);
            case TOO_LARGE -> ReplyMatchers.rejection("the request is too large", e -> true, 413);
            case SLOW_DOWN -> ReplyMatchers.rejection("there are too many requests", e -> true, 429);
            default -> throw new IllegalStateException(this + " is resolved before matching");
        };
    }

    private String reason(Outcome expected, Attempt attempt, GatewayReply reply) {
        String head = "Expected: " + expected.phrase + " — " + attempt.describe() + ".";
        if (expected == CHAT_REPLY) {
            return head + GuideRow.diagnose(reply).map(r -> " What happened matches " + r.advice()).orElse("");
        }
        return head + " A gateway that answers otherwise breaks the contract behind " + expected.row().orElseThrow().advice();
    }
}
