package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A value of a YAML or JSON setup file together with where it stands, so that every complaint names the file, line,
 * column and field. JSON is read with the harness's one mapper's factory, YAML with jackson-dataformat-yaml; the tree
 * is built token by token to keep each value's place. A key given twice is refused (YAML would keep the last one silently).
 */
final class LocatedValue {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final Places places;
    private final JsonNode value;
    private final String pointer;
    private final String field;

    private LocatedValue(Places places, JsonNode value, String pointer, String field) {
        this.places = places;
        this.value = value;
        this.pointer = pointer;
        this.field = field;
    }

    /** Where each value (and each object member's key) stands: JSON pointer → line and column. */
    private record Places(Where file, Map<String, int[]> values, Map<String, int[]> keys) {
    }

    /** Reads a whole file as JSON ({@code json}) or YAML; a syntax error stops with its line and column. */
    static LocatedValue parse(Where file, String text, boolean json) {
        Places places = new Places(file, new HashMap<>(), new HashMap<>());
        try (JsonParser parser = json ? Json.MAPPER.getFactory().createParser(text) : YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? MissingNode.getInstance() : read(parser, "", places);
            return new LocatedValue(places, root, "", "");
        } catch (StreamReadException e) {
            throw syntaxError(file, e, json);
        } catch (IOException e) {
            throw file.fail("cannot be read: " + Where.sanitized(e.getMessage()));
        }
    }

    private static RuntimeException syntaxError(Where file, StreamReadException e, boolean json) {
        String form = json ? "JSON" : "YAML";
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + Where.sanitized(yaml.getContext()) + ")";
            return file.at(mark.getLine() + 1, mark.getColumn() + 1)
                    .fail("is not valid " + form + ": " + Where.sanitized(yaml.getProblem()) + context);
        }
        JsonLocation at = e.getLocation();
        Where where = at == null ? file : file.at(Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
        return where.fail("is not valid " + form + ": " + Where.sanitized(e.getOriginalMessage()));
    }

