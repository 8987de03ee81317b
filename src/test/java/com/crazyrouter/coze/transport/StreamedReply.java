package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.text.ShownText;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streamed chat reply ("stream": true), as server-sent events: the lines as they came (redacted), the request as it
 * was sent (where known), and when the first byte and the first data line arrived. Its events are read as the WHATWG
 * HTML standard reads an event stream (docs/GATEWAY.md §9): {@link ServerSentEvent#of}.
 */
public record StreamedReply(int status, String contentType, List<String> lines, Duration firstByte, Optional<Duration> firstChunk, Duration total,
        Optional<OutgoingRequest> request) {
    public static final String DONE = "[DONE]";
    /** An event's data as a streaming client decodes it: one JSON value, nothing after it (Go's json.Unmarshal, Python's json.loads). */
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public StreamedReply {
        lines = List.copyOf(lines);
    }

    /** A stream whose request is not known (a test's canned stream). */
    public StreamedReply(int status, String contentType, List<String> lines, Duration firstByte, Optional<Duration> firstChunk, Duration total) {
        this(status, contentType, lines, firstByte, firstChunk, total, Optional.empty());
    }

    /** The stream as one answer to {@code request}, its lines as the body: what a 5xx or a 429 said, for the run's failure streak. */
    public GatewayReply answerTo(OutgoingRequest request) {
        return new GatewayReply(request, status, Map.of("Content-Type", contentType), String.join("\n", lines), firstByte, total);
    }

    public Timing timing() {
        return new Timing(firstByte, total, firstChunk);
    }

    /** Whether this is a stream at all: HTTP 200 as text/event-stream. */
    public boolean isEventStream() {
        return status == 200 && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }

    /** The events, as the spec reads the lines (comments skipped, several data: lines of one event joined with "\n"). */
    public List<ServerSentEvent> events() {
        return ServerSentEvent.of(lines);
    }

    /** The data of each event, in order. */
    public List<String> data() {
        return events().stream().map(ServerSentEvent::data).toList();
    }

    public boolean endsWithDone() {
        return lastData().filter(DONE::equals).isPresent();
    }

    /** The last event's data, when the stream had any event. */
    public Optional<String> lastData() {
        List<String> data = data();
        return data.isEmpty() ? Optional.empty() : Optional.of(data.get(data.size() - 1));
    }

    /**
     * Each event's data parsed, [DONE] and the upstream's error events ({@link #upstreamErrors}) left out; data that is
     * not JSON is reported as a problem, not skipped.
     */
    public List<JsonNode> chunks(List<String> problems) {
        List<JsonNode> chunks = new ArrayList<>();
        for (ServerSentEvent event : events()) {
            if (event.data().equals(DONE) || event.type().equals("error")) {
                continue;
            }
            try {
                JsonNode chunk = ONE_VALUE.readTree(event.data());
                if (chunk == null || chunk.isMissingNode()) {
                    problems.add("an event has empty data, which is not JSON");
                } else if (!ServerSentEvent.isError(event, chunk)) {
                    chunks.add(chunk);
                }
            } catch (StreamConstraintsException beyond) {
                problems.add("an event's data is beyond the limits of the harness's JSON parser (" + beyond.getOriginalMessage() + "), so it is not checked");
            } catch (IOException e) {
                problems.add(notJson(event));
            }
        }
        return chunks;
    }

    /**
     * The upstream's errors sent as events: an event of type "error", or one whose data is a JSON object with an
     * "error" member and no "choices" (OpenAI's and new-api's error envelope) — read from the structure, never from words.
     */
    public List<UpstreamError> upstreamErrors() {
        List<UpstreamError> errors = new ArrayList<>();
        int chunksBefore = 0;
        for (ServerSentEvent event : events()) {
            Optional<JsonNode> data = oneValue(event.data());
            if (ServerSentEvent.isError(event, data.orElse(null))) {
                JsonNode error = data.map(d -> d.path("error")).orElse(Json.MAPPER.missingNode());
                Optional<String> message = error.isTextual()
                        ? Optional.of(error.asText())
                        : error.path("message").isTextual()
                                ? Optional.of(error.path("message").asText())
                                : data.isEmpty() ? Optional.of(event.data()) : Optional.empty();
                Optional<String> type = error.path("type").isTextual() ? Optional.of(error.path("type").asText()) : Optional.empty();
                errors.add(new UpstreamError(message.map(ShownText::oneLine), type.map(ShownText::oneLine), chunksBefore));
            } else if (data.isPresent()) {
                chunksBefore++;
            }
        }
        return errors;
    }

    /** An error the stream carried as an event, with what it said and how many data chunks came before it. */
    public record UpstreamError(Optional<String> message, Optional<String> type, int chunksBefore) {
        /** "(\"message\", type upstream_error)", or that it said nothing. */
        public String words() {
            String said = message.map(m -> "\"" + (m.length() > 200 ? m.substring(0, 200) + "…" : m) + "\"").orElse("no message");
            return "(" + said + type.map(t -> ", type " + t).orElse("") + ")";
        }
    }

    /** One line a person can read in a failure message: the first lines, a binary stream's bytes escaped. */
    public String describe() {
        String head = String.join(" | ", lines.subList(0, Math.min(lines.size(), 6)));
        return "HTTP " + status + " (" + ShownText.oneLine(contentType) + "), " + lines.size() + " lines: "
                + ShownText.oneLine(head.length() > 300 ? head.substring(0, 300) + "…" : head);
    }

    /**
     * Why an event's data is not JSON. Data lines with no blank line between them are one event as the spec reads them:
     * when each line alone is JSON, the gateway left out the blank line that ends an event.
     */
    private static String notJson(ServerSentEvent event) {
        String data = event.data();
        List<String> parts = List.of(data.split("\n", -1));
        if (parts.size() > 1 && parts.stream().allMatch(p -> p.equals(DONE) || oneValue(p).isPresent())) {
            return parts.size() + " data: lines with no blank line between them are one event, as the spec reads an event stream, and "
                    + "together they are not JSON: a client that follows the spec (a browser's EventSource, OpenAI's Python SDK) fails on it";
        }
        return "an event's data is not JSON: " + ShownText.oneLine(data.length() > 80 ? data.substring(0, 80) + "…" : data);
    }

    private static Optional<JsonNode> oneValue(String data) {
        try {
            return data.isBlank() ? Optional.empty() : Optional.ofNullable(ONE_VALUE.readTree(data));
        } catch (IOException notOneValue) {
            return Optional.empty();
        }
    }
}
