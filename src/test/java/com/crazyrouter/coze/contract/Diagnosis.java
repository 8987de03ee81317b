package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.config.ShownUrl;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.guide.Cause;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.ModelNames;
import com.crazyrouter.coze.guide.OffGuide;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.UndecodableBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which guide line a reply that should have been a chat reply points at, so a failure can quote its fix: decided from
 * the status, the route, what was sent, where in new-api the answer comes from (told by its shape:
 * {@link GatewayError#beforeRelaying}) and Crazyrouter's model lists — never from the words of a message or its code,
 * which differ between new-api releases (docs/GATEWAY.md §3, §4: v0.6.x sends no code and words its refusals in Chinese).
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /**
     * What the answer was diagnosed as — a guide line whose fix applies, or a cause the guide has no row for — what in the
     * answer and the model lists led there (empty when the cause says it all), and what to do.
     */
    public record Verdict(Cause cause, String evidence, String whatToDo) {
        public Verdict(GuideLine row, String evidence) {
            this(row, evidence, Finding.of(row).whatToDo());
        }

        public Finding finding() {
            return new Finding(cause, whatToDo);
        }

        public Optional<GuideLine> row() {
            return finding().row();
        }
    }

    /*
     * How a red about a gateway's answer reads, in one place: the failure message, and through its Finding the summary,
     * the console and the Allure categories.
     */

    /** " <evidence> What happened matches <the cause's advice>": for an answer that should have been something else. */
    public static String matches(Verdict verdict) {
        return (verdict.evidence().isEmpty() ? "" : " " + verdict.evidence()) + " What happened matches " + verdict.finding().advice();
    }

    /** For a rejection the gateway did not give: the guide row whose contract it broke. */
    public static String breaksTheContractBehind(GuideLine row) {
        return " A gateway that answers otherwise breaks the contract behind " + row.advice();
    }

    /** What the Coze builder sees, in the route's own words, as every red about an answer ends. */
    public static String builderSees(String cozeShows) {
        return " What the Coze builder sees: " + cozeShows;
    }

    /** A redirect whose Location is no URL: Coze's route fails on it, and the URL set in Coze is what to look at (Common Errors 2). */
    public static ContractViolation unreadableRedirect(String routeWords, GatewayReply reply, String location) {
        return new ContractViolation("Crazyrouter redirects (" + reply.status() + ") to a Location that is no URL, " + ShownUrl.of(location)
                + ": Coze's " + routeWords + " fails on it (Go's client cannot parse it); nothing more was sent. Request: "
                + reply.request().method() + " " + ShownUrl.of(reply.request().url().toString()) + ".",
                Optional.of(CommonError.NOT_FOUND_URL), Optional.of("Coze shows the failure: a redirect it cannot follow"));
    }

    /** A redirect to another host: Coze would follow it there, without the token (Common Errors 2: the URL set in Coze). */
    public static ContractViolation offHostRedirect(String routeWords, GatewayReply reply, String where) {
        String message = "Crazyrouter redirects (" + reply.status() + ") " + where + ": Coze's " + routeWords + " would follow it there (Go's client "
                + "drops the Authorization header when the host changes, other headers go along); nothing was sent there. "
                + "Request: " + reply.request().method() + " " + ShownUrl.of(reply.request().url().toString()) + ".";
        return new ContractViolation(message, Optional.of(CommonError.NOT_FOUND_URL),
                Optional.of("Coze follows the redirect to that host and shows whatever it answers, not Crazyrouter's reply"));
    }

    /**
     * A reply sent as gzip that Go's reader cannot decode: Coze fails reading it on either route, whatever its status,
     * and nothing in Coze can change that (docs/COZE.md §3.1). The server that compressed it must send valid gzip or none.
     */
    public static ContractViolation undecodableBody(String routeWords, UndecodableBody undecodable, String cozeShows) {
        return new ContractViolation(undecodable.unmarked() + ": Coze's " + routeWords + " fails reading the body, once." + builderSees(cozeShows),
                new Finding(OffGuide.UNDECODABLE_GZIP, "the gateway, or the site's front that compressed the reply, must send it as valid gzip or"
                        + " uncompressed; send Crazyrouter the time of the request and the reply's headers"),
                Optional.of(cozeShows));
    }

    /**
     * What a check of a chat reply's content was about: the row it names ({@code row}) when the answer is a chat reply;
     * otherwise what the answer itself was diagnosed as, since the check never got to the content.
     */
    public static Optional<Finding> ofAReplyCheck(GatewayReply reply, GuideLine row) {
        return reply.isChatCompletion() ? Optional.of(Finding.of(row)) : verdict(reply).map(Verdict::finding);
    }

    /**
     * What an answer that should have been a chat reply was diagnosed as, with no model lists at hand: a guide row, or
     * a cause the guide has no row for (an answer whose form alone decides: a page from the site's front, a reply that
     * is not one JSON object); empty when nothing in it points at a cause.
     */
    public static Optional<Verdict> verdictOf(GatewayReply reply) {
        return verdict(reply);
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
        Optional<Verdict> byStatus = verdict(reply);
        if (byStatus.isEmpty() || model == null || model.isBlank() || !refusesTheModel(byStatus.get().cause())) {
            return byStatus;
        }
        ListedModels listed = lists.get();
        boolean forbidden = reply.status() == 403;
        String refused = forbidden
                ? "Crazyrouter refused " + quoted(model) + " for this token (403)"
                : reply.status() == 404
                        ? "the model's provider did not find " + quoted(model) + " (404, passed on by Crazyrouter)"
                        : "Crazyrouter found no channel for " + quoted(model) + " (" + reply.status() + ")";
        Optional<String> closest = ModelNames.closest(model, listed.all());
        String didYouMean = closest.map(id -> " Did you mean " + id + "? (" + ModelNames.howItDiffers(model, id) + " differs)").orElse("");
        if (listed.forToken().filter(mine -> mine.contains(model)).isPresent()) {
            return forbidden
                    ? verdict(CommonError.MODEL_NOT_ALLOWED, refused + ", although Crazyrouter lists it for this very token (GET /v1/models): "
                            + "check the model in the token's settings; if it is allowed there, the gateway contradicts itself, or the 403 is "
                            + "another of new-api's refusals before relaying (the token's IP allowlist, its group disabled; docs/GATEWAY.md §4).")
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

    /** An answer about the model sent: the allowlist's 403, new-api's "no channel" 503, the provider's 404 on the chat route. */
    private static boolean refusesTheModel(Cause cause) {
        return cause == CommonError.MODEL_NOT_ALLOWED || cause == CommonError.MODEL_NOT_FOUND;
    }

    /**
     * Common Errors 6 when the answer says the gateway was busy or the input too large — whatever the scenario expected,
     * then its check could not even be made, and the fix is row 6's. new-api's own 503 that it has no channel for the
     * model is an answer about the model, not about load.
     */
    public static Optional<GuideLine> intermittent(GatewayReply reply) {
        int status = reply.status();
        boolean busy = status == 413 || status == 429 || status == 502 || status == 504 || (status == 503 && !GatewayError.noChannel(reply))
                || (status == 400 && Sent.of(reply.request(), NEW_API_DEFAULT_MAX_BODY_BYTES) == Sent.TOO_LARGE);
        return busy ? Optional.of(CommonError.INTERMITTENT) : Optional.empty();
    }

    /** The guide row whose fix applies to an answer that should have been a chat reply, if one does. */
    public static Optional<GuideLine> of(GatewayReply reply) {
        return verdict(reply).flatMap(Verdict::row);
    }

    private static Optional<Verdict> verdict(GatewayReply reply) {
        return verdict(reply, NEW_API_DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * new-api's default MAX_REQUEST_BODY_MB since 2026-01-06 (389ddfa8), counted after decompression (docs/GATEWAY.md §4):
     * releases from 2025-12-16 had 32 (c2ed76dd), then 64 (3523acfc); earlier ones, v0.6.x included, have no limit.
     */
    static final long NEW_API_DEFAULT_MAX_BODY_BYTES = 128L << 20;

    /** As {@link #verdict(GatewayReply)}, against a gateway whose body limit is {@code maxBodyBytes} (a test's small one). */
    static Optional<Verdict> verdict(GatewayReply reply, long maxBodyBytes) {
        // a page from the site's front, or a body that is not one JSON object where Coze reads the body: its form decides,
        // and names no row where none applies (transport/AnswerForm)
        AnswerForm form = reply.form();
        if (form.decidesTheRow()) {
            return Optional.of(form.row().map(row -> new Verdict(row, "")).orElseGet(() -> new Verdict(offGuide(form.kind()), "", form.whatToDo())));
        }
        if (reply.isChatCompletion()) {
            return Optional.empty();
        }
        Sent sent = Sent.of(reply.request(), maxBodyBytes);
        return switch (reply.status()) {
            case 401 -> verdict(CommonError.UNAUTHORIZED, "");
            case 403 -> sent != Sent.READABLE
                    ? sent.verdict()
                    : GatewayError.fromTheRelay(reply)
                            ? verdict(TokenPractice.SPENDING_LIMIT, "This 403 comes from Crazyrouter's relay, after the token "
                                    + "and the model were accepted (new-api's allowlist refusal comes before relaying and has another shape): new-api answers so "
                                    + "when the token's or the account's quota is too low for the request, or passes on the model provider's own 403.")
                            : verdict(CommonError.MODEL_NOT_ALLOWED, "");
            case 404, 405 -> onTheChatRoute(reply.request())
                    ? verdict(CommonError.MODEL_NOT_FOUND, "Crazyrouter has this route (POST "
                            + "/v1/chat/completions), so this " + reply.status() + " is not its \"Invalid URL\": it is passed on from the model's provider, "
                            + "which answers so for a model it does not know.")
                    : verdict(CommonError.NOT_FOUND_URL, "");
            case 400 -> sent != Sent.READABLE
                    ? sent.verdict()
                    : verdict(CommonError.INTERMITTENT, "Crazyrouter could read the body and its "
                            + "model, so this 400 is not one of its own (new-api's own 400s are for a body it cannot read, or one over its size limit, "
                            + "MAX_REQUEST_BODY_MB, which an operator may set below the default 128 MB): it is the model provider's answer, passed on, and an "
                            + "input longer than the model's context is the usual cause.");
            case 503 -> !GatewayError.noChannel(reply)
                    ? verdict(CommonError.INTERMITTENT, "")
                    : sent != Sent.READABLE ? sent.verdict() : verdict(CommonError.MODEL_NOT_FOUND, "");
            case 413 -> verdict(CommonError.INTERMITTENT, "new-api answers a JSON chat body over its limit with 400, not 413 (Distribute reads "
                    + "the body before the relay's 413 is reached), so this 413 is likely from a proxy in front of it with a smaller limit (a guess); "
                    + "either way the input is too large.");
            case 429, 502, 504 -> verdict(CommonError.INTERMITTENT, "");
            case 200 -> verdict(reply.isHtml() ? CommonError.NOT_FOUND_URL : CommonError.MAPPING_INCONSISTENT, "");
            default -> Optional.empty();
        };
    }

    /** The cause, for an answer whose form alone decides and for which no guide row applies. */
    private static OffGuide offGuide(AnswerForm.Kind kind) {
        return switch (kind) {
            case FRONT_PAGE -> OffGuide.SITE_FRONT;
            case ERROR_IN_SUCCESS -> OffGuide.ERROR_AS_SUCCESS;
            case HTML_PAGE -> OffGuide.HTML_PAGE;
            default -> OffGuide.NOT_ONE_JSON_OBJECT;
        };
    }

    /** POST to …/v1/chat/completions, a route new-api has: a 404 there is not RelayNotFound's. */
    private static boolean onTheChatRoute(OutgoingRequest request) {
        return request != null && "POST".equals(request.method()) && request.url().getPath().endsWith("/v1/chat/completions");
    }

    /**
     * What new-api made of the request sent, in the order it looks (docs/GATEWAY.md §4, §5): TokenAuth reads the key, and
     * what follows a {@code -} after it as a channel id, which only an administrator's token may name (403 for any other,
     * 400 for an administrator's that is no number; both releases); then Distribute reads the whole body, refusing one over
     * its limit with 400 before anything else (newer releases); then the body as JSON only with a Content-Type that starts
     * with application/json (both releases: a plain prefix test on the first value), then the model, a non-empty string.
     * new-api's own 400s, its 403 for the empty model name and (v0.6.x, a token without an allowlist) its 503 for it are
     * about a request it could not read.
     */
    private enum Sent {
        CHANNEL_SUFFIX(ChecklistLine.BEARER_HEADER, "The Authorization header sent has more after the key, behind a \"-\" (sk-<key>-<more>): "
                + "new-api reads what follows the \"-\" as the id of a channel to use, which only an administrator's token may name, and refuses "
                + "any other token with 403 before it looks at the body or the model (middleware/auth.go TokenAuth, every release). This refusal "
                + "is about the header, not the model: send the token alone, Bearer sk-<key>."), TOO_LARGE(CommonError.INTERMITTENT,
                        "The body sent is larger than new-api's default limit (MAX_REQUEST_BODY_MB, 128 MB since 2026-01-06; "
                                + "an operator may set another): new-api reads the whole body before the model and answers one over its limit with 400 "
                                + "(Distribute → the body storage), so this 400 is about the size of the input."), NOT_JSON_CONTENT_TYPE(
                                        ChecklistLine.JSON_CONTENT_TYPE, "The request's Content-Type is not application/json, so Crazyrouter did not read "
                                                + "the body as JSON and found no model name in it: its refusal is about the empty name, not the model meant."), NOT_JSON(
                                                        CommonError.MAPPING_INCONSISTENT,
                                                        "The body sent is not valid JSON (a raw line break, tab or quote from an input breaks it), "
                                                                + "so Crazyrouter could not read it."), NO_MODEL(CommonError.MAPPING_INCONSISTENT,
                                                                        "The body sent has no model name as text (\"model\" missing, empty or not a string), so "
                                                                                + "Crazyrouter's refusal is about the body, not a model."), READABLE(null, "");

        private final GuideLine row;
        private final String evidence;

        Sent(GuideLine row, String evidence) {
            this.row = row;
            this.evidence = evidence;
        }

        Optional<Verdict> verdict() {
            return Diagnosis.verdict(row, evidence);
        }

        static Sent of(OutgoingRequest request, long maxBodyBytes) {
            if (request == null) {
                return READABLE; // nothing known of what was sent: the status decides
            }
            if (request.header("Authorization").filter(Sent::namesAChannel).isPresent()) {
                return CHANNEL_SUFFIX;
            }
            if (request.body() == null) {
                return READABLE;
            }
            if (utf8Length(request.body(), maxBodyBytes) > maxBodyBytes) {
                return TOO_LARGE;
            }
            if (!request.header("Content-Type").orElse("").startsWith("application/json")) {
                return NOT_JSON_CONTENT_TYPE;
            }
            Optional<JsonNode> body = Json.parse(request.body()).filter(JsonNode::isObject);
            if (body.isEmpty()) {
                return NOT_JSON;
            }
            JsonNode model = body.get().path("model");
            return model.isTextual() && !model.asText().isEmpty() ? READABLE : NO_MODEL;
        }

        /**
         * As TokenAuth splits the key (both releases): an optional "Bearer " (newer releases: or "bearer "), an optional
         * "sk-", then the key up to the first "-"; anything after it is a channel id. The value is read, never shown.
         */
        private static boolean namesAChannel(String authorization) {
            String key = authorization.startsWith("Bearer ") || authorization.startsWith("bearer ") ? authorization.substring(7).trim() : authorization;
            key = key.startsWith("sk-") ? key.substring(3) : key;
            return key.indexOf('-') >= 0;
        }

        /** The body's size in UTF-8, counted only as far as needed to tell whether it passes {@code limit}. */
        private static long utf8Length(String body, long limit) {
            if ((long) body.length() * 3 <= limit) {
                return body.length();
            }
            long bytes = 0;
            for (int i = 0; i < body.length() && bytes <= limit; i++) {
                char c = body.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes, 2 each
            }
            return bytes;
        }
    }

    private static Optional<Verdict> verdict(GuideLine row, String evidence) {
        return Optional.of(new Verdict(row, evidence));
    }

    private static String quoted(String model) {
        return "\"" + model + "\"";
    }
}
