package com.crazyrouter.coze.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import com.crazyrouter.coze.Json;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
    private static final String OWN = "schemas/chat-completion.json";
    private static final String OPENAI_REPLY = "schemas/openai/chat-completions.json#/$defs/CreateChatCompletionResponse";
    private static final String OPENAI_CHUNK = "schemas/openai/chat-completions.json#/$defs/CreateChatCompletionStreamResponse";

    @Test
    void explore() {
        var reply = Json.parse("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""").orElseThrow();
        System.out.println("own " + JsonSchemas.violations(OWN, reply));
        System.out.println("openai " + JsonSchemas.violations(OPENAI_REPLY, reply));
        var bad = Json.parse("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}]}""").orElseThrow();
        System.out.println("own bad " + JsonSchemas.violations(OWN, bad));
        var chunk = Json.parse("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"delta":{"content":"OK"},"finish_reason":null}]}""").orElseThrow();
        System.out.println("chunk " + JsonSchemas.violations(OPENAI_CHUNK, chunk));
    }
}
