package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Swagger 2.0 file, read as Coze's Import converts it (coze-studio 4f786d6a, plugin_draft.go {@code getConvertFunc}:
 * {@code swagger: 2.x} → convert_protocol.go {@code SwaggerToOpenapi3Doc} → kin-openapi v0.118.0
 * {@code openapi2conv.ToV3}), into the OpenAPI 3 document Coze then completes and validates like any plugin:
 * <ul>
 * <li>one server per scheme ({@code schemes}, none: https), each scheme://host + basePath, a basePath of "" being "/";
 * a host with a "/" is refused;</li>
 * <li>a {@code body} parameter becomes the request body, once per media type of {@code consumes} (the operation's,
 * else the file's; none: "*&#47;*"); {@code formData} parameters an object body; the others stay parameters with a schema
 * made of their type (a path parameter always required);</li>
 * <li>each response gets its schema once per media type of the <em>operation's</em> {@code produces} (none:
 * application/json; the file's own {@code produces} is not read there), no content without a schema;</li>
 * <li>{@code #/definitions/…} become {@code #/components/schemas/…}, {@code securityDefinitions} the security schemes,
 * and the file's x- extensions stay.</li>
 * </ul>
 * The document keeps each part's place in the Swagger file, so a message names the line the builder wrote.
 */
final class SwaggerReader {
    static final String FORM = "Swagger 2.0 file";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private SwaggerReader() {
    }

    static BuilderSetup.PluginSetup read(LocatedValue swagger, Map<String, String> secrets, Optional<String> wantedTool) {
        String version = swagger.get("swagger").requiredText("the Swagger version, 2.0");
        if (!(version.equals("2") || version.startsWith("2."))) {
            throw swagger.get("swagger").fail(Where.shown(version) + " is not Swagger 2: Coze's Import takes swagger: \"2.0\" or openapi: 3.x "
                    + "(plugin_draft.go getConvertFunc; anything else is \"invalid schema\").");
        }
        List<String> notes = new ArrayList<>();
        notes.add("Read as Coze's Import converts a Swagger 2.0 file (kin-openapi openapi2conv.ToV3): the tool below is what the import creates.");
        LocatedValue doc = LocatedValue.newDocument(swagger);
        doc.put("openapi", Json.MAPPER.getNodeFactory().textNode("3.0.3"), swagger.get("swagger"));
        if (swagger.get("info").present()) {
            doc.put("info", swagger.get("info"));
        }
        swagger.members().forEach((key, value) -> {
            if (key.startsWith("x-")) {
                doc.put(key, value);
            }
        });
        servers(swagger, doc, notes);
        List<String> fileConsumes = texts(swagger.get("consumes"));
        LocatedValue paths = doc.object("paths", swagger.get("paths"));
        for (Map.Entry<String, LocatedValue> path : swagger.get("paths").members().entrySet()) {
            LocatedValue item = path.getValue();
            LocatedValue item3 = paths.object(path.getKey(), item);
            List<LocatedValue> shared = resolved(swagger, item.get("parameters"));
            for (LocatedValue parameter : shared) {
                if (parameter.get("in").value().asText("").equals("body")) {
                    throw parameter.fail("is a body parameter shared by every operation of " + path.getKey() + ": Coze's Import says \"pathItem must not "
                            + "have a body parameter\". Move it into the operation (post: parameters: [{in: body, …}]).");
                }
            }
            if (!shared.isEmpty()) {
                LocatedValue list = item3.put("parameters", Json.MAPPER.createArrayNode(), item.get("parameters"));
                shared.forEach(parameter -> addParameter(list, parameter));
            }
            for (Map.Entry<String, LocatedValue> member : item.members().entrySet()) {
                if (OPERATIONS.contains(member.getKey())) {
                    operation(swagger, member.getValue(), item3.object(member.getKey(), member.getValue()), fileConsumes, notes);
                }
            }
        }
        LocatedValue components = doc.object("components", swagger);
        if (swagger.get("definitions").isObject()) {
            components.put("schemas", swagger.get("definitions"));
        }
        if (swagger.get("securityDefinitions").isObject()) {
            components.put("securitySchemes", swagger.get("securityDefinitions"));
        }
        renameReferences(doc.value());
        if (!swagger.get("produces").elements().isEmpty() && !texts(swagger.get("produces")).equals(List.of("application/json"))) {
            notes.add("The file's produces (" + String.join(", ", texts(swagger.get("produces"))) + ") is not read for the replies: kin-openapi "
                    + "takes each operation's own produces, and application/json without one.");
        }
        return OpenApiReader.read(swagger, doc, new OpenApiReader.Source(FORM, notes, false), secrets, wantedTool);
    }

    private static void servers(LocatedValue swagger, LocatedValue doc, List<String> notes) {
        LocatedValue host = swagger.get("host");
        if (!host.present()) {
            return; // no server: Coze refuses it with its own words (CozeSaveRules)
        }
        String name = host.text().orElse("");
        if (name.contains("/")) {
            throw host.fail("is " + Where.shown(name) + ": Coze's Import says \"invalid host \\\"" + name + "\\\". This MUST be the host only and does not "
                    + "include the scheme nor sub-paths.\" Write host: crazyrouter.com, basePath: /v1, schemes: [https].");
        }
        List<String> schemes = texts(swagger.get("schemes"));
        if (schemes.isEmpty()) {
            schemes = List.of("https");
            notes.add("The file gives no schemes: the import uses https.");
        }
        String basePath = swagger.get("basePath").text().orElse("");
        String path = basePath.isEmpty() ? "/" : basePath.startsWith("/") ? basePath : "/" + basePath;
        if (path.equals("/")) {
            notes.add(
                    "The file gives no basePath (or \"/\"): the import's server is scheme://host/, ending in \"/\", and Coze joins it to each tool path as text.");
        }
        LocatedValue servers = doc.put("servers", Json.MAPPER.createArrayNode(), host);
        for (String scheme : schemes) {
            ObjectNode server = Json.MAPPER.createObjectNode().put("url", scheme + "://" + name + path);
            ((ArrayNode) servers.value()).add(server);
        }
    }

    private static void operation(LocatedValue swagger, LocatedValue operation, LocatedValue op3, List<String> fileConsumes, List<String> notes) {
        for (String key : List.of("operationId", "summary", "description")) {
            if (operation.get(key).present()) {
                op3.put(key, operation.get(key));
            }
        }
        operation.members().forEach((key, value) -> {
            if (key.startsWith("x-")) {
                op3.put(key, value);
            }
        });
        List<String> consumes = operation.get("consumes").elements().isEmpty() ? fileConsumes : texts(operation.get("consumes"));
        List<LocatedValue> bodies = new ArrayList<>();
        List<LocatedValue> form = new ArrayList<>();
        LocatedValue parameters3 = op3.put("parameters", Json.MAPPER.createArrayNode(), operation);
        for (LocatedValue parameter : resolved(swagger, operation.get("parameters"))) {
            switch (parameter.get("in").value().asText("")) {
                case "body" -> bodies.add(parameter);
                case "formData" -> form.add(parameter);
                default -> addParameter(parameters3, parameter);
            }
        }
        if (bodies.size() > 1) {
            throw bodies.get(1).fail("is a second body parameter: Coze's Import says \"multiple body parameters cannot exist for the same operation\".");
        }
        if (!bodies.isEmpty() && !form.isEmpty()) {
            throw form.get(0).fail("is a form parameter next to a body parameter: Coze's Import says \"body and form parameters cannot exist together "
                    + "for the same operation\".");
        }
        List<String> mediaTypes = consumes.isEmpty() ? List.of("*/*") : consumes;
        if (!bodies.isEmpty()) {
            LocatedValue content = op3.object("requestBody", bodies.get(0)).object("content", bodies.get(0));
            for (String mediaType : mediaTypes) {
                content.object(mediaType, bodies.get(0)).put("schema", bodies.get(0).get("schema"));
            }
        } else if (!form.isEmpty()) {
            ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = schema.putArray("required");
            for (LocatedValue parameter : form) {
                String name = parameter.get("name").value().asText("");
                properties.set(name, typeSchema(parameter));
                if (parameter.get("required").value().asBoolean(false)) {
                    required.add(name);
                }
            }
            LocatedValue content = op3.object("requestBody", form.get(0)).object("content", form.get(0));
            for (String mediaType : mediaTypes) {
                content.object(mediaType, form.get(0)).put("schema", schema, form.get(0));
            }
        }
        if (!bodies.isEmpty() && consumes.isEmpty()) {
            notes.add("The file gives no consumes for the body: kin-openapi files it under the media type */*, which Coze does not take.");
        }
        if (operation.get("responses").isObject()) {
            List<String> produces = operation.get("produces").elements().isEmpty() ? List.of("application/json") : texts(operation.get("produces"));
            LocatedValue responses3 = op3.object("responses", operation.get("responses"));
            for (Map.Entry<String, LocatedValue> response : operation.get("responses").members().entrySet()) {
                LocatedValue declared = resolve(swagger, response.getValue());
                LocatedValue response3 = responses3.object(response.getKey(), response.getValue());
                response3.put("description", Json.MAPPER.getNodeFactory().textNode(declared.get("description").value().asText("")), declared);
                if (declared.get("schema").present()) {
                    LocatedValue content = response3.object("content", declared.get("schema"));
                    produces.forEach(mediaType -> content.object(mediaType, declared.get("schema")).put("schema", declared.get("schema")));
                }
            }
        }
    }

    /** A header, query, path or cookie parameter: its type, format, default, enum and items become its schema. */
    private static void addParameter(LocatedValue list, LocatedValue parameter) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("name", parameter.get("name").value().asText(""));
        p.put("in", parameter.get("in").value().asText(""));
        boolean path = parameter.get("in").value().asText("").equals("path");
        p.put("required", path || parameter.get("required").value().asBoolean(false));
        if (parameter.get("description").present()) {
            p.put("description", parameter.get("description").value().asText());
        }
        p.set("schema", typeSchema(parameter));
        ((ArrayNode) list.value()).add(p);
    }

    private static JsonNode typeSchema(LocatedValue parameter) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        String type = parameter.get("type").value().asText("");
        if (!type.isEmpty()) {
            schema.put("type", type.equals("file") ? "string" : type);
        }
        for (String key : List.of("format", "default", "enum", "items")) {
            if (parameter.get(key).present()) {
                schema.set(key, parameter.get(key).value().deepCopy());
            }
        }
        return schema;
    }

    private static List<LocatedValue> resolved(LocatedValue swagger, LocatedValue list) {
        return list.elements().stream().map(p -> resolve(swagger, p)).toList();
    }

    /** A Swagger reference inside the file (#/parameters/…, #/responses/…, #/definitions/…) followed. */
    private static LocatedValue resolve(LocatedValue swagger, LocatedValue node) {
        return node.followedIn(swagger, "#/…");
    }

    /** kin-openapi's ToV3Ref: #/definitions/X is #/components/schemas/X in the converted document. */
    private static void renameReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
                object.put("$ref", "#/components/schemas/" + ref.asText().substring("#/definitions/".length()));
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                renameReferences(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(SwaggerReader::renameReferences);
        }
    }

    private static List<String> texts(LocatedValue list) {
        return list.elements().stream().map(e -> e.value().asText("")).filter(t -> !t.isEmpty()).toList();
    }
}
