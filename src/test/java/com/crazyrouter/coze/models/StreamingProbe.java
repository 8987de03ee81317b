package com.crazyrouter.coze.models;

import com.crazyrouter.coze.contract.JsonSchemas;
import com.crazyrouter.coze.guide.OnlyReply;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.StreamedReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The streaming cell of the model matrix. A stream passes when its events (read as the spec reads them) are chunks a
 * streaming client decodes, their deltas join to only OK, it ends with [DONE] and carries usage; an error the upstream
 * sends as an event is named as such. A gateway that streams must keep the error contract on a stream too: a wrong key
 * and a model outside the token's allowlist get the JSON 401 and 403 that new-api's TokenAuth and Distribute write
 * before any relay, whatever the body asks (docs/GATEWAY.md §9) — never a 200 with the error as an event, which a
 * streaming client takes for a reply that started.
 */
final class StreamingProbe {
    /** An obvious fake no gateway knows. */
    static final String WRONG_KEY = "sk-testCozeStreamWrongKey0000000000000000000000";
    /** A model id no allowlist holds: a token with an allowlist is refused it (new-api checks the allowlist before any channel). */
    static final String REFUSED_MODEL = "coze-contract-model-outside-the-allowlist";
    static final String BODY = "{\"model\":\"%s\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
    /** What "Reply only OK" asks for, as guide/OnlyReply reads it. */
    private static final String ASKED_FOR = "OK";
    /** What a streaming client decodes of each chunk (Coze-minimal; OpenAI's own schema is checked beside it, report only). */
    private static final String CHUNK_SCHEMA = "schemas/chat-completion-chunk.json";

    private final CapabilityProbe.Rendering render;
    private final Function<OutgoingRequest, StreamedReply> stream;

    StreamingProbe(CapabilityProbe.Rendering render, Function<OutgoingRequest, StreamedReply> stream) {
        this.render = render;
        this.stream = stream;
    }

    Cell probe(String model, String route) {
        StreamedReply reply = stream.apply(render.withToken().apply(BODY.formatted(model)));
        List<String> problems = new ArrayList<>();
        if (reply.status() != 200) {
            problems.add("HTTP " + reply.status());
        }
        if (!reply.contentType().startsWith("text/event-stream")) {
            problems.add("Content-Type '" + reply.contentType() + "' is not text/event-stream");
        }
        List<JsonNode> chunks = reply.chunks(problems);
        List<StreamedReply.UpstreamError> errors = reply.upstreamErrors();
        errors.stream().findFirst().ifPresent(error -> problems.add(0, "an upstream error came as an event after " + error.chunksBefore() + " chunk(s) "
                + error.words() + (error.chunksBefore() == 0
                        ? ": the reply failed as soon as the stream had started (with HTTP 200)"
                        : ": the reply failed in the middle of the stream, and a streaming client keeps only what came before it")));
        StringBuilder content = new StringBuilder();
        String finish = "";
        for (JsonNode chunk : chunks) {
            List<JsonSchemas.Violation> broken = JsonSchemas.violations(CHUNK_SCHEMA, chunk);
            if (!broken.isEmpty()) {
                problems.add("a chunk breaks " + CHUNK_SCHEMA + " (" + broken.stream().map(JsonSchemas.Violation::toString).collect(Collectors.joining("; "))
                        + "), which a streaming client cannot decode");
                break;
            }
            content.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
            finish = chunk.path("choices").path(0).path("finish_reason").isTextual() ? chunk.path("choices").path(0).path("finish_reason").asText() : finish;
        }
        JsonNode usage = chunks.isEmpty() ? Json.MAPPER.missingNode() : chunks.get(chunks.size() - 1).path("usage");
        Optional<String> limitTooSmall = Optional.empty();
        if (errors.isEmpty()) {
            limitTooSmall = OutputLimit.usedUpBeforeAnyText(model, reply.request(), content.toString(), finish, usage);
            if (content.isEmpty() && limitTooSmall.isEmpty()) {
                problems.add("the content deltas join to nothing");
            } else if (!content.isEmpty() && !OnlyReply.says(ASKED_FOR, content.toString())) {
                problems.add("the content deltas join to \"" + content + "\", not to the " + ASKED_FOR + " the model was asked for");
            }
            if (!usage.path("total_tokens").isInt()) {
                problems.add("the last chunk carries no usage although stream_options.include_usage was set");
            }
        }
        if (!reply.endsWithDone()) {
            problems.add("the stream does not end with data: [DONE]" + reply.lastData().filter(last -> last.strip().equals(StreamedReply.DONE))
                    .map(last -> " (its last event's data is \"" + last + "\": a client removes one space after \"data:\", and no more)").orElse(""));
        }
        List<Refusal> refusals = reply.isEventStream() ? refusals(model) : List.of();
        refusals.stream().filter(r -> !r.held()).map(Refusal::words).forEach(problems::add);
        String held = refusals.stream().filter(Refusal::held).map(Refusal::words).collect(Collectors.joining("; "));
        Cell.Verdict verdict = !problems.isEmpty() ? Cell.Verdict.FAIL : limitTooSmall.isPresent() ? Cell.Verdict.NOT_CHECKED : Cell.Verdict.PASS;
        String evidence = !problems.isEmpty()
                ? String.join("; ", problems) + " — " + reply.describe()
                : limitTooSmall.orElse(chunks.size() + " chunks joined to \"" + content + "\", ended with [DONE], usage in the last chunk")
                        + (held.isEmpty() ? "" : "; " + held);
        return new Cell(model, route, Capability.STREAMING, verdict, evidence, Optional.of(reply.timing()), usage.path("total_tokens").asInt(0));
    }

