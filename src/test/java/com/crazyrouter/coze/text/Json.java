package com.crazyrouter.coze.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The harness's one JSON mapper (thread-safe once configured), and the few ways it is used. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** For files a person reads or diffs: stub mappings, baselines. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final Pattern PATH_STEP = Pattern.compile("([^\\[\\]]*)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

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

    /**
     * The value at a Coze mapping path such as {@code choices[0].message.content} (names joined by dots, array indexes in
     * brackets), or empty where nothing is there — a JSON null included, as a Coze mapping finds nothing there either.
     */
    public static Optional<JsonNode> at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            Matcher step = PATH_STEP.matcher(part);
            if (!step.matches()) {
                return Optional.empty();
            }
            node = step.group(1).isEmpty() ? node : node.path(step.group(1));
            for (Matcher index = INDEX.matcher(step.group(2)); index.find();) {
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** A JSON value as a mapping hands it on: text as it is, anything else as JSON text. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
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
