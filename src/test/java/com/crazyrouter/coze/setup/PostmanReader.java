package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Postman collection (v2.x; Coze recognises one by "_postman_id" anywhere in the text: plugin_draft.go
 * {@code getConvertFunc}), read as Coze's Import converts it (coze-studio 4f786d6a, convert_protocol.go
 * {@code PostmanToOpenapi3Doc}, go-postman-collection v0.9.0):
 * <ul>
 * <li>the server is scheme://host of the first request's raw URL ("http://" put in front when it has no http(s)://);
 * Go's url.Parse takes no { in a host, so a URL that starts with {{baseUrl}} is refused;</li>
 * <li>each request is a tool: its path "/" + the URL's path segments joined (a URL given as a string has none: "/"),
 * its operationId the request's name, its summary its description; a second request on the same path is refused;</li>
 * <li>every header (Content-Type and disabled ones too) becomes a required string header input, its value dropped
 * ({@code postmanHeaderToOpenAPI}); every query key a required string query input;</li>
 * <li>a raw body whose language is json or text (or an urlencoded one) becomes the parameters, every key required,
 * typed from its value as the cURL import types them ({@code postmanBodyToOpenAPI}); any other body is dropped;</li>
 * <li>the responses are Coze's default; collection and request {@code auth} are not read; Postman's {{variables}}
 * are never resolved;</li>
 * <li>an item without a request (a folder) fails the whole import.</li>
 * </ul>
 */
