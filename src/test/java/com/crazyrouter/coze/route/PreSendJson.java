package com.crazyrouter.coze.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The parse a workflow node's rendered JSON body goes through inside Coze before anything is sent (coze-studio,
 * httprequester ToCallbackInput unmarshals it into a map). A quote or a bad escape in an input fails it; a raw line
 * break or tab inside a string passes, because Coze's JSON library does not check strings by default (inferred from
 * the library's documentation, not run) — and then reaches the gateway, whose encoding/json rejects it.
 */
final class PreSendJson {
    /** Like sonic: raw control characters inside strings pass, anything after the value does not. */
    private static final ObjectMapper LENIENT_ON_CONTROL_CHARACTERS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private PreSendJson() {
    }

    static void check(String body) {
        try {
            if (!LENIENT_ON_CONTROL_CHARACTERS.readValue(body, JsonNode.class).isObject()) {
                throw new CozeRefusedToSend(WorkflowHttpNode.FAILURE + "\"Syntax error: the body is not a JSON object\"");
            }
        } catch (JsonProcessingException e) {
            // sonic's words; the index is where Jackson stopped, which need not be where sonic does
            long index = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            throw new CozeRefusedToSend(WorkflowHttpNode.FAILURE + "\"Syntax error at index " + index + ": invalid char\" (the JSON body did not "
                    + "parse after {{variables}} were filled in, so nothing was sent)");
        }
    }
}
