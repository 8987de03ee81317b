package com.crazyrouter.coze.route;

import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.AnswerForm;
import com.crazyrouter.coze.transport.GatewayReply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow HTTP node's outputs as the next node receives them (coze-studio, httprequester): body (the answer as a
 * string, never parsed), statusCode (a number) and headers (a JSON string).
 */
public record NodeOutputs(String body, int statusCode, String headers) {

    public static NodeOutputs of(GatewayReply reply) {
        return new NodeOutputs(reply.body(), reply.status(), Json.write(reply.headers()));
    }

    /** What a downstream node's mapping finds at this path of the outputs object. */
    public Object read(String path) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("body", body);
        outputs.put("statusCode", statusCode);
        outputs.put("headers", headers);
        return Json.at(Json.MAPPER.valueToTree(outputs), path).map(found -> found.isNumber() ? (Object) found.numberValue() : Json.text(found)).orElse(null);
    }

    /** What a mapping into the body ({@code body.<path>}) meets, decided from the body Coze hands on for the answer received. */
    public enum MappingIntoBody {
        /** The mapping finds the text: the body would have to be an object, which a workflow HTTP node never hands on. */
        FINDS_IT,
        /** The body is the reply as a string, with text at the path inside it, and the mapping finds nothing: Common Errors 5. */
        MISSES_THE_REPLY_IN_THE_STRING,
        /** The body holds no text at that path even once parsed: there is no reply to map, whatever the mapping. */
        NO_REPLY_IN_THE_BODY
    }

    /**
     * What a downstream node that maps {@code body.<path>} meets with this answer: the guide's mapping mistake (the text is
     * in the body string, the mapping misses it) only when the body holds the reply there at all.
     */
    public MappingIntoBody mappingIntoBody(String path) {
        Object found = read("body." + path);
        if (found != null && !found.toString().isBlank()) {
            return MappingIntoBody.FINDS_IT;
        }
        String parsed = parsedBody(path);
        return parsed == null || parsed.isBlank() ? MappingIntoBody.NO_REPLY_IN_THE_BODY : MappingIntoBody.MISSES_THE_REPLY_IN_THE_STRING;
    }

    /**
     * What a code node finds at this path once it has parsed the body string as JSON; null when the body is not exactly
     * one JSON value — Python's json.loads and JavaScript's JSON.parse refuse a byte-order mark before it and a second
     * value after it, as Coze's JSON deserialization node (sonic.Unmarshal) does (docs/COZE.md §4.8).
     */
    public String parsedBody(String path) {
        return AnswerForm.strictJson(body).flatMap(json -> Json.at(json, path)).map(Json::text).orElse(null);
    }

    /** The body is server-sent events ("data: …" lines), as a stream arrives when read whole. */
    public boolean bodyIsEventStream() {
        return body != null && body.lines().anyMatch(line -> line.startsWith("data:")) && Json.parse(body).isEmpty();
    }

    public String describe() {
        String shown = body == null ? "" : body.replaceAll("\\s+", " ");
        return "{statusCode: " + statusCode + ", body: " + Json.write(shown.length() > 200 ? shown.substring(0, 200) + "…" : shown) + "}";
    }
}
