package com.crazyrouter.coze.models;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.StreamedReply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers each capability probe with a canned reply chosen by what its body asks for, and keeps the bodies it was
 * sent; a test changes one reply, status or failure to see how the probe judges it.
 */
final class CannedProbeGateway {
    static final String MODEL = "gpt-5.4";

    final List<String> sent = new ArrayList<>();
    int plainStatus = 200;
    String plain = completion(MODEL, "OK", "stop", true);
    String system = completion(MODEL, "PONG", "stop", true);
    String limited = completion(MODEL, "1", "length", true);
    String jsonMode = completion(MODEL, "{\"answer\": \"OK\"}", "stop", true);
    Throwable plainFails;
    Throwable maxTokensFails;
    Throwable jsonModeFails;
    Throwable streamFails;
    int streamStatus = 200;
    String streamContentType = "text/event-stream";
    List<String> streamLines = List.of(
            chunk("{\"role\":\"assistant\",\"content\":\"\"}"), "",
            ": PING", "",
            chunk("{\"content\":\"O\"}"), "",
            chunk("{\"content\":\"K\"}"), "",
            chunk("{}").replace("\"finish_reason\":null", "\"finish_reason\":\"stop\""), "",
            "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"gpt-5.4\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,\"total_tokens\":12}}",
            "",
            "data: [DONE]", "");

    /** What a wrong key gets on a stream, and a model outside a token's allowlist: new-api's JSON 401 and 403 unless a test changes them. */
    StreamedReply wrongKeyAnswer = json(401, "{\"error\":{\"code\":\"\",\"message\":\"Invalid token (request id: 1)\",\"type\":\"new_api_error\"}}");
    StreamedReply refusedModelAnswer = json(403, "{\"error\":{\"code\":\"\",\"message\":\"This token has no access to model x\",\"type\":\"new_api_error\"}}");
    /** The output limit a live run's client adds to a probe that sets none (crazyrouter.probeMaxTokens); 0: none, as in a stub run. */
    int probeLimit;
    /** Whether the run has a token with a model allowlist for the streaming cell's refused model. */
    boolean hasTokenWithAllowlist = true;

    /** The three renderings a probe asks for, told apart here by their Authorization header. */
    CapabilityProbe.Rendering rendering() {
        return new CapabilityProbe.Rendering(body -> render(body, PROBE_TOKEN), body -> render(body, WRONG_KEY),
                hasTokenWithAllowlist ? Optional.of(body -> render(body, ALLOWLISTED_TOKEN)) : Optional.empty());
    }

    private static final String PROBE_TOKEN = "Bearer sk-testProbeToken";
    private static final String WRONG_KEY = "Bearer sk-testWrongKey";
    private static final String ALLOWLISTED_TOKEN = "Bearer sk-testAllowlistedToken";

    private static OutgoingRequest render(String body, String authorization) {
        return new OutgoingRequest("POST", URI.create("http://127.0.0.1:1/v1/chat/completions"),
                List.of(new OutgoingRequest.Header("Content-Type", "application/json"), new OutgoingRequest.Header("Authorization", authorization)), body);
    }

    /** A JSON answer to a streamed request, as the client reads it: its lines. */
    static StreamedReply json(int status, String body) {
        return new StreamedReply(status, "application/json; charset=utf-8", List.of(body), Duration.ofMillis(5), Optional.empty(), Duration.ofMillis(6));
    }

    GatewayReply send(OutgoingRequest asRendered) {
        sent.add(asRendered.body());
        OutgoingRequest request = withProbeLimit(asRendered);
        String body = asRendered.body();
        int status = 200;
        String answer;
        if (body.contains("\"role\":\"system\"")) {
            answer = system;
        } else if (body.contains("\"max_tokens\":1")) {
            failIf(maxTokensFails);
            answer = limited;
        } else if (body.contains("\"response_format\"")) {
            failIf(jsonModeFails);
            answer = jsonMode;
        } else {
            failIf(plainFails);
            answer = plain;
            status = plainStatus;
        }
        return new GatewayReply(request, status, Map.of("Content-Type", "application/json"), answer, Duration.ofMillis(5), Duration.ofMillis(7));
    }

    StreamedReply stream(OutgoingRequest request) {
        sent.add(request.body());
        String authorization = request.header("Authorization").orElse("");
        if (authorization.equals(WRONG_KEY)) {
            return wrongKeyAnswer;
        }
        if (authorization.equals(ALLOWLISTED_TOKEN)) {
            return refusedModelAnswer;
        }
        failIf(streamFails);
        return new StreamedReply(streamStatus, streamContentType, streamLines, Duration.ofMillis(5), Optional.of(Duration.ofMillis(6)), Duration.ofMillis(9),
                Optional.of(withProbeLimit(request)));
    }

    /** The request as a live run's client sends a probe: with max_tokens {@link #probeLimit} where it set no limit of its own. */
    private OutgoingRequest withProbeLimit(OutgoingRequest request) {
        if (probeLimit == 0 || request.body().contains("\"max_tokens\"")) {
            return request;
        }
        ObjectNode body = (ObjectNode) Json.parse(request.body()).orElseThrow();
        return new OutgoingRequest(request.method(), request.url(), request.headers(), body.put("max_tokens", probeLimit).toString());
    }

    static String completion(String model, String content, String finishReason, boolean withUsage) {
        ObjectNode reply = Json.MAPPER.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1767225600).put("model",
                model);
        ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finishReason);
        if (withUsage) {
            reply.putObject("usage").put("prompt_tokens", 11).put("completion_tokens", 1).put("total_tokens", 12);
        }
        return reply.toString();
    }

    private static String chunk(String delta) {
        return "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\"gpt-5.4\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
    }

    /** A gateway that gives no answer (an AssertionError: GatewayUnreachable) or a run that refuses to send (RunStopped). */
    private static void failIf(Throwable failure) {
        if (failure instanceof RuntimeException refused) {
            throw refused;
        }
        if (failure instanceof Error noAnswer) {
            throw noAnswer;
        }
    }
}
