package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin as Coze stores it, an OpenAPI 3 document (JSON or YAML) with one server and one tool, read into the
 * {@link PluginTool} Coze would create from it:
 * <ul>
 * <li>{@code servers[0].url} is the server URL, the one path and its one method the tool;</li>
 * <li>the {@code application/json} request body schema's top-level properties and {@code required} list are the
 * parameters (type from each property's {@code type}); the body's media type becomes a {@code Content-Type} entry in
 * {@link PluginTool#headers()}, since Coze sends the body with it;</li>
 * <li>a header parameter with a {@code default} or {@code example} is a header with that value; one without a value
 * is a tool input (listed in the parameters, with an import note);</li>
 * <li>the service token ("Service token / API key" auth), which Coze keeps in the plugin's manifest, not in the
 * OpenAPI document, is given in one of two ways (this project's convention): Coze's own manifest form under the
 * top-level extension {@code x-coze-manifest}:
 * <pre>
 * x-coze-manifest:
 *   auth: {type: service_http, sub_type: token/api_key, location: header, key: Authorization,
 *          service_token: "Bearer {{CRAZYROUTER_API_KEY}}"}
 * </pre>
 * or an OpenAPI {@code apiKey} security scheme (in: header or query; name: the key) whose value is its extension
 * {@code x-coze-service-token}. A header parameter named Authorization with a value counts as the service token too
 * (Coze sends it as typed, and a service token only when that header is not already set).</li>
 * </ul>
 */
final class OpenApiReader {
    static final String MANIFEST = "x-coze-manifest";
    static final String SCHEME_TOKEN = "x-coze-service-token";
    /** Coze's mark for a parameter hidden from the bot's model (crossdomain/plugin/consts/consts.go). */
    static final String HIDDEN = "x-global-disable";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    private static final int LONGEST_SERVER_URL = 512;

    private OpenApiReader() {
    }

    /**
     * How the document reached Coze: the form the builder gave ({@code form}, as a message names it), what Coze's
     * converter did to it ({@code notes}), and whether its replies are Coze's default to be declared after Debug (a
     * Postman import, as a cURL one: the run assumes the builder did).
     */
    record Source(String form, List<String> notes, boolean repliesDeclaredAfterDebug) {
        static final Source OPENAPI_3 = new Source("OpenAPI 3 document", List.of(), false);
    }

    static BuilderSetup.PluginSetup read(LocatedValue root, Map<String, String> secrets) {
        return read(root, root, Source.OPENAPI_3, secrets, Optional.empty());
    }

    /**
     * @param written the file as written; {@code document} what Coze converted it into (the same for OpenAPI 3)
     * @param wantedTool the tool to judge, when the file holds several (-Dcoze.setup.tool)
     */
    static BuilderSetup.PluginSetup read(LocatedValue written, LocatedValue document, Source source, Map<String, String> secrets, Optional<String> wantedTool) {
        List<String> notes = new ArrayList<>(source.notes());
        if (source == Source.OPENAPI_3) {
            String version = document.get("openapi").requiredText("the OpenAPI version, e.g. 3.0.1");
            if (!version.strip().startsWith("3.")) {
                throw document.get("openapi").fail(Where.shown(version) + " is not an OpenAPI 3 version: Coze's Import takes openapi: 3.x, or swagger: \"2.0\" "
                        + "(plugin_draft.go getConvertFunc; anything else is \"invalid schema\").");
            }
        }
        ImportCompletion.Completed completed = ImportCompletion.of(document);
        CozeSaveRules.refuseOnImport(completed.document(), source.form(), completed.filled());
        completed.filled().forEach(filled -> notes.add("Import fills in: " + filled));
        if (source == Source.OPENAPI_3) {
            List<String> editor = CozeSaveRules.problems(written);
            if (!editor.isEmpty()) {
                notes.add("Pasted into Coze's code editor as written (not imported), this document would be refused: " + String.join(" ", editor));
            }
        }
        LocatedValue root = completed.document();
        String serverUrl = server(root.get("servers"));
        LocatedValue paths = root.get("paths");
        if (!paths.isObject() || paths.members().isEmpty()) {
            throw paths.fail("is missing: the plugin's tool, e.g. paths: {/v1/chat/completions: {post: …}}.");
        }
        ToolChoice.Chosen chosen = ToolChoice.choose(paths, serverUrl, wantedTool, node -> resolve(root, node));
        chosen.notJudged().ifPresent(notes::add);
        String path = chosen.tool().path();
        LocatedValue pathItem = chosen.tool().pathItem();
        String method = chosen.tool().method();
        LocatedValue operation = chosen.tool().operation();

        List<PluginTool.Parameter> parameters = new ArrayList<>();
        List<OutgoingRequest.Header> headers = new ArrayList<>();
        Optional<PluginTool.ServiceToken> token = Optional.empty();
        Optional<LocatedValue> headerToken = Optional.empty();
        List<LocatedValue> declared = new ArrayList<>(resolve(root, pathItem.get("parameters")).elements());
        declared.addAll(resolve(root, operation.get("parameters")).elements());
        for (LocatedValue declaredParameter : declared) {
            LocatedValue parameter = resolve(root, declaredParameter);
            String name = parameter.get("name").requiredText("the parameter's name");
            String in = WorkflowNodeReader.oneOf(parameter.get("in"), List.of("header", "query", "path", "cookie"), "where the parameter goes");
            Optional<LocatedValue> fixed = fixedValue(root, parameter);
            if (in.equalsIgnoreCase("header") && fixed.isPresent()) {
                String value = fixed.get().text().orElse("");
                if (name.equalsIgnoreCase("Authorization")) {
                    Secrets.refuseLiteralKey(fixed.get().where(), value);
                    token = Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, name, Secrets.fill(value, secrets)));
                    headerToken = Optional.of(parameter);
                } else {
                    headers.add(new OutgoingRequest.Header(name, Secrets.fill(value, secrets)));
                }
                continue;
            }
            boolean required = parameter.get("required").value().asBoolean(false);
            parameters.add(new PluginTool.Parameter(name, "string", required || in.equalsIgnoreCase("path")));
            if (source.form().equals(PostmanReader.FORM)) {
                continue; // the Postman reader said what became of each header, its value dropped
            }
            notes.add(in.toLowerCase(Locale.ROOT) + " parameter " + name + " has no default or example value: Coze makes it a tool input that the bot "
                    + "or workflow must fill on every call" + (name.equalsIgnoreCase("Authorization") ? ", so the token is not part of the plugin." : "."));
        }

        Optional<PluginTool.ServiceToken> configured = serviceToken(root, secrets);
        if (configured.isPresent() && token.isPresent()) {
            notes.add("Authorization is given twice, as a header parameter (" + headerToken.get().field() + ") and as the service token: Coze sends "
                    + "the header parameter's value; it adds a service token only when that header is not already set.");
        }
        token = token.or(() -> configured);

        Map<String, Object> filled = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        requestBody(root, operation.get("requestBody"), parameters, headers, notes, filled, hidden);
        PluginTool tool = new PluginTool(serverUrl, path, method.toUpperCase(Locale.ROOT), parameters, token, headers);
        boolean replyDeclared = declaresReplyText(root, operation.get("responses"));
        if (source.repliesDeclaredAfterDebug() && !replyDeclared) {
            notes.add("the imported tool's response \"200\" declares no fields (Coze's default response): Coze hands a bot or the next node only "
                    + "declared fields, so it gets {} until you fill the output parameters (run the tool's Debug, let Coze parse the reply, save). "
                    + "The run below assumes you did, as it assumes the service token.");
        }
        return new BuilderSetup.PluginSetup(root.file(), tool, notes, filled, hidden, replyDeclared || source.repliesDeclaredAfterDebug());
    }

    private static String server(LocatedValue servers) {
        if (!servers.isArray() || servers.elements().isEmpty()) {
            throw servers.fail("is missing: Coze's plugin needs its one server URL, e.g. servers: [{url: https://crazyrouter.com}].");
        }
        if (servers.elements().size() > 1) {
            throw servers.fail("lists " + servers.elements().size() + " servers: a Coze plugin has exactly one. Keep https://crazyrouter.com.");
        }
        LocatedValue url = servers.at(0).get("url");
        String text = url.requiredText("the server URL, e.g. https://crazyrouter.com");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw url.fail(Where.shown(text) + " needs http:// or https:// and a host: Coze refuses a server without one.");
            }
        } catch (URISyntaxException e) {
            throw url.fail(Where.shown(text) + " is not a URL: " + Where.sanitized(e.getReason()) + ".");
        }
        if (text.length() > LONGEST_SERVER_URL) {
            throw url.fail("is longer than the 512 characters Coze allows.");
        }
        return text;
    }

    /** The value a header parameter is fixed to: its (or its schema's) default or example. */
    private static Optional<LocatedValue> fixedValue(LocatedValue root, LocatedValue parameter) {
        LocatedValue schema = resolve(root, parameter.get("schema"));
        for (LocatedValue candidate : List.of(schema.get("default"), parameter.get("example"), schema.get("example"))) {
            if (candidate.present()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The service token from the manifest extension or an apiKey security scheme; both at once is refused. */
    private static Optional<PluginTool.ServiceToken> serviceToken(LocatedValue root, Map<String, String> secrets) {
        List<PluginTool.ServiceToken> found = new ArrayList<>();
        List<String> where = new ArrayList<>();
        LocatedValue manifest = root.get(MANIFEST);
        if (manifest.present()) {
            LocatedValue auth = manifest.get("auth");
            String type = WorkflowNodeReader.oneOf(auth.get("type"), List.of("none", "service_http", "oauth"), "Coze's plugin auth type");
            if (type.equalsIgnoreCase("oauth")) {
                throw auth.get("type").fail("is oauth: this check covers the guide's \"Service token / API key\" auth (service_http) only.");
            }
            if (type.equalsIgnoreCase("service_http")) {
                auth.onlyKeys(Set.of("type", "sub_type", "location", "key", "service_token"));
                Optional<String> subType = auth.get("sub_type").text();
                if (subType.isPresent() && !subType.get().equals("token/api_key")) {
                    throw auth.get("sub_type").fail(Where.shown(subType.get()) + " must be token/api_key (Coze's \"Service token / API key\").");
                }
                found.add(token(auth.get("location"), auth.get("key"), auth.get("service_token"), secrets));
                where.add(auth.field());
            }
        }
        LocatedValue schemes = root.get("components").get("securitySchemes");
        for (Map.Entry<String, LocatedValue> scheme : schemes.members().entrySet()) {
            LocatedValue s = scheme.getValue();
            if (s.get(SCHEME_TOKEN).present()) {
                String type = s.get("type").text().orElse("");
                if (!type.equals("apiKey")) {
                    throw s.get("type").fail(Where.shown(type) + " must be apiKey for a scheme that carries " + SCHEME_TOKEN + ".");
                }
                found.add(token(s.get("in"), s.get("name"), s.get(SCHEME_TOKEN), secrets));
                where.add(s.field());
            }
        }
        if (found.size() > 1) {
            throw root.fail("gives the service token " + found.size() + " times (" + String.join(", ", where) + "): give it once.");
        }
        return found.stream().findFirst();
    }

    private static PluginTool.ServiceToken token(LocatedValue location, LocatedValue key, LocatedValue value, Map<String, String> secrets) {
        String in = WorkflowNodeReader.oneOf(location, List.of("header", "query"), "where Coze puts the service token");
        String name = key.requiredText("the header or query name, e.g. Authorization").strip();
        String typed = value.requiredText("the service token as typed, e.g. \"Bearer " + Secrets.API_KEY_PLACEHOLDER + "\"");
        Secrets.refuseLiteralKey(value.where(), typed);
        return new PluginTool.ServiceToken(PluginTool.Location.valueOf(in.toUpperCase(Locale.ROOT)), name, Secrets.fill(typed, secrets));
    }

    /** The request body: its media type as the Content-Type Coze sends, its top-level properties as the parameters. */
    private static void requestBody(LocatedValue root, LocatedValue declared, List<PluginTool.Parameter> parameters, List<OutgoingRequest.Header> headers,
            List<String> notes,
            Map<String, Object> filled, List<String> hidden) {
        LocatedValue body = resolve(root, declared);
        if (!body.present()) {
            return;
        }
        LocatedValue content = body.get("content");
        if (!content.isObject() || content.members().isEmpty()) {
            throw content.fail("is missing: give the body's media type and schema, e.g. content: {application/json: {schema: …}}.");
        }
        String mediaType = content.members().keySet().stream().filter(m -> m.toLowerCase(Locale.ROOT).startsWith("application/json")).findFirst()
                .orElse(content.members().keySet().iterator().next());
        if (content.members().size() > 1) {
            notes.add("the request body lists " + content.members().size() + " media types; Coze's tool uses one, read here as " + mediaType + ".");
        }
        headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
        headers.add(0, new OutgoingRequest.Header("Content-Type", mediaType));
        LocatedValue schema = resolve(root, content.get(mediaType).get("schema"));
        if (!schema.present()) {
            throw schema.fail("is missing: the body's schema, e.g. {type: object, required: [model, messages], properties: {…}}.");
        }
        String type = schema.get("type").text().orElse(schema.get("properties").present() ? "object" : "");
        if (!type.equals("object")) {
            throw schema.fail("must be type: object: Coze builds the body from an object's properties (an array or text body cannot be a tool's body).");
        }
        Set<String> required = new HashSet<>();
        for (LocatedValue name : schema.get("required").elements()) {
            required.add(name.text().orElse(""));
        }
        for (Map.Entry<String, LocatedValue> property : schema.get("properties").members().entrySet()) {
            String name = property.getKey();
            parameters.add(new PluginTool.Parameter(name, propertyType(root, property.getValue()), required.contains(name)));
            LocatedValue declaredProperty = resolve(root, property.getValue());
            if (declaredProperty.get(HIDDEN).value().asBoolean(false)) {
                hidden.add(name);
            }
            if (declaredProperty.get("default").present()) {
                filled.put(name, Json.MAPPER.convertValue(declaredProperty.get("default").value(), Object.class));
            }
            if (hidden.contains(name) && !filled.containsKey(name) && required.contains(name)) {
                notes.add("body parameter " + name + " is hidden from the bot's model (" + HIDDEN + ") and has no default: nobody fills it, so every "
                        + "call fails inside Coze with [setBodyDefaultValues] parameter '" + name + "' is required. Give it a default.");
            }
        }
        for (String name : required) {
            if (!schema.get("properties").get(name).present()) {
                throw schema.get("required").fail("names " + Where.shown(name) + ", which is not one of the properties.");
            }
        }
    }

    /**
     * Whether the response "200" declares choices[].message.content: Coze hands a bot or the next node only the fields
     * the response declares (no responses, or none declared: {}).
     */
    private static boolean declaresReplyText(LocatedValue root, LocatedValue responses) {
        LocatedValue schema = resolve(root, resolve(root, resolve(root, responses).get("200")).get("content").get("application/json").get("schema"));
        LocatedValue choices = resolve(root, schema.get("properties").get("choices"));
        LocatedValue message = resolve(root, resolve(root, choices.get("items")).get("properties").get("message"));
        return resolve(root, message).get("properties").get("content").present();
    }

    private static String propertyType(LocatedValue root, LocatedValue declared) {
        LocatedValue property = resolve(root, declared);
        Optional<String> type = property.get("type").text();
        if (type.isEmpty()) {
            if (property.get("properties").present()) {
                return "object";
            }
            if (property.get("items").present()) {
                return "array";
            }
            throw property.fail("has no type: give one of " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
        if (!TYPES.contains(type.get())) {
            throw property.get("type").fail(Where.shown(type.get()) + " must be one of " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
        return type.get();
    }

    /** Follows a local {@code $ref} ("#/components/…"); anything else is returned as it is. */
    private static LocatedValue resolve(LocatedValue root, LocatedValue node) {
        return node.followedIn(root, "#/components/…");
    }
}
