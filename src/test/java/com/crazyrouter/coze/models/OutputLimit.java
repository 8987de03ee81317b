package com.crazyrouter.coze.models;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Tells a reasoning model whose output limit ran out before it wrote anything from a broken model. A reasoning model
 * (OpenAI's o-series and GPT-5 family, Gemini's thinking models) spends tokens on reasoning before its first visible
 * one, and the output limit counts them: under a small limit it answers no text with finish_reason "length". Decided
 * from the structure alone: no text, finish_reason "length", and a limit in the request as sent (a live run's probes
 * carry crazyrouter.probeMaxTokens). Without a limit in the request, the same answer is a broken model.
 */
final class OutputLimit {
    /** The setting that puts a limit on a live run's probes (config/Settings#PROBE_MAX_TOKENS). */
    private static final String PROBE_SETTING = "crazyrouter.probeMaxTokens";

    private OutputLimit() {
    }

    /**
     * Why an answer with no text is not a verdict on the model: the limit was too small for a reasoning model; empty when
     * the answer has text, stopped for another reason, or its request set no limit.
     */
    static Optional<String> usedUpBeforeAnyText(String model, Optional<OutgoingRequest> sent, String text, String finishReason, JsonNode usage) {
        if (!text.isBlank() || !"length".equals(finishReason)) {
            return Optional.empty();
        }
        Optional<JsonNode> body = sent.map(OutgoingRequest::body).flatMap(Json::parse).filter(JsonNode::isObject);
        Optional<String> field = body.flatMap(b -> b.path("max_completion_tokens").isIntegralNumber()
                ? Optional.of("max_completion_tokens")
                : b.path("max_tokens").isIntegralNumber() ? Optional.of("max_tokens") : Optional.empty());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        JsonNode reasoning = usage.path("completion_tokens_details").path("reasoning_tokens");
        return Optional.of("limit too small for a reasoning model: no text and finish_reason 'length' under the probe's " + field.get() + " "
                + body.get().path(field.get()).asLong() + (reasoning.isIntegralNumber() ? " (" + reasoning.asLong() + " reasoning tokens in usage)" : "")
                + ": the model spent the limit on reasoning before it wrote anything, which is no sign of a broken model. " + forwarded(model, field.get())
                + " Raise " + PROBE_SETTING + " to check it.");
    }

    /**
     * Which parameter new-api sends upstream for the limit: its OpenAI channel moves max_tokens to max_completion_tokens
     * for an upstream model name that starts with "o" or "gpt-5" (relay/channel/openai/adaptor.go ConvertOpenAIRequest,
     * docs/GATEWAY.md §9); both count reasoning tokens for a reasoning model.
     */
    static String forwarded(String model, String field) {
        if (field.equals("max_completion_tokens")) {
            return "new-api forwards max_completion_tokens as it is.";
        }
        return model.startsWith("o") || model.startsWith("gpt-5")
                ? "new-api's OpenAI channel forwards max_tokens to " + model + " as max_completion_tokens, which counts reasoning tokens too (older releases "
                        + "moved it only for o1 and o3 models)."
                : "new-api's OpenAI channel forwards max_tokens to " + model + " as it is (another channel type maps it its own way).";
    }
}
