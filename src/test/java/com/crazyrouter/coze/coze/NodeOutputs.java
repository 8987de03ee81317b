package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.Json;
import com.crazyrouter.coze.gateway.GatewayReply;
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

    /** What a code node finds at this path once it has parsed the body string as JSON; null when the body is not JSON. */
    public String parsedBody(String path) {
        return Json.parse(body).flatMap(json -> Json.at(json, path)).map(Json::text).orElse(null);
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
