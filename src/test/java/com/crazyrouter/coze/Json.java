package com.crazyrouter.coze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The harness's one JSON mapper (thread-safe once configured), and the few ways it is used. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** For files a person reads or diffs: stub mappings, baselines. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** The text as JSON, or empty when it is not JSON at all. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** A value as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }
}