final class PostmanReader {
    static final String FORM = "Postman collection";
    static final String MARK = "_postman_id";
    private static final Pattern URL = Pattern.compile("^(https?)://([^/?#]*)(.*)$", Pattern.CASE_INSENSITIVE);
    /** What Go's url.Parse takes in a host (net/url shouldEscape, encodeHost), and a numeric port. */
    private static final Pattern GO_HOST = Pattern.compile("(?:[A-Za-z0-9\\-_.~!$&'()*+,;=\\[\\]<>\"]|%[0-9A-Fa-f]{2})*(?::[0-9]*)?");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{[^}]*\\}\\}");

    private PostmanReader() {
    }

    static BuilderSetup.PluginSetup read(LocatedValue collection, Map<String, String> secrets, Optional<String> wantedTool) {
        List<String> notes = new ArrayList<>();
        notes.add("Read as Coze's Import converts a Postman collection (PostmanToOpenapi3Doc): the tools below are what the import creates.");
        LocatedValue items = collection.get("item");
        if (items.elements().isEmpty()) {
            throw collection.fail("has no request: Coze's Import says \"no request found in collection\". Export a collection with the chat request in it.");
        }
        LocatedValue first = items.at(0);
        if (!hasRequest(first)) {
            throw first.fail("is a folder (an item without a request): Coze's Import says \"invalid collection request schema\" and imports nothing. "
                    + "Move the requests out of their folders to the collection's top level, then export it again.");
        }
        String raw = rawUrl(first.get("request"));
        String withScheme = raw.startsWith("https://") || raw.startsWith("http://") ? raw : "http://" + raw;
        Matcher url = URL.matcher(withScheme);
        if (!url.matches() || url.group(2).isEmpty() || !GO_HOST.matcher(url.group(2)).matches()) {
            throw urlOf(first.get("request")).fail("is " + Where.shown(raw) + ": Coze's Import says \"invalid request url '" + withScheme + "', url must "
                    + "start with 'http://' or 'https://'\"" + (raw.contains("{{")
                            ? " (Coze resolves none of Postman's {{variables}}, and a { cannot "
                                    + "stand in a host)"
                            : "")
                    + ". Write the full URL in the collection: https://crazyrouter.com/v1/chat/completions.");
        }
        LocatedValue doc = LocatedValue.newDocument(collection);
        doc.put("openapi", Json.MAPPER.getNodeFactory().textNode("3.0.1"), collection);
        LocatedValue info = doc.object("info", collection.get("info"));
        info.put("title", Json.MAPPER.getNodeFactory().textNode(collection.get("info").get("name").value().asText("")), collection.get("info").get("name"));
        LocatedValue description = collection.get("info").get("description");
        String describedAs = description.value().isObject() ? description.get("content").value().asText("") : description.value().asText("");
        info.put("description", Json.MAPPER.getNodeFactory().textNode(describedAs), description.present() ? description : collection.get("info"));
        info.put("version", Json.MAPPER.getNodeFactory().textNode("v1"), collection.get("info"));
        LocatedValue servers = doc.put("servers", Json.MAPPER.createArrayNode(), urlOf(first.get("request")));
        ((ArrayNode) servers.value()).add(Json.MAPPER.createObjectNode().put("url", url.group(1).toLowerCase(Locale.ROOT) + "://" + url.group(2)));
        LocatedValue paths = doc.object("paths", items);
        Set<String> seen = new LinkedHashSet<>();
        for (LocatedValue item : items.elements()) {
            tool(item, paths, seen, notes);
        }
        if (collection.get("auth").present() || anyRequestAuth(items)) {
            notes.add("The collection's auth is not imported: Coze's Postman import reads no auth. After the import, set the plugin's auth to Service "
                    + "token / API key (location Header, key Authorization, value Bearer sk-…). The run below assumes you did, as for a cURL import.");
        }
        return OpenApiReader.read(collection, doc, new OpenApiReader.Source(FORM, notes, true), secrets, wantedTool);
    }

    private static void tool(LocatedValue item, LocatedValue paths, Set<String> seen, List<String> notes) {
        if (!hasRequest(item)) {
            throw item.fail("is a folder (an item without a request): Coze's Import says \"invalid request schema\" and imports nothing. Move its "
                    + "requests to the collection's top level, then export it again.");
        }
        if (item.get("description").value().isObject()) {
            throw item.get("description").fail("is a block: Coze's Postman reader takes a request's description as text only, and the import fails "
                    + "(json: cannot unmarshal object … of type string). Write the description as one line of text.");
        }
        LocatedValue request = item.get("request");
        LocatedValue url = urlOf(request);
        List<String> segments = url.value().isObject() ? url.get("path").elements().stream().map(s -> s.value().asText("")).toList() : List.of();
        String path = "/" + String.join("/", segments);
        String method = request.value().isTextual() ? "GET" : request.get("method").value().asText("GET").toUpperCase(Locale.ROOT);
        String name = item.get("name").value().asText("");
        if (!seen.add(path)) {
            throw item.fail("is a second request on the path " + path + ": Coze's Import says \"duplicated tool '[" + method + "]:" + path + "'\" (it keys "
                    + "tools by path alone). Keep one request per path.");
        }
        if (!url.value().isObject()) {
            notes.add(
                    name + ": the URL is given as text only, without its path segments: Coze's import takes the tool path from the segments, so it is \"/\".");
        }
        if (VARIABLE.matcher(path).find()) {
            notes.add(name + ": the path " + path + " holds a Postman {{variable}}: Coze resolves none and sends it as written.");
        }
        LocatedValue pathItem = paths.object(path, item);
        LocatedValue operation = pathItem.object(method.toLowerCase(Locale.ROOT), item);
        operation.put("operationId", Json.MAPPER.getNodeFactory().textNode(name), item.get("name"));
        operation.put("summary", Json.MAPPER.getNodeFactory().textNode(item.get("description").value().asText("")), item);
        LocatedValue parameters = operation.put("parameters", Json.MAPPER.createArrayNode(), request);
        String mediaType = "";
        for (LocatedValue header : request.get("header").elements()) {
            String key = header.get("key").value().asText("");
            if (key.equals("Content-Type")) {
                mediaType = header.get("value").value().asText("");
            }
            ((ArrayNode) parameters.value()).add(input(key, "header"));
            notes.add(name + ": header " + key + ": Coze's Postman import turns it into a required tool input and drops its value"
                    + (header.get("disabled").value().asBoolean(false) ? " (disabled in Postman, imported all the same)" : "")
                    + (key.equalsIgnoreCase("Authorization")
                            ? "; the token does not travel with the plugin. After the import, delete that input and "
                                    + "set the plugin's auth to Service token / API key (location Header, key Authorization, value Bearer sk-…)."
                            : "."));
        }
        for (LocatedValue query : url.get("query").elements()) {
            ((ArrayNode) parameters.value()).add(input(query.get("key").value().asText(""), "query"));
        }
        body(request.get("body"), mediaType, operation, name, notes);
        operation.put("responses", ImportCompletion.defaultResponses(), item);
    }

    private static void body(LocatedValue body, String headerMediaType, LocatedValue operation, String name, List<String> notes) {
        if (!body.present()) {
            return;
        }
        String mode = body.get("mode").value().asText("");
        String language = body.get("options").get("raw").get("language").value().asText("");
        boolean raw = mode.equals("raw");
        if (!(raw || mode.equals("urlencoded")) || raw && !body.get("options").isObject() || raw && !(language.equals("json") || language.equals("text"))) {
            notes.add(name + ": the " + (mode.isEmpty() ? "" : mode + " ") + "body "
                    + (raw ? "(language " + (language.isEmpty() ? "not set" : language) + ") " : "")
                    + "is dropped: Coze's Postman import reads a raw body only when its language is json or text, or an urlencoded one.");
            return;
        }
        String mediaType = !headerMediaType.isEmpty() ? headerMediaType : raw ? "application/json" : CurlImport.FORM;
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        if (mediaType.equals("application/json") || mediaType.equals("application/problem+json")) {
            String text = body.get("raw").value().asText("");
            JsonNode tree;
            try {
                tree = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                tree = null;
            }
            if (tree == null || !tree.isObject()) {
                throw body.get("raw").fail("is not a JSON object: Coze's Import says \"request body only supports 'object' type\""
                        + (VARIABLE.matcher(text).find() ? " (a Postman {{variable}} outside quotes is not JSON, and Coze resolves none)" : "") + ".");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), field.getValue());
            }
        } else if (mediaType.equals(CurlImport.FORM)) {
            for (LocatedValue pair : body.get("urlencoded").elements()) {
                if (pair.get("key").value().isTextual() && pair.get("value").value().isTextual()) {
                    fields.put(pair.get("key").value().asText(), pair.get("value").value());
                }
            }
        } else {
            throw body.fail("is sent as Content-Type " + Where.shown(mediaType) + ": Coze's Import says \"unsupported request media type '" + mediaType
                    + "'\". It takes exactly application/json (no charset) or application/x-www-form-urlencoded.");
        }
        Optional<JsonNode> schema = schemaOf(fields);
        if (schema.isEmpty()) {
            return;
        }
        operation.object("requestBody", body).object("content", body).object(mediaType, body).put("schema", schema.get(), body);
        notes.add(name + ": the body's values are dropped (Coze keeps its keys as required parameters, with no default): a model written in it is "
                + "not kept, the caller fills model on every call.");
    }

    /** parseRequestToBodySchemaRef: every key required, a number an integer, a list its first element's type; null and [] dropped. */
    private static Optional<JsonNode> schemaOf(Map<String, JsonNode> fields) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = Json.MAPPER.createObjectNode();
        ArrayNode required = Json.MAPPER.createArrayNode();
        fields.forEach((key, value) -> schemaOf(value).ifPresent(property -> {
            properties.set(key, property);
            required.add(key);
        }));
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        schema.set("properties", properties);
        schema.set("required", required);
        return Optional.of(schema);
    }

    private static Optional<JsonNode> schemaOf(JsonNode value) {
        if (value.isObject()) {
            Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
            value.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            return schemaOf(fields);
        }
        if (value.isArray()) {
            return value.isEmpty()
                    ? Optional.empty()
                    : schemaOf(value.get(0)).map(items -> (JsonNode) Json.MAPPER.createObjectNode().put("type", "array").set("items", items));
        }
        return CurlImport.type(value).filter(type -> !type.equals("array") && !type.equals("object"))
                .map(type -> (JsonNode) Json.MAPPER.createObjectNode().put("type", type));
    }

    private static ObjectNode input(String name, String in) {
        ObjectNode parameter = Json.MAPPER.createObjectNode().put("name", name).put("in", in).put("required", true);
        parameter.putObject("schema").put("type", "string");
        return parameter;
    }

    private static boolean hasRequest(LocatedValue item) {
        LocatedValue request = item.get("request");
        return request.value().isTextual() || request.isObject() && urlOf(request).present();
    }

    private static LocatedValue urlOf(LocatedValue request) {
        return request.value().isTextual() ? request : request.get("url");
    }

    private static String rawUrl(LocatedValue request) {
        LocatedValue url = urlOf(request);
        return url.value().isTextual() ? url.value().asText() : url.get("raw").value().asText("");
    }

    private static boolean anyRequestAuth(LocatedValue items) {
        return items.elements().stream().anyMatch(item -> item.get("request").get("auth").present() || anyRequestAuth(item.get("item")));
    }
}
