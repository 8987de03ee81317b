package com.crazyrouter.coze.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of an event stream, read as the WHATWG HTML standard reads one ("9.2.6 Interpreting an event stream"):
 * a line that starts with ":" is a comment; otherwise the field name is what comes before the first ":" and the value
 * what comes after it, with ONE leading space removed (not trimmed: "data:  x" has the value " x"); a line without a
 * ":" is a field name with an empty value. Each "data" value is appended to the event's data followed by a line feed,
 * "event" sets its type, other fields are ignored here; a blank line dispatches the event, its data's last line feed
 * removed, unless no data line came. A UTF-8 byte-order mark before the first line is dropped.
 * <p>
 * One departure, on purpose: the spec discards an event the stream ends in without its closing blank line; here it is
 * kept, so a stream that ends on "data: [DONE]" with no blank line after it still ends with [DONE] (such a stream harms
 * no client: one that follows the spec sees the body end, one that reads lines sees the [DONE]).
 */
public record ServerSentEvent(String type, String data) {
    private static final String DEFAULT_TYPE = "message";

    /** The events these lines (as split by {@link EventLines}: no line breaks in them) hold, in order. */
    public static List<ServerSentEvent> of(List<String> lines) {
        List<ServerSentEvent> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        String type = "";
        boolean first = true;
        for (String raw : lines) {
            String line = first && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            first = false;
            if (line.isEmpty()) {
                dispatch(events, data, type);
                data.setLength(0);
                type = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data.append(value).append('\n');
            } else if (field.equals("event")) {
                type = value;
            }
        }
        dispatch(events, data, type);
        return List.copyOf(events);
    }

    /**
     * Whether an event is an error the upstream (or the gateway) sent in the stream: of type "error", or with JSON data
     * that is an object with an "error" member and no "choices" — the shape, never the words.
     */
    static boolean isError(ServerSentEvent event, JsonNode data) {
        return event.type().equals("error") || data != null && data.isObject() && data.has("error") && !data.has("choices");
    }

    private static void dispatch(List<ServerSentEvent> events, StringBuilder data, String type) {
        if (data.isEmpty()) {
            return;
        }
        events.add(new ServerSentEvent(type.isEmpty() ? DEFAULT_TYPE : type, data.substring(0, data.length() - 1)));
    }
}