    private static JsonNode read(JsonParser parser, String pointer, Places places) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        places.values.put(pointer, new int[]{at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = Json.MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (object.has(name)) {
                    throw places.file.at(keyAt.getLineNr(), keyAt.getColumnNr()).fail("'" + name + "' is given twice in the same block: keep one.");
                }
                places.keys.put(child, new int[]{keyAt.getLineNr(), keyAt.getColumnNr()});
                parser.nextToken();
                object.set(name, read(parser, child, places));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, pointer + "/" + index++, places));
            }
            return array;
        }
        return Json.MAPPER.readTree(parser);
    }

    // ---- navigating -------------------------------------------------------------------------------------------

    JsonNode value() {
        return value;
    }

    String field() {
        return field;
    }

    boolean present() {
        return !value.isMissingNode() && !value.isNull();
    }

    boolean isObject() {
        return value.isObject();
    }

    boolean isArray() {
        return value.isArray();
    }

    /** The member {@code key} (missing if this is not an object or has no such member). */
    LocatedValue get(String key) {
        JsonNode child = value.isObject() && value.has(key) ? value.get(key) : MissingNode.getInstance();
        return new LocatedValue(places, child, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), field.isEmpty() ? key : field + "." + key);
    }

    LocatedValue at(int index) {
        JsonNode child = value.isArray() && index < value.size() ? value.get(index) : MissingNode.getInstance();
        return new LocatedValue(places, child, pointer + "/" + index, field + "[" + index + "]");
    }

    List<LocatedValue> elements() {
        List<LocatedValue> all = new ArrayList<>();
        for (int i = 0; i < value.size() && value.isArray(); i++) {
            all.add(at(i));
        }
        return all;
    }

    /** The members in file order. */
    Map<String, LocatedValue> members() {
        Map<String, LocatedValue> all = new LinkedHashMap<>();
        if (value.isObject()) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                all.put(name, get(name));
            }
        }
        return all;
    }

    /** A scalar as text (numbers and booleans too); empty when absent or null. */
    Optional<String> text() {
        if (!present()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw fail("must be a single value, not a " + (value.isObject() ? "block of fields" : "list") + ".");
        }
        return Optional.of(value.asText());
    }

    /** A scalar that must be there and not blank. */
    String requiredText(String whatItIs) {
        String text = text().orElseThrow(() -> fail("is missing: " + whatItIs));
        if (text.isBlank()) {
            throw fail("is empty: " + whatItIs);
        }
        return text;
    }

    /** Refuses members outside {@code known}, e.g. a misspelt key, listing the accepted ones. */
    void onlyKeys(Set<String> known) {
        for (Map.Entry<String, LocatedValue> member : members().entrySet()) {
            if (!known.contains(member.getKey())) {
                throw member.getValue().fail("is not a known key here; known keys: " + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    /** Where this value stands (its key's place for a block, the value's own for a scalar), or its nearest parent's. */
    Where where() {
        String p = pointer;
        while (true) {
            int[] place = present() && value.isValueNode() && p.equals(pointer) ? places.values.get(p) : places.keys.get(p);
            if (place == null) {
                place = places.values.get(p);
            }
            if (place != null) {
                return places.file.at(place[0], place[1]).field(field);
            }
            if (p.isEmpty()) {
                return places.file.field(field);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    // ---- building a document as Coze converts or completes one ------------------------------------------------------

    /** A new, empty document (an object) of the same file: what Coze converts a file into, each part placed where it came from. */
    static LocatedValue newDocument(LocatedValue from) {
        return new LocatedValue(new Places(from.places.file, new HashMap<>(), new HashMap<>()), Json.MAPPER.createObjectNode(), "", "");
    }

    /** A deep copy of this whole document and its places, to complete as Coze completes it without changing what was read. */
    LocatedValue copyDocument() {
        Places copy = new Places(places.file, new HashMap<>(places.values), new HashMap<>(places.keys));
        return new LocatedValue(copy, value.deepCopy(), "", "");
    }

    /** Sets this object's member {@code key} to a copy of {@code source}, which keeps its places; returns the member. */
    LocatedValue put(String key, LocatedValue source) {
        String child = childPointer(key);
        ((ObjectNode) value).set(key, source.value.deepCopy());
        copyPlaces(source.places.values, source.pointer, places.values, child);
        copyPlaces(source.places.keys, source.pointer, places.keys, child);
        if (!places.keys.containsKey(child)) {
            place(child, source);
        }
        return get(key);
    }

    /** Sets this object's member {@code key} to a value Coze writes itself, placed where {@code at} stands; returns the member. */
    LocatedValue put(String key, JsonNode literal, LocatedValue at) {
        String child = childPointer(key);
        ((ObjectNode) value).set(key, literal);
        places.values.keySet().removeIf(p -> p.equals(child) || p.startsWith(child + "/"));
        places.keys.keySet().removeIf(p -> p.equals(child) || p.startsWith(child + "/"));
        place(child, at);
        return get(key);
    }

    /** This object's member {@code key} as an object, made (placed where {@code at} stands) if it is not one yet. */
    LocatedValue object(String key, LocatedValue at) {
        return get(key).isObject() ? get(key) : put(key, Json.MAPPER.createObjectNode(), at);
    }

    /** Removes this object's member {@code key}. */
    void remove(String key) {
        ((ObjectNode) value).remove(key);
    }

    private String childPointer(String key) {
        if (!value.isObject()) {
            throw new IllegalStateException(field + " is not an object");
        }
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private void place(String child, LocatedValue at) {
        Where where = at.where();
        if (where.line() > 0) {
            places.values.put(child, new int[]{where.line(), where.column()});
            places.keys.put(child, new int[]{where.line(), where.column()});
        }
    }

    private static void copyPlaces(Map<String, int[]> from, String fromPointer, Map<String, int[]> to, String toPointer) {
        Map<String, int[]> moved = new HashMap<>();
        from.forEach((p, place) -> {
            if (p.equals(fromPointer) || p.startsWith(fromPointer + "/")) {
                moved.put(toPointer + p.substring(fromPointer.length()), place);
            }
        });
        to.putAll(moved);
    }

    java.nio.file.Path file() {
        return places.file.file();
    }

    com.crazyrouter.coze.config.ConfigurationException fail(String what) {
        return where().fail(what);
    }

    /**
     * This value with its local {@code $ref}s followed in {@code root} (#/… inside the same file, at most 10 hops), as
     * Coze's readers follow them; a reference out of the file, or to nothing, is refused saying so ({@code inside}: where
     * a reference may point, "#/components/…").
     */
    LocatedValue followedIn(LocatedValue root, String inside) {
        LocatedValue current = this;
        for (int hops = 0; current.get("$ref").present(); hops++) {
            String ref = current.get("$ref").value().asText("");
            if (!ref.startsWith("#/") || hops > 10) {
                throw current.get("$ref").fail(Where.shown(ref) + " cannot be followed: only references inside this file (" + inside + ") are read.");
            }
            LocatedValue target = root.at(ref);
            if (!target.present()) {
                throw current.get("$ref").fail(Where.shown(ref) + " points at nothing in this file.");
            }
            current = target;
        }
        return current;
    }

    /** As {@link #followedIn}, but a reference that cannot be followed is left as it is, for the reader to refuse with its own message. */
    LocatedValue followedLenientlyIn(LocatedValue root) {
        LocatedValue current = this;
        for (int hops = 0; current.get("$ref").present() && hops <= 10; hops++) {
            String ref = current.get("$ref").value().asText("");
            LocatedValue target = ref.startsWith("#/") ? root.at(ref) : current;
            if (!target.present() || target == current) {
                return current;
            }
            current = target;
        }
        return current;
    }

    /** The value a local JSON pointer reference (#/a/b, with ~1 and ~0 escapes) names in this document. */
    private LocatedValue at(String ref) {
        LocatedValue target = this;
        for (String part : ref.substring(2).split("/")) {
            target = target.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }
}
