package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which Common Errors row a reply looks like, for the answers new-api gives: from the status, the route, what was sent
 * and the answer's shape — the same row whatever the message says or whether it has a code (docs/GATEWAY.md §3, §4).
 */
class DiagnosisTest {
    private static final OutgoingRequest REQUEST = chat("{\"model\":\"gpt-5.4\",\"messages\":[]}", "application/json");

    @Test
    void aChatReplyNeedsNoRow() {
        assertThat(Diagnosis.of(json(200, "{\"object\":\"chat.completion\",\"choices\":[]}")), equalTo(Optional.empty()));
    }

    @Test
    void rejectionsMapToTheGuidesRows() {
        assertThat(Diagnosis.of(json(401, error("Invalid token", ""))), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(Diagnosis.of(json(403, error("This token has no access to model gemini-3-pro-preview", ""))),
                equalTo(Optional.of(CommonError.MODEL_NOT_ALLOWED)));
        assertThat(Diagnosis.of(reply(404, error("Invalid URL (POST /v1/chat)", ""), new OutgoingRequest("POST",
                URI.create("http://127.0.0.1/v1/chat"), List.of(), "{}"))), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(Diagnosis.of(json(503, error("No available channel for model gpt5.4 under group default", "model_not_found"))),
                equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
        assertThat(Diagnosis.of(json(429, error("请求过于频繁", ""))), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.of(json(503, RELAYED_503)), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    /** new-api v0.6.x: no code, Chinese messages (middleware/utils.go abortWithOpenAiMessage, model/token.go, middleware/distributor.go). */
    @Test
    void anOlderReleasesAnswersWithoutACodeAndInChineseGetTheSameRows() {
        assertThat(Diagnosis.of(json(401, older("无效的令牌"))), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(Diagnosis.of(json(403, older("该令牌无权访问模型 gpt5.4"))), equalTo(Optional.of(CommonError.MODEL_NOT_ALLOWED)));
        assertThat(Diagnosis.of(json(503, older("当前分组 default 下对于模型 gpt5.4 无可用渠道"))), equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
        assertThat(Diagnosis.intermittent(json(503, older("当前分组 default 下对于模型 gpt5.4 无可用渠道"))), equalTo(Optional.empty()));
    }

    @Test
    void noRowDependsOnTheMessagesWords() {
        // the same answers with their messages swapped, or with none that means anything: the same rows
        assertThat(Diagnosis.of(json(403, older("Invalid token"))), equalTo(Optional.of(CommonError.MODEL_NOT_ALLOWED)));
        assertThat(Diagnosis.of(json(401, older("This token has no access to model gpt-5.4"))), equalTo(Optional.of(CommonError.UNAUTHORIZED)));
        assertThat(Diagnosis.of(json(503, older("upstream busy"))), equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
        assertThat(Diagnosis.of(json(503, "{\"error\":{\"message\":\"No available channel for model x\",\"type\":\"upstream_error\",\"param\":\"\","
                + "\"code\":\"model_not_found\"}}")), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    @Test
    void a400IsDecidedByWhatWasSent() {
        String invalidJson = error("Invalid request, invalid JSON request body", "");
        assertThat(Diagnosis.of(reply(400, invalidJson, chat("{\"model\":\"gpt-5.4\",\"messages\":[{\"content\":\"a\nb\"}]}", "application/json"))),
                equalTo(Optional.of(CommonError.MAPPING_INCONSISTENT)));
        assertThat(Diagnosis.of(reply(400, error("Model name not specified", ""), chat("{\"model\":\"gpt-5.4\"}", "text/plain"))),
                equalTo(Optional.of(ChecklistLine.JSON_CONTENT_TYPE)));
        assertThat(Diagnosis.of(reply(400, error("Model name not specified", ""), chat("{\"messages\":[]}", "application/json"))),
                equalTo(Optional.of(CommonError.MAPPING_INCONSISTENT)));
        // a readable body with a model: not one of new-api's own 400s, but the provider's, passed on (a context too long)
        assertThat(Diagnosis.of(json(400, "{\"error\":{\"message\":\"This model's maximum context length is 400000 tokens\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"messages\"}}")), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    @Test
    void theAllowlistsEmptyNameRefusalOfABodyNotSentAsJsonIsChecklistFive() {
        assertThat(Diagnosis.of(reply(403, older("该令牌无权访问模型 "), chat("{\"model\":\"gpt-5.4\"}", "text/plain"))),
                equalTo(Optional.of(ChecklistLine.JSON_CONTENT_TYPE)));
        // v0.6.x, a token without an allowlist: Distribute looks for a channel for the empty name
        assertThat(Diagnosis.of(reply(503, older("当前分组 default 下对于模型  无可用渠道"), chat("{\"model\":\"gpt-5.4\"}", "text/plain"))),
                equalTo(Optional.of(ChecklistLine.JSON_CONTENT_TYPE)));
    }

    @Test
    void aRelayed403IsTheQuotaNotTheAllowlist() {
        String quota = "{\"error\":{\"message\":\"x\",\"type\":\"new_api_error\",\"param\":\"\",\"code\":\"pre_consume_token_quota_failed\"}}";
        assertThat(Diagnosis.of(json(403, quota)), equalTo(Optional.of(TokenPractice.SPENDING_LIMIT)));
        assertThat(Diagnosis.of(json(413, error("request body too large", "read_request_body_failed"))), equalTo(Optional.of(CommonError.INTERMITTENT)));
    }

    /**
     * A body over MAX_REQUEST_BODY_MB gets Distribute's 400 (getModelRequest → the body storage), whatever the Content-Type
     * and before the JSON is read: told from an invalid-JSON 400 by the size sent, not by the words. The limit is a small
     * one here; {@link Diagnosis#verdict(GatewayReply)} uses new-api's default, 128 MB.
     */
    @Test
    void a400ForABodyOverTheGatewaysLimitIsTheInputsSizeNotTheMapping() {
        String tooLarge = error("Invalid request: Invalid request: request body exceeds 1 MB: request body too large", "");
        String big = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "é".repeat(40) + "\"}]}";
        Diagnosis.Verdict over = Diagnosis.verdict(reply(400, tooLarge, chat(big, "application/json")), 64).orElseThrow();
        assertThat(over.row(), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(over.evidence(), containsString("larger than new-api's default limit"));
        // not JSON and over the limit: the size is what new-api meets first
        assertThat(Diagnosis.verdict(reply(400, tooLarge, chat(big.replace("\"}]}", "\n"), "text/plain")), 64).flatMap(Diagnosis.Verdict::row),
                equalTo(Optional.of(CommonError.INTERMITTENT)));
        // the same words for a small body that is not JSON: the mapping (Common Errors 5), as for any invalid JSON
        assertThat(Diagnosis.verdict(reply(400, tooLarge, chat("{\"model\":\"gpt-5.4\",\"messages\":[\"a\nb\"]}", "application/json")), 1 << 20)
                .flatMap(Diagnosis.Verdict::row), equalTo(Optional.of(CommonError.MAPPING_INCONSISTENT)));
        // 40 × "é" is 80 bytes in UTF-8, over 64 though only 40 characters
        assertThat(Diagnosis.verdict(reply(400, tooLarge, chat("é".repeat(40), "application/json")), 64).orElseThrow().evidence(),
                containsString("larger than"));
        assertThat(Diagnosis.of(json(413, error("x", ""))).orElseThrow(), equalTo(CommonError.INTERMITTENT));
        assertThat(Diagnosis.verdictOf(json(413, error("x", ""))).orElseThrow().evidence(), containsString("not 413"));
    }

    /**
     * "Bearer sk-KEY-anything": TokenAuth reads what follows the "-" as a channel id and refuses a token that is not an
     * administrator's with 403 (middleware/auth.go, both releases), before the model is looked at: checklist 4, not a
     * model refusal — decided by the header sent, whatever the message says (it is Chinese in every release).
     */
    @Test
    void a403ForAKeyWithAChannelSuffixIsTheHeaderNotTheModel() {
        String refused = older("普通用户不支持指定渠道");
        for (String sent : List.of("Bearer sk-testDedicated-1", "sk-testDedicated-abc", "Bearer testDedicated-", "bearer sk-testDedicated-2")) {
            OutgoingRequest request = REQUEST.withHeader("Authorization", sent);
            Diagnosis.Verdict verdict = Diagnosis.of(reply(403, refused, request), "gpt-5.4", () -> {
                throw new AssertionError("the model lists are not read for a refusal of the header");
            }).orElseThrow();
            assertThat(sent, verdict.row(), equalTo(Optional.of(ChecklistLine.BEARER_HEADER)));
            assertThat(verdict.evidence(), containsString("channel"));
            assertThat("the token is never shown", verdict.evidence().contains("testDedicated"), equalTo(false));
        }
        // an administrator's token with a channel id that is no number: 400, the same cause
        assertThat(Diagnosis.of(reply(400, error("Invalid channel id", ""), REQUEST.withHeader("Authorization", "Bearer sk-testDedicated-x"))),
                equalTo(Optional.of(ChecklistLine.BEARER_HEADER)));
        // the key alone, "sk-" included: the allowlist's 403 as before
        assertThat(Diagnosis.of(reply(403, refused, REQUEST.withHeader("Authorization", "Bearer sk-testDedicated"))),
                equalTo(Optional.of(CommonError.MODEL_NOT_ALLOWED)));
    }

    @Test
    void a404OnTheChatRouteIsTheProvidersModelNotFoundElsewhereAWrongUrl() {
        String providers = "{\"error\":{\"message\":\"x\",\"type\":\"invalid_request_error\",\"param\":\"\",\"code\":\"\"}}";
        assertThat(Diagnosis.of(json(404, providers)), equalTo(Optional.of(CommonError.MODEL_NOT_FOUND)));
        assertThat(Diagnosis.of(reply(404, providers, new OutgoingRequest("POST", URI.create("http://127.0.0.1/v1/chat/completions/"), List.of(), "{}"))),
                equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        assertThat(Diagnosis.of(reply(404, providers, new OutgoingRequest("GET", URI.create("http://127.0.0.1/v1/chat/completions"), List.of(), ""))),
                equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
    }

    @Test
    void aBusyGatewayIsRowSixWhateverWasExpected() {
        assertThat(Diagnosis.intermittent(json(502, error("bad response status code 502", "bad_response_status_code"))),
                equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.intermittent(json(503, error("No available channel for model x", "model_not_found"))), equalTo(Optional.empty()));
        assertThat(Diagnosis.intermittent(json(503, RELAYED_503)), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(Diagnosis.intermittent(json(401, error("Invalid token", ""))), equalTo(Optional.empty()));
    }

    // the answer's form decides first (transport/AnswerForm): the dashboard outside /v1 is a wrong URL; a page for the API
    // path, or an error answered with 200, is no mapping mistake and gets no row
    @Test
    void aWebPageWithStatus200IsAWrongUrlOnlyOutsideTheApiAndAnErrorWith200HasNoRow() {
        OutgoingRequest outside = new OutgoingRequest("POST", URI.create("https://crazyrouter.com/chat/completions"), List.of(), "{}");
        GatewayReply dashboard = new GatewayReply(outside, 200, Map.of("Content-Type", "text/html"), "<html></html>", Duration.ZERO, Duration.ZERO);
        assertThat(Diagnosis.of(dashboard), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
        GatewayReply page = new GatewayReply(REQUEST, 200, Map.of("Content-Type", "text/html"), "<html></html>", Duration.ZERO, Duration.ZERO);
        assertThat(Diagnosis.of(page), equalTo(Optional.empty()));
        assertThat(Diagnosis.of(json(200, "{\"error\":{\"message\":\"x\"}}")), equalTo(Optional.empty()));
    }

    @Test
    void aStatusTheGuideDoesNotNameHasNoRow() {
        assertThat(Diagnosis.of(json(500, error("boom", ""))), equalTo(Optional.empty()));
    }

    // ---- a refused model, told apart with the model lists (GATEWAY.md §6, §8) ----------------------------------------

    private static final List<String> ALLOWED = List.of("gpt-5.4", "claude-sonnet-4-6");
    private static final List<String> EVERY = List.of("gpt-5.4", "claude-sonnet-4-6", "gemini-3-pro-preview");
    private static final ListedModels BOTH_LISTS = new ListedModels(Optional.of(ALLOWED), Optional.of(EVERY));
    private static final ListedModels TOKEN_LIST_ONLY = new ListedModels(Optional.of(ALLOWED), Optional.empty());

    @Test
    void aMisspelledModelRefusedAsNotAllowedIsAWrongNameWithTheClosestListedId() {
        Diagnosis.Verdict verdict = refused403("gpt-5.4o", BOTH_LISTS);
        assertThat(verdict.cause(), equalTo(CommonError.MODEL_NOT_FOUND));
        assertThat(verdict.evidence(), containsString("Crazyrouter lists no model \"gpt-5.4o\""));
        assertThat(verdict.evidence(), containsString("Did you mean gpt-5.4? (spelling differs)"));
        assertThat(refused403("GPT-5.4", BOTH_LISTS).evidence(), containsString("Did you mean gpt-5.4? (upper/lower case differs)"));
    }

    @Test
    void aListedModelOutsideTheAllowlistIsNotAllowed() {
        Diagnosis.Verdict verdict = refused403("gemini-3-pro-preview", BOTH_LISTS);
        assertThat(verdict.cause(), equalTo(CommonError.MODEL_NOT_ALLOWED));
        assertThat(verdict.evidence(), containsString("so the name is right and this token's allowlist leaves it out"));
    }

    @Test
    void aModelTheTokensOwnListHoldsIsNotCalledAWrongName() {
        Diagnosis.Verdict verdict = refused403("gpt-5.4", BOTH_LISTS);
        assertThat(verdict.cause(), equalTo(CommonError.MODEL_NOT_ALLOWED));
        assertThat(verdict.evidence(), containsString("although Crazyrouter lists it for this very token"));
    }

    @Test
    void withTheTokensListAloneAnIdCloseToAnAllowedOneIsAWrongNameAndTheVerdictSaysItIsAGuess() {
        Diagnosis.Verdict close = refused403("gpt5.4", TOKEN_LIST_ONLY);
        assertThat(close.cause(), equalTo(CommonError.MODEL_NOT_FOUND));
        assertThat(close.evidence(), containsString("Did you mean gpt-5.4? (dots, dashes or spaces differs)"));
        assertThat(close.evidence(), containsString("A guess"));
        Diagnosis.Verdict far = refused403("gemini-3-pro-preview", TOKEN_LIST_ONLY);
        assertThat(far.cause(), equalTo(CommonError.MODEL_NOT_ALLOWED));
        assertThat(far.evidence(), containsString("A guess"));
    }

    @Test
    void withoutAnyListTheRowRestsOnTheStatusAndSaysSo() {
        Diagnosis.Verdict verdict = refused403("gpt-5.4o", ListedModels.UNKNOWN);
        assertThat(verdict.cause(), equalTo(CommonError.MODEL_NOT_ALLOWED));
        assertThat(verdict.evidence(), containsString("rests on the status alone"));
    }

    @Test
    void aModelWithoutAChannelIsAWrongNameWithTheClosestIdAlsoInAnOlderReleaseWithoutTheCode() {
        Diagnosis.Verdict current = Diagnosis.of(json(503, error("No available channel for model claude-sonet-4-6 under group default", "model_not_found")),
                "claude-sonet-4-6", () -> BOTH_LISTS).orElseThrow();
        assertThat(current.cause(), equalTo(CommonError.MODEL_NOT_FOUND));
        assertThat(current.evidence(), containsString("Did you mean claude-sonnet-4-6?"));
        Diagnosis.Verdict older = Diagnosis.of(json(503, older("当前分组 default 下对于模型 claude-sonet-4-6 无可用渠道")), "claude-sonet-4-6",
                () -> BOTH_LISTS).orElseThrow();
        assertThat(older.cause(), equalTo(CommonError.MODEL_NOT_FOUND));
    }

    @Test
    void theListsAreReadOnlyForARefusedModel() {
        Supplier<ListedModels> never = () -> {
            throw new AssertionError("no model list is needed for this answer");
        };
        assertThat(Diagnosis.of(json(401, error("Invalid token", "")), "gpt-5.4", never).orElseThrow().cause(), equalTo(CommonError.UNAUTHORIZED));
        assertThat(Diagnosis.of(json(200, "{\"object\":\"chat.completion\",\"choices\":[]}"), "gpt-5.4", never), equalTo(Optional.empty()));
    }

    private static Diagnosis.Verdict refused403(String model, ListedModels listed) {
        return Diagnosis.of(json(403, error("This token has no access to model " + model, "")), model, () -> listed).orElseThrow();
    }

    private static String error(String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"new_api_error\",\"code\":\"" + code + "\"}}";
    }

    /** As v0.6.x answers: message and type, no code (middleware/utils.go abortWithOpenAiMessage at Calcium-Ion/new-api v0.6.3.1.1). */
    private static String older(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"new_api_error\"}}";
    }

    /** An upstream's 503 passed on by the relay: the relay's struct, with param (service/error.go RelayErrorHandler). */
    private static final String RELAYED_503 = "{\"error\":{\"message\":\"upstream busy\",\"type\":\"upstream_error\",\"param\":\"503\","
            + "\"code\":\"bad_response_status_code\"}}";

    private static OutgoingRequest chat(String body, String contentType) {
        return new OutgoingRequest("POST", URI.create("http://127.0.0.1/v1/chat/completions"), List.of(new OutgoingRequest.Header("Content-Type", contentType)),
                body);
    }

    private static GatewayReply json(int status, String body) {
        return reply(status, body, REQUEST);
    }

    private static GatewayReply reply(int status, String body, OutgoingRequest request) {
        return new GatewayReply(request, status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO);
    }
}
