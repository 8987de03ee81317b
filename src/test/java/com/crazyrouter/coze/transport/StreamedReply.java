package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.text.ShownText;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streamed chat reply ("stream": true), as server-sent events: the lines as they came (redacted), and when the
 * first byte and the first data chunk arrived.
 */
public record StreamedReply(int status, String contentType, List<String> lines, Duration firstByte, Optional<Duration> firstChunk, Duration total) {
    public static final String DONE = "[DONE]";

    public StreamedReply {
        lines = List.copyOf(lines);
    }

    /** The stream as one answer to {@code request}, its lines as the body: what a 5xx or a 429 said, for the run's failure streak. */
    public GatewayReply answerTo(OutgoingRequest request) {
        return new GatewayReply(request, status, Map.of("Content-Type", contentType), String.join("\n", lines), firstByte, total);
    }

    public Timing timing() {
        return new Timing(firstByte, total, firstChunk);
    }

    /** The payloads of the "data:" lines, keep-alive comments (": PING") skipped. */
    public List<String> data() {
        return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).toList();
    }

    public boolean endsWithDone() {
        List<String> data = data();
        return !data.isEmpty() && data.get(data.size() - 1).equals(DONE);
    }

    /** Each chunk parsed; a chunk that is not JSON is reported as a problem, not skipped. */
    public List<JsonNode> chunks(List<String> problems) {
        List<JsonNode> chunks = new ArrayList<>();
        for (String payload : data()) {
            if (payload.equals(DONE)) {
                continue;
            }
            try {
                chunks.add(Json.MAPPER.readTree(payload));
            } catch (StreamConstraintsException beyond) {
                problems.add("a data line is beyond the limits of the harness's JSON parser (" + beyond.getOriginalMessage() + "), so it is not checked");
            } catch (IOException e) {
                problems.add("a data line is not JSON: " + ShownText.oneLine(payload.length() > 80 ? payload.substring(0, 80) + "…" : payload));
            }
        }
        return chunks;
    }

    /** One line a person can read in a failure message: the first lines, a binary stream's bytes escaped. */
    public String describe() {
        String head = String.join(" | ", lines.subList(0, Math.min(lines.size(), 6)));
        return "HTTP " + status + " (" + ShownText.oneLine(contentType) + "), " + lines.size() + " lines: "
                + ShownText.oneLine(head.length() > 300 ? head.substring(0, 300) + "…" : head);
    }
}
