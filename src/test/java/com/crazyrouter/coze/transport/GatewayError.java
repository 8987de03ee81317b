package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The error envelope an OpenAI-compatible gateway answers with: {"error":{"message","type"}}, and a {@code code} in
 * newer new-api releases ({@code code} is null where the answer has none, as new-api v0.6.x rejects). Its message
 * and code are shown and reported, never judged: releases word and code the same refusal differently (docs/GATEWAY.md
 * §3, §4). What a verdict may read is the status and where in new-api the answer comes from, told by its shape.
 */
public record GatewayError(String message, String type, String code) {
    /** The type of every error new-api writes itself, in every release (middleware/utils.go, abortWithOpenAiMessage). */
    public static final String NEW_API_ERROR = "new_api_error";

    /**
     * new-api's own refusal before any upstream is asked — TokenAuth, Distribute, the rate limiters: an error of type
     * {@code new_api_error} without a {@code param} key. abortWithOpenAiMessage writes message and type (and, in newer
     * releases, code) and never a param; every error the relay writes — passed on from the model's provider or its own —
     * is an OpenAIError struct whose {@code param} has no omitempty (v0.6.x: dto/error.go; newer: types/error.go,
     * ToOpenAIError), and so is the 404 of RelayNotFound (docs/GATEWAY.md §3).
     */
    public static boolean beforeRelaying(GatewayReply reply) {
        return errorObject(reply.json()).filter(GatewayError::writtenByTheMiddleware).isPresent();
    }

    /** Written from new-api's OpenAIError struct (it has a {@code param} key): the relay's errors, the upstream's passed on, RelayNotFound. */
    public static boolean fromTheRelay(GatewayReply reply) {
        return errorObject(reply.json()).filter(e -> e.has("param")).isPresent();
    }

    /**
     * new-api's answer that it has no channel for the model asked for: a 503 before relaying. In every v0.6.x release
     * (v0.6.0 … v0.6.3.1.1) Distribute's "no available channel" is the only such 503; newer releases add one more, the
     * token concurrency gate when its store fails (docs/GATEWAY.md §4). An upstream's 503 passed on, and newer new-api's
     * own load shedding (SystemPerformanceCheck), come from the relay's struct and are retried.
     */
    public static boolean noChannel(GatewayReply reply) {
        return reply.status() == 503 && beforeRelaying(reply);
    }

    /** {@link #noChannel(GatewayReply)} for an answer kept as its status and body text (a recorded stub). */
    public static boolean noChannel(int status, String body) {
        return status == 503 && errorObject(Json.parse(body)).filter(GatewayError::writtenByTheMiddleware).isPresent();
    }

    private static boolean writtenByTheMiddleware(JsonNode error) {
        return NEW_API_ERROR.equals(error.path("type").asText(null)) && !error.has("param");
    }

    private static Optional<JsonNode> errorObject(Optional<JsonNode> json) {
        return json.map(j -> j.get("error")).filter(JsonNode::isObject);
    }
}
