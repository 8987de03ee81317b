package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.StreamedReply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiConformanceTest {
    private static final OutgoingRequest REQUEST = new OutgoingRequest("POST", URI.create("http://127.0.0.1:1/v1/chat/completions"),
            List.of(new OutgoingRequest.Header("Content-Type", "application/json")), "{\"model\":\"gpt-5.4\"}");
    /** As new-api relays it: no refusal, no logprobs; its own additions (reasoning_content, usage details). */
    private static final String NEW_API_REPLY = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-5.4","system_fingerprint":"fp_1",
             "choices":[{"index":0,"message":{"role":"assistant","content":"OK","reasoning_content":"thinking"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":11,"completion_tokens":1,"total_tokens":12,
                      "prompt_tokens_details":{"cached_tokens":0,"text_tokens":11,"audio_tokens":0,"image_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"text_tokens":1,"audio_tokens":0}}}""";

    private final OpenAiConformance conformance = new OpenAiConformance();

    @Test
    void newApisReplyDiffersOnlyWhereOpenAiRequiresWhatItLeavesOut() {
        conformance.check(reply(200, "application/json", NEW_API_REPLY));

        assertThat(conformance.scenarioEnded("Coze API plugin", "gpt-5.4").stream().map(Object::toString).toList(), containsInAnyOrder(
                "CreateChatCompletionResponse /choices/*/message: required property 'refusal' not found",
                "CreateChatCompletionResponse /choices/*: required property 'logprobs' not found"));
    }

    @Test
    void aReplyAsOpenAiSendsItDiffersInNothing() {
        conformance.check(reply(200, "application/json", NEW_API_REPLY.replace("\"content\":\"OK\",", "\"content\":\"OK\",\"refusal\":null,")
                .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"stop\",\"logprobs\":null")));

        assertThat(conformance.scenarioEnded("Coze API plugin", "gpt-5.4"), empty());
    }

    @Test
    void anErrorEnvelopeWithoutParamDiffers() {
        conformance.check(reply(401, "application/json", "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"code\":\"\"}}"));
        conformance
                .check(reply(401, "application/json", "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"param\":\"\",\"code\":null}}"));

        assertThat(conformance.scenarioEnded("Coze API plugin", "gpt-5.4").stream().map(Object::toString).toList(), containsInAnyOrder(
                "ErrorResponse /error: required property 'param' not found"));
    }

    @Test
    void whatHasNoOpenAiSchemaIsNotChecked() {
        conformance.check(reply(200, "text/html", "<!doctype html><title>Crazyrouter</title>"));
        conformance.check(reply(200, "application/json", "{\"object\":\"list\",\"data\":[]}"));
        conformance.check(reply(500, "application/json", "[1,2]"));

        assertThat(conformance.scenarioEnded("Coze API plugin", "gpt-5.4"), empty());
        assertThat(conformance.markdown(), containsString("0 replies and 0 stream chunks checked, 0 answers differ"));
    }

    @Test
    void eachStreamChunkIsChecked() {
        conformance.check(new StreamedReply(200, "text/event-stream", List.of(
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-5.4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"OK\"},\"finish_reason\":null}]}",
                "",
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-5.4\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "",
                "data: [DONE]", ""), Duration.ZERO, Optional.empty(), Duration.ZERO));

        assertThat(conformance.scenarioEnded("Coze workflow HTTP request node", "gpt-5.4").stream().map(Object::toString).toList(), containsInAnyOrder(
                "CreateChatCompletionStreamResponse /choices/*: required property 'index' not found"));
        assertThat(conformance.markdown(), containsString("0 replies and 2 stream chunks checked, 1 answers differ"));
    }

    @Test
    void theSummaryListsEachDifferenceOnceWithItsModelsAndRoutes() {
        conformance.check(reply(200, "application/json", NEW_API_REPLY));
        conformance.scenarioEnded("Coze API plugin", "gpt-5.4");
        conformance.check(reply(200, "application/json", NEW_API_REPLY.replace("gpt-5.4", "claude-sonnet-4-6")));
        conformance.scenarioEnded("Coze workflow HTTP request node", "claude-sonnet-4-6");

        String md = conformance.markdown();
        assertThat(md, containsString("2 replies and 0 stream chunks checked, 2 answers differ"));
        assertThat(md, containsString("| CreateChatCompletionResponse | `/choices/*` | required property 'logprobs' not found | claude-sonnet-4-6, gpt-5.4 "
                + "| Coze API plugin, Coze workflow HTTP request node |"));
    }

    @Test
    void whatCameBeforeAScenarioIsNotItsOwn() {
        conformance.check(reply(200, "application/json", NEW_API_REPLY));
        conformance.scenarioStarts();

        assertThat(conformance.scenarioEnded("Coze API plugin", "gpt-5.4"), empty());
        assertThat(conformance.markdown(), containsString("No difference."));
        assertThat(conformance.markdown(), not(containsString("| CreateChatCompletionResponse")));
    }

    private static GatewayReply reply(int status, String contentType, String body) {
        return new GatewayReply(REQUEST, status, Map.of("Content-Type", contentType), body, Duration.ZERO, Duration.ZERO);
    }
}
