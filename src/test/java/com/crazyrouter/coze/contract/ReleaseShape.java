package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import java.util.Optional;

/**
 * How a gateway read an Authorization value that new-api's releases read differently (docs/GATEWAY.md §5): the newer
 * TokenAuth accepts {@code bearer {token}} and {@code Bearer  {token}}, the older one answers 401. Either is new-api at
 * work and harms no Coze builder (a 401 sends them to the guide's fix); anything else is neither release.
 */
public enum ReleaseShape {
    NEWER("accepted (a chat reply): new-api's newer TokenAuth, which takes \"Bearer \" or \"bearer \" and trims the spaces after it"),
    OLDER("rejected (401 Invalid token): new-api's older TokenAuth, which takes exactly \"Bearer \" with one space"),
    NEITHER("neither a chat reply nor new-api's 401 for the token");

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
        // a page from the site's front says nothing of how the gateway reads the header: no row (transport/AnswerForm)
        Optional<GuideLine> row = Diagnosis.of(reply).or(() -> Optional.of(ChecklistLine.BEARER_HEADER).filter(r -> !reply.form().cameFromTheFront()));
        throw new ContractViolation("Expected: a chat reply (as new-api's newer TokenAuth answers) or a 401 rejecting the token (as its older one "
                + "does) — " + attempt.describe() + ".\n     but: Crazyrouter answered " + reply.describe() + "." + row.map(r -> " What happened matches "
                + r.advice()).orElse("") + " What the Coze builder sees: " + attempt.cozeShows(), row, Optional.of(attempt.cozeShows()));
    }
}
