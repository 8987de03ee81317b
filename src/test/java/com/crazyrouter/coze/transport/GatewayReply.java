package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.text.ShownText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What came back for one request (body already redacted), with the request it answers.
 * {@code firstByte}: until the status line arrived; {@code elapsed}: until the whole body had; {@code retries}: how
 * many times the harness had to send it again before this answer (a Coze workflow node never would, on a status).
 */
public record GatewayReply(OutgoingRequest request, int status, Map<String, String> headers, String body, Duration firstByte, Duration elapsed,
        int retries) {
    public GatewayReply {
        headers = Map.copyOf(headers);
    }

    public GatewayReply(OutgoingRequest request, int status, Map<String, String> headers, String body, Duration firstByte, Duration elapsed) {
        this(request, status, headers, body, firstByte, elapsed, 0);
    }

    public GatewayReply afterRetries(int count) {
        return new GatewayReply(request, status, headers, body, firstByte, elapsed, count);
    }

    public Timing timing() {
        return new Timing(firstByte, elapsed, Optional.empty());
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public boolean isJson() {
        return contentType().toLowerCase(Locale.ROOT).contains("json");
    }

    public boolean isHtml() {
        return contentType().toLowerCase(Locale.ROOT).contains("text/html");
    }

    /**
     * The body as JSON when it is exactly one JSON value, whatever the Content-Type claims; empty for anything else — a
     * byte-order mark before it or a second value after it included, which Go's json.Unmarshal, sonic.Unmarshal and
     * Python's json.loads refuse too ({@link AnswerForm} names each).
     */
    public Optional<JsonNode> json() {
        return AnswerForm.strictJson(body);
    }

    /** What the answer is as a whole (one JSON object, a page from the site's front, a byte-order mark, …), with its words. */
    public AnswerForm form() {
        return AnswerForm.of(this);
    }

    /**
     * What the harness's JSON parser says when the body is beyond its limits (Jackson's StreamReadConstraints: nesting
     * depth, number or string length), where {@link #json} could only say "not JSON" about what may well be JSON.
     */
    public Optional<String> beyondJsonParser() {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Json.MAPPER.readTree(body);
            return Optional.empty();
        } catch (StreamConstraintsException beyond) {
            return Optional.of(beyond.getOriginalMessage());
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    public Optional<GatewayError> error() {
        return json().map(j -> j.get("error")).filter(JsonNode::isObject).map(e -> new GatewayError(
                textOrNull(e.get("message")), textOrNull(e.get("type")), textOrNull(e.get("code"))));
    }

    public boolean isChatCompletion() {
        return status == 200 && json().map(j -> j.path("object").asText()).filter("chat.completion"::equals).isPresent();
    }

    /** choices[0].message.content, where Coze's output mapping reads the reply. */
    public Optional<String> replyText() {
        return json().map(j -> j.path("choices").path(0).path("message").path("content"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * The wait the gateway asks for before a retry: Retry-After in seconds, or as an HTTP date (RFC 9110 10.2.3: the
     * wait is that date less the reply's own Date, or less now without one; a date already past is no wait).
     */
    public Optional<Duration> retryAfter() {
        return retryAfter(Instant.now());
    }

    Optional<Duration> retryAfter(Instant now) {
        return header("Retry-After").map(String::trim).flatMap(v -> {
            if (v.matches("\\d{1,18}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            Instant sent = header("Date").flatMap(GatewayReply::httpDate).orElse(now);
            return httpDate(v).map(due -> due.isAfter(sent) ? Duration.between(sent, due) : Duration.ZERO);
        });
    }

    /** An HTTP date in any of the three forms a recipient must read (RFC 9110 5.6.7): IMF-fixdate, RFC 850, asctime. */
    static Optional<Instant> httpDate(String text) {
        for (DateTimeFormatter form : HTTP_DATES) {
            try {
                return Optional.of(ZonedDateTime.parse(text.trim().replaceAll("\\s+", " "), form).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        return Optional.empty();
    }

    private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    /**
     * One line a person can read in a failure message, a binary body's bytes escaped; an answer that is not one JSON
     * object says what it is and what to do first ({@link AnswerForm#explained}).
     */
    public String describe() {
        String shown = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "…";
        }
        String explained = form().explained();
        String head = "HTTP " + status + (contentType().isEmpty() ? "" : " (" + ShownText.oneLine(contentType()) + ")");
        if (shown.isEmpty()) {
            return head + " with an empty body" + (explained.isEmpty() ? "" : " — " + explained);
        }
        return head + (explained.isEmpty() ? ": " : " — " + explained + " The body: ") + ShownText.oneLine(shown);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