    /** What a refused request on a stream got: whether the error contract held, in words either way. */
    private record Refusal(boolean held, String words) {
    }

    /**
     * A wrong key, and a model outside the allowlist of a token that has one, streamed: each must get new-api's JSON
     * rejection. Sent only once the stream itself came as one: a gateway that does not stream has failed the cell already.
     */
    private List<Refusal> refusals(String model) {
        Refusal wrongKey = refusal("a wrong key", 401, render.withWrongKey().apply(BODY.formatted(model)))
                .orElse(new Refusal(true, "a wrong key got the JSON 401 it gets without streaming"));
        Refusal refusedModel = render.withAllowlistedToken()
                .map(r -> refusal("a model outside the token's allowlist", 403, r.apply(BODY.formatted(REFUSED_MODEL)))
                        .orElse(new Refusal(true, "a model outside the allowlist got the JSON 403 it gets without streaming")))
                .orElse(new Refusal(true, "a refused model not tried on a stream: no token with a model allowlist at hand"));
        return List.of(wrongKey, refusedModel);
    }

    /** The problem, when a streamed request new-api refuses before relaying gets anything but its JSON error with that status. */
    private Optional<Refusal> refusal(String what, int status, OutgoingRequest request) {
        StreamedReply answer = stream.apply(request);
        GatewayReply whole = answer.answerTo(request);
        JsonNode error = whole.json().map(j -> j.path("error")).orElse(Json.MAPPER.missingNode());
        if (answer.status() == status && whole.isJson() && error.path("message").isTextual() && error.path("type").isTextual()) {
            return Optional.empty();
        }
        String got = answer.isEventStream()
                ? "HTTP 200 and an event stream" + answer.upstreamErrors().stream().findFirst().map(e -> " with the refusal as an error event " + e.words())
                        .orElse("")
                : answer.describe();
        return Optional.of(new Refusal(false, what + " on a stream is not refused as without streaming: it got " + got + ", not the JSON " + status
                + " {\"error\":{\"message\",\"type\"}} new-api answers before it relays anything; a streaming client takes a 200 for a reply that started"));
    }
}
