package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Coze's Import ("Create from API", import a file, URL or text) does to a plugin document before it validates
 * it (coze-studio 4f786d6a, backend/domain/plugin/internal/openapi/convert_protocol.go,
 * {@code fillNecessaryInfoForOpenapi3Doc}, run by every converter: {@code ToOpenapi3Doc}, {@code SwaggerToOpenapi3Doc},
 * {@code PostmanToOpenapi3Doc}, {@code CurlToOpenapi3Doc}; then plugin_draft.go {@code validateConvertResult}):
 * <ul>
 * <li>no {@code info}: title "title is required", description "description is required", version v1; a blank title
 * "title is required", a blank description the title, a blank version v1;</li>
 * <li>per operation: a blank {@code operationId} a random 6-character id (gonanoid), a blank {@code summary} the
 * operationId;</li>
 * <li>an operation with {@code responses} whose {@code 200} is missing or has no content: all its responses replaced
 * by Coze's default, a {@code 200} in application/json with an object of no properties
 * (crossdomain/plugin/model/default.go {@code DefaultOpenapi3Responses}); a {@code 200} with content but no
 * application/json: that default application/json added next to what is there (so Coze's "exactly one media type"
 * rule then refuses it).</li>
 * </ul>
 * An operation without {@code responses} is left as it is (kin-openapi then refuses it). The code editor (pasting the
 * document, {@code CreateDraftPluginWithCode}) validates the document as written, without any of this.
 */
final class ImportCompletion {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String TITLE_REQUIRED = "title is required";
    private static final String ALPHABET = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The document as Import validates it, and what Import filled in, one sentence each. */
    record Completed(LocatedValue document, List<String> filled) {
    }

    private ImportCompletion() {
    }

    static Completed of(LocatedValue document) {
        LocatedValue doc = document.copyDocument();
        List<String> filled = new ArrayList<>();
        info(doc, filled);
        for (Map.Entry<String, LocatedValue> path : doc.get("paths").members().entrySet()) {
            LocatedValue item = path.getValue();
            for (Map.Entry<String, LocatedValue> member : item.members().entrySet()) {
                if (OPERATIONS.contains(member.getKey()) && member.getValue().isObject()) {
                    operation(doc, member.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), member.getValue(), filled);
                }
            }
        }
        return new Completed(doc, filled);
    }

    private static void info(LocatedValue doc, List<String> filled) {
        if (!doc.get("info").present()) {
            ObjectNode info = Json.MAPPER.createObjectNode().put("title", TITLE_REQUIRED).put("version", "v1").put("description", "description is required");
            doc.put("info", info, doc);
            filled.add("There is no info: Import writes title \"" + TITLE_REQUIRED + "\", description \"description is required\" and version v1 "
                    + "(Coze shows the plugin under that name until you edit it).");
            return;
        }
        LocatedValue info = doc.get("info");
        if (!info.isObject()) {
            return; // kin-openapi refuses it; CozeSaveRules says so
        }
        if (blank(info.get("title"))) {
            info.put("title", Json.MAPPER.getNodeFactory().textNode(TITLE_REQUIRED), info);
            filled.add("info.title is empty: Import names the plugin \"" + TITLE_REQUIRED + "\".");
        }
        if (blank(info.get("description"))) {
            String title = info.get("title").value().asText();
            info.put("description", Json.MAPPER.getNodeFactory().textNode(title), info);
            filled.add("info.description is empty: Import uses the title, \"" + title + "\".");
        }
        if (blank(info.get("version"))) {
            info.put("version", Json.MAPPER.getNodeFactory().textNode("v1"), info);
            filled.add("info.version is empty: Import writes v1.");
        }
    }

    private static void operation(LocatedValue doc, String tool, LocatedValue operation, List<String> filled) {
        if (blank(operation.get("operationId"))) {
            String id = randomLookingId(tool);
            operation.put("operationId", Json.MAPPER.getNodeFactory().textNode(id), operation);
            filled.add(tool + " has no operationId: Import gives it a random 6-character one (here shown as " + id + ").");
        }
        if (blank(operation.get("summary"))) {
            String id = operation.get("operationId").value().asText();
            operation.put("summary", Json.MAPPER.getNodeFactory().textNode(id), operation);
            filled.add(tool + " has no summary: Import uses its operationId, " + id + " (the bot's model reads the summary to choose the tool).");
        }
        LocatedValue responses = operation.get("responses");
        if (!responses.isObject()) {
            return;
        }
        LocatedValue ok = resolve(doc, responses.get("200"));
        if (!ok.isObject() || !ok.get("content").isObject()) {
            operation.put("responses", defaultResponses(), responses);
            filled.add(tool + (ok.isObject() ? "'s response \"200\" has no content" : " has no response \"200\"") + ": Import replaces its responses "
                    + "with Coze's default, a \"200\" in application/json with no fields (so a bot or the next node gets {} until you declare the reply).");
        } else if (!ok.get("content").get("application/json").present()) {
            LocatedValue own = responses.put("200", ok);
            own.get("content").put("application/json", defaultResponses().get("200").get("content").get("application/json"), own.get("content"));
            filled.add(tool + "'s response \"200\" has no application/json: Import adds Coze's default application/json (no fields) next to "
                    + String.join(", ", ok.get("content").members().keySet()) + ".");
        }
    }

    /** Coze's default responses (default.go DefaultOpenapi3Responses): a "200" in application/json, an object with no properties. */
    static JsonNode defaultResponses() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties");
        ObjectNode ok = Json.MAPPER.createObjectNode().put("description", "description is required");
        ok.putObject("content").putObject("application/json").set("schema", schema);
        ObjectNode responses = Json.MAPPER.createObjectNode();
        responses.set("200", ok);
        return responses;
    }

    /** Coze's id is random; the check shows a stand-in of the same shape, the same for the same tool on every run. */
    private static String randomLookingId(String tool) {
        int hash = tool.hashCode();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(Math.floorMod(hash >> (i * 5), ALPHABET.length())));
        }
        return id.toString();
    }

    private static boolean blank(LocatedValue node) {
        return !node.present() || !node.value().isValueNode() || node.value().asText().isBlank();
    }

    private static LocatedValue resolve(LocatedValue root, LocatedValue node) {
        return node.followedLenientlyIn(root);
    }
}
