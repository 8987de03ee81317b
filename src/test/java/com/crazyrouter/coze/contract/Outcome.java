package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.hamcrest.Matcher;

/**
 * What a Coze builder sees happen, in the words scenarios use, and the check each stands for. A failed check
 * carries the Common Errors row whose fix applies: for an expected chat reply, the row that what happened looks
 * like; for an expected rejection, the row whose contract the gateway broke.
 */
public enum Outcome {
    CHAT_REPLY("Crazyrouter answers with a chat reply") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return new Expectation(this, ReplyMatchers.chatReplyFrom(model), Optional.empty());
        }
    },
    NO_CHAT_REPLY("Coze gets a web page or a 404, not a chat reply") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return new Expectation(this, ReplyMatchers.noChatReply(), Optional.of(CommonError.NOT_FOUND_URL));
        }
    },
    TOKEN_REJECTED("Crazyrouter rejects the token (401 unauthorized)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.UNAUTHORIZED, "a token Crazyrouter does not accept", NEW_API_ERROR, 401);
        }
    },
    /**
     * new-api reads what follows a "-" after the key as a channel id and takes one only from an administrator's token
     * (middleware/auth.go TokenAuth, every release: 403 for any other token). A gateway that answers it with a reply has
     * let the Coze token pick channels: the token is an administrator's, not a dedicated one (checklist 1).
     */
    CHANNEL_SUFFIX_REFUSED("Crazyrouter refuses a key with a channel id after it (403)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(ChecklistLine.DEDICATED_TOKEN, "a key with a channel id after it, which new-api takes only from an administrator's "
                    + "token", NEW_API_ERROR, 403);
        }
    },
    URL_REJECTED("Crazyrouter rejects the URL (404)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.NOT_FOUND_URL, "a URL Crazyrouter has no route for", Optional.of("invalid_request_error"), 404);
        }
    },
    MODEL_REFUSED("Crazyrouter refuses the model for this token (403)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.MODEL_NOT_ALLOWED, "a model the token does not allow", NEW_API_ERROR, 403);
        }
    },
    MODEL_NOT_FOUND("Crazyrouter reports the model as not found") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.MODEL_NOT_FOUND, "a model without a channel", NEW_API_ERROR, 503);
        }
    },
    UNKNOWN_MODEL_REFUSED("Crazyrouter refuses the misspelled model") {
        /** new-api checks a token's allowlist before it looks for a channel: an allowlisted token is refused first. */
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return (allowlist.restricted() ? MODEL_REFUSED : MODEL_NOT_FOUND).expect(model, allowlist);
        }
    },
    INVALID_JSON("Crazyrouter rejects the body as invalid JSON (400)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.MAPPING_INCONSISTENT, "a body that is not valid JSON", NEW_API_ERROR, 400);
        }
    },
    MODEL_UNREADABLE("Crazyrouter cannot read the model name") {
        /** new-api checks a token's allowlist before it reads the body: an allowlisted token is refused the unread model. */
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return allowlist.restricted()
                    ? MODEL_REFUSED.expect(model, allowlist)
                    : rejection(ChecklistLine.JSON_CONTENT_TYPE, "a body whose model name it cannot read", NEW_API_ERROR, 400);
        }
    },
    CONTEXT_TOO_LONG("Crazyrouter passes on the model's answer that the input is too long (400)") {
        /** The model provider's own error, passed on by new-api's relay with the provider's type: any type is its own. */
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return rejection(CommonError.INTERMITTENT, "an input longer than the model's context", Optional.empty(), 400);
        }
    },
    ALLOWED_OR_REFUSED("the model answers if the token allows it, otherwise Crazyrouter refuses the model for this token (403)") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            return (allowlist.allows(model) ? CHAT_REPLY : MODEL_REFUSED).expect(model, allowlist);
        }
    },
    COZE_REFUSES("Coze refuses to send the header") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            throw new IllegalStateException("Coze's refusal is checked on the attempt, before any reply");
        }
    },
    FAILS_IN_COZE("Coze fails the node before sending, and nothing reaches Crazyrouter") {
        @Override
        Expectation expect(String model, TokenAllowlist allowlist) {
            throw new IllegalStateException("Coze's failure before sending is checked on the attempt, before any reply");
        }
    };

    /** The type of every refusal new-api writes itself, in every release (docs/GATEWAY.md §3). */
    private static final Optional<String> NEW_API_ERROR = Optional.of(GatewayError.NEW_API_ERROR);

    private final String phrase;

    Outcome(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }

    public static Outcome fromPhrase(String phrase) {
        return Arrays.stream(values()).filter(o -> o.phrase.equals(phrase)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + phrase + "' is not an outcome a scenario can expect"));
    }

    /**
     * What this outcome means for this model and token. {@code allowlist} is the allowlist the token in use is
     * expected to have: it decides what new-api answers first.
     */
    abstract Expectation expect(String model, TokenAllowlist allowlist);

    /**
     * The matcher, and the guide line a failure quotes when it is not about a chat reply, that this outcome resolves to;
     * for a rejection, what is refused and with which status.
     */
    record Expectation(Outcome resolved, Matcher<GatewayReply> matcher, Optional<GuideLine> row, Optional<Rejected> rejected) {
        Expectation(Outcome resolved, Matcher<GatewayReply> matcher, Optional<GuideLine> row) {
            this(resolved, matcher, row, Optional.empty());
        }
    }

    /** A rejection a scenario expects: "a token Crazyrouter does not accept", 401. */
    record Rejected(String what, int status) {
    }

    /** Coze itself fails before anything is sent: the gateway is not involved, and its request log must show nothing. */
    public boolean failsInCoze() {
        return this == COZE_REFUSES || this == FAILS_IN_COZE;
    }

    /** Checks what Coze did with the request, and what came back, with no model list to tell a wrong model name from one not allowed. */
    public void verify(Attempt attempt, TokenAllowlist allowlist) {
        verify(attempt, allowlist, () -> ListedModels.UNKNOWN);
    }

    /**
     * Checks what Coze did with the request, and what came back. {@code listed}: Crazyrouter's model lists, read only when
     * a chat reply was expected and the model was refused, to tell a wrong name (Common Errors 4) from one the token
     * does not allow (Common Errors 3).
     */
    public void verify(Attempt attempt, TokenAllowlist allowlist, Supplier<ListedModels> listed) {
        if (failsInCoze()) {
            ContractViolation.assertThat("Expected Coze to refuse to send the request", attempt, ReplyMatchers.refusedByCoze(),
                    Optional.empty(), attempt.cozeShows());
            return;
        }
        ContractViolation.assertThat("Expected: " + phrase, attempt, ReplyMatchers.sentByCoze(), Optional.empty(), attempt.cozeShows());
        GatewayReply reply = attempt.reply().orElseThrow();
        Expectation expected = expect(attempt.model(), allowlist);
        // what happened decides the row for a missing chat reply, and for a page from the site's front, which the API never
        // saw; for a missing rejection, the row whose contract broke, unless the gateway was too busy to tell
        boolean diagnosed = expected.resolved() == CHAT_REPLY || reply.form().cameFromTheFront();
        Optional<Diagnosis.Verdict> verdict = diagnosed
                ? Diagnosis.of(reply, attempt.model(), listed)
                : Diagnosis.intermittent(reply).or(expected::row).map(r -> new Diagnosis.Verdict(r, ""));
        String head = "Expected: " + expected.resolved().phrase + " — " + attempt.describe() + ".";
        String why = diagnosed
                ? verdict.map(Diagnosis::matches).orElse("")
                : Diagnosis.breaksTheContractBehind(verdict.flatMap(Diagnosis.Verdict::row).orElseThrow());
        ContractViolation.assertDiagnosed(head + why + Diagnosis.builderSees(attempt.cozeShows()), reply, expected.matcher(),
                verdict.map(Diagnosis.Verdict::finding), attempt.cozeShows());
    }

    /**
     * How the gateway worded the rejection this outcome expects, to report and never to judge (docs/GATEWAY.md §3): its
     * code, or that it has none, and its message. Empty where no rejection is expected or the status is another.
     */
    public Optional<ReleaseShape.Wording> wording(Attempt attempt, TokenAllowlist allowlist) {
        if (failsInCoze() || attempt.reply().isEmpty()) {
            return Optional.empty();
        }
        GatewayReply reply = attempt.reply().get();
        return expect(attempt.model(), allowlist).rejected().filter(r -> r.status() == reply.status())
                .flatMap(r -> ReleaseShape.wording(r.what(), reply));
    }

    /** Not private: the constants' own bodies call it. */
    Expectation rejection(GuideLine row, String what, Optional<String> type, int status) {
        return new Expectation(this, ReplyMatchers.rejection(what, type, status), Optional.of(row), Optional.of(new Rejected(what, status)));
    }
}
