package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
    private static final String OWN = "schemas/chat-completion.json";
    private static final String OPENAI_CHUNK = "schemas/openai/chat-completions.json#/$defs/CreateChatCompletionStreamResponse";

    @Test
    void aReplyCozeCanReadHoldsTheHarnesssDraft04Schema() {
        assertThat(JsonSchemas.violations(OWN, json("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-5.4",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")), empty());
    }

    @Test
    void eachBreakIsNamedByItsJsonPointer() {
        var violations = JsonSchemas.violations(OWN, json("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-5.4",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}]}"""));
        assertThat(violations.stream().map(JsonSchemas.Violation::toString).toList(),
                contains(startsWith("/choices/0/message/content: "), startsWith("/: required property 'usage'")));
    }

    @Test
    void openAisSchemasReadNullAsOpenAisSdksDo() {
        // finish_reason is `nullable: true` in OpenAI's document (OpenAPI 3.0 wording); the copy says anyOf [..., null]
        assertThat(JsonSchemas.violations(OPENAI_CHUNK, json("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-5.4",
                 "choices":[{"index":0,"delta":{"content":"OK"},"finish_reason":null}],"usage":null}""")), empty());
        assertThat(JsonSchemas.violations(OPENAI_CHUNK, json("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-5.4",
                 "choices":[{"index":0,"delta":{"content":"OK"},"finish_reason":"halted"}]}""")).stream().map(JsonSchemas.Violation::pointer).toList(),
                hasItem("/choices/0/finish_reason"));
    }

    @Test
    void anUnreadableSchemaSaysWhichOne() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> JsonSchemas.violations("schemas/none.json", json("{}")));
    }

    private static JsonNode json(String text) {
        return Json.parse(text).orElseThrow();
    }
}
