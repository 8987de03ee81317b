package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workflow node's body template read statically: where each {{variable}} stands (inside a JSON string, where Coze
 * pastes its value as raw text, or as a whole value) and the template as JSON with every variable replaced by a
 * marker. No request is sent; no input is filled.
 */
record BodyTemplate(List<Variable> variables, Optional<JsonNode> json, String jsonError) {

    /**
     * A variable where it stands: {@code quoted} when it is inside a JSON string. By this project's convention a
     * variable whose name contains "escaped" (escaped_input, code_1.escaped, …) holds text a code node has already
     * JSON-escaped.
     */
    record Variable(String name, boolean quoted, String marker) {
        boolean escaped() {
            String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return last.contains("escaped");
        }
    }

    static BodyTemplate of(String template) {
        List<Variable> variables = new ArrayList<>();
        StringBuilder json = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < template.length();) {
            int end = template.startsWith("{{", i) ? template.indexOf("}}", i + 2) : -1;
            if (end > 0) {
                String marker = "__coze_variable_" + variables.size() + "__";
                variables.add(new Variable(template.substring(i + 2, end).strip(), inString, marker));
                json.append(inString ? marker : "\"" + marker + "\"");
                i = end + 2;
                continue;
            }
            char c = template.charAt(i);
            if (inString && c == '\\' && i + 1 < template.length()) {
                json.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            json.append(c);
            i++;
        }
        try {
            JsonNode tree = Json.MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json.toString());
            return new BodyTemplate(variables, Optional.ofNullable(tree), "");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + " of the template)";
            return new BodyTemplate(variables, Optional.empty(), Where.sanitized(e.getOriginalMessage()) + where);
        }
    }

    /** The variable that stands as the whole of {@code value}, if one does. */
    Optional<Variable> variableAt(JsonNode value) {
        return value != null && value.isTextual() ? variables.stream().filter(v -> v.marker().equals(value.asText())).findFirst() : Optional.empty();
    }

    /** Variables pasted as raw text inside a JSON string that no code node has escaped (the model's name excepted). */
    List<Variable> rawInsideQuotes() {
        Optional<Variable> model = json.flatMap(tree -> variableAt(tree.get("model")));
        return variables.stream().filter(Variable::quoted).filter(v -> !v.escaped())
                .filter(v -> model.map(m -> !m.equals(v)).orElse(!v.name().equals("model"))).toList();
    }
}
