package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.config.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Coze checks before it saves a plugin's OpenAPI document, every rule with Coze's own words (docs/COZE.md §4.7):
 * kin-openapi v0.118.0's {@code T.Validate} first, then Coze's {@code Openapi3T.Validate} and
 * {@code Openapi3Operation.Validate} (coze-studio, backend/crossdomain/plugin/model/openapi.go). Coze stops at the
 * first; this lists them all, each with its line and column, so one edit fixes the file. Import (plugin_draft.go
 * {@code ConvertToOpenapi3Doc}) runs them on the document it has completed; the code editor on the document as pasted.
 * <p>
 * Not swagger-parser: its messages carry no line or column, it validates OpenAPI as swagger-parser reads it rather
 * than as kin-openapi and Coze do (a file it passes Coze may refuse, and the other way round), and it would add about
 * 2.5 MB of jars (swagger-core, jakarta.*, commons-io, commons-lang3) for a check that runs only with -Dcoze.setup.
 */
final class CozeSaveRules {
    /** The body media types Coze saves (openapi.go, {@code mediaTypeArray}). */
    static final List<String> BODY_MEDIA_TYPES = List.of("application/json", "application/problem+json", "application/x-www-form-urlencoded",
            "application/x-yaml", "application/yaml");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final int LONGEST_SERVER_URL = 512;

    private final LocatedValue root;
    private final List<String> problems = new ArrayList<>();

    private CozeSaveRules(LocatedValue root) {
        this.root = root;
    }

    /** Every rule the document breaks, each "file:line:col: field: Coze says "…". What to do."; empty when Coze saves it. */
    static List<String> problems(LocatedValue root) {
        CozeSaveRules rules = new CozeSaveRules(root);
        rules.info();
        rules.servers();
        rules.paths();
        return List.copyOf(rules.problems);
    }

    /**
     * Refuses, with every rule it breaks, a document that Coze's Import would not take once it has completed it
     * ({@code completed}: see {@link ImportCompletion}); {@code filled} says what Import filled in first.
     */
    static void refuseOnImport(LocatedValue completed, String form, List<String> filled) {
        List<String> problems = problems(completed);
        if (!problems.isEmpty()) {
            int count = problems.size();
            throw new ConfigurationException(completed.file() + ": Coze's Import refuses this " + form + " (" + count + " problem" + (count == 1 ? "" : "s")
                    + "; Coze names the first when you import it, in the words quoted below). Nothing was sent.\n  " + String.join("\n  ", problems)
                    + (filled.isEmpty() ? "" : "\n  (What Import fills in itself, and so is not a problem: " + String.join(" ", filled) + ")"));
        }
    }

    private void refuse(LocatedValue at, String cozeSays, String toDo) {
        problems.add(at.where().place() + ": " + at.field() + ": Coze says \"" + cozeSays + "\". " + toDo);
    }

    private void info() {
        LocatedValue info = root.get("info");
        if (!info.isObject()) {
            refuse(info, "invalid info: must be an object",
                    "Add info: {title: crazyrouter_chat, description: Chat completions through Crazyrouter, version: v1}.");
            return;
        }
        if (blank(info.get("version"))) {
            refuse(info.get("version"), "invalid info: value of version must be a non-empty string", "Add info.version, e.g. v1.");
        }
        if (blank(info.get("title"))) {
            refuse(info.get("title"), "the title of info is required", "Add info.title: the plugin's name, e.g. crazyrouter_chat.");
        }
        if (blank(info.get("description"))) {
            refuse(info.get("description"), "the description of info is required",
                    "Add info.description: what the plugin does, e.g. Chat completions through Crazyrouter.");
        }
    }

    private void servers() {
        LocatedValue servers = root.get("servers");
        if (!servers.isArray() || servers.elements().size() != 1) {
            refuse(servers, "server is required and only one server is allowed", "Give exactly one: servers: [{url: https://crazyrouter.com}].");
            return;
        }
        LocatedValue url = servers.at(0).get("url");
        String text = url.value().isValueNode() ? url.value().asText("") : "";
        String host = "";
        try {
            host = new URI(text).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            refuse(url, "invalid server url '" + Where.shown(text).replaceAll("^'|'$", "") + "'",
                    "Write scheme and host: https://crazyrouter.com.");
        } else if (text.length() > LONGEST_SERVER_URL) {
            refuse(url, "server url '…' is too long", "Keep it to 512 characters: https://crazyrouter.com.");
        }
    }

    private void paths() {
        LocatedValue paths = root.get("paths");
        if (!paths.isObject()) {
            refuse(paths, "invalid paths: must be an object", "Add paths: {/v1/chat/completions: {post: {…}}}.");
            return;
        }
        for (Map.Entry<String, LocatedValue> path : paths.members().entrySet()) {
            if (!path.getKey().startsWith("/")) {
                refuse(path.getValue(), "invalid paths: path \"" + path.getKey() + "\" does not start with a forward slash (/)",
                        "Start the tool path with /, e.g. /v1/chat/completions.");
            }
            LocatedValue item = resolve(path.getValue());
            List<LocatedValue> shared = resolve(item.get("parameters")).elements();
            for (Map.Entry<String, LocatedValue> member : item.members().entrySet()) {
                if (OPERATIONS.contains(member.getKey())) {
                    operation(path.getKey(), member.getKey(), resolve(member.getValue()), shared);
                }
            }
        }
    }

    private void operation(String path, String method, LocatedValue operation, List<LocatedValue> shared) {
        String where = " (" + method.toUpperCase(java.util.Locale.ROOT) + " " + path + ")";
        if (blank(operation.get("operationId"))) {
            refuse(operation.get("operationId"), "operationID is required", "Name the tool" + where + ", e.g. operationId: chat_completions.");
        }
        if (blank(operation.get("summary"))) {
            refuse(operation.get("summary"), "summary is required",
                    "Describe the tool" + where + " in one line, e.g. summary: Send messages to a model and get its reply.");
        }
        requestBody(operation.get("requestBody"));
        List<LocatedValue> parameters = new ArrayList<>(shared);
        parameters.addAll(resolve(operation.get("parameters")).elements());
        parameters.forEach(p -> parameter(resolve(p)));
        responses(operation.get("responses"));
    }

    private void requestBody(LocatedValue declared) {
        if (!declared.present()) {
            return;
        }
        LocatedValue content = resolve(declared).get("content");
        if (!content.isObject() || content.members().isEmpty()) {
            refuse(content, "request body is required", "Give the body's media type and schema: content: {application/json: {schema: {type: object, …}}}.");
            return;
        }
        if (content.members().size() != 1) {
            refuse(content, "request body only supports one media type", "Keep application/json only (" + String.join(", ", content.members().keySet())
                    + " are listed).");
            return;
        }
        String mediaType = content.members().keySet().iterator().next();
        if (!BODY_MEDIA_TYPES.contains(mediaType)) {
            refuse(content.get(mediaType), "invalid media type, request body only the following types: [" + String.join(", ", BODY_MEDIA_TYPES) + "]",
                    "Use application/json.");
            return;
        }
        objectSchema(content.get(mediaType).get("schema"), "request body schema is required", "request body only supports 'object' type",
                "Give the body's schema as type: object with the properties model and messages.");
    }

    private void parameter(LocatedValue parameter) {
        String name = parameter.get("name").value().asText("");
        LocatedValue schema = resolve(parameter.get("schema"));
        String in = parameter.get("in").value().asText("");
        if (!schema.isObject()) {
            refuse(parameter.get("schema"), "parameter schema is required", "Give the parameter " + name + " a schema, e.g. schema: {type: string}.");
            return;
        }
        if (in.isEmpty()) {
            refuse(parameter.get("in"), "parameter location is required", "Say where " + name + " goes: in: header, query or path.");
        } else if (in.equals("body")) {
            refuse(parameter.get("in"), "the location of parameter '" + name + "' cannot be 'body'", "Put body fields in requestBody, not in parameters.");
        }
        String type = schema.get("type").value().asText("");
        if (type.isEmpty()) {
            refuse(schema.get("type"), "the type of  parameter '" + name + "' is required", "Give it a type, e.g. type: string.");
        } else if (type.equals("object")) {
            refuse(schema.get("type"), "the type of parameter '" + name + "' cannot be 'object'", "Use a string, number, integer, boolean or array.");
        } else if (in.equals("path") && type.equals("array")) {
            refuse(schema.get("type"), "the type of parameter '" + name + "' cannot be 'array'", "A path parameter is a single value: use type: string.");
        }
    }

    private void responses(LocatedValue responses) {
        if (!responses.isObject()) {
            refuse(responses, "invalid operation: value of responses must be an object", "Add responses: {\"200\": {description: A chat completion, "
                    + "content: {application/json: {schema: {type: object, …}}}}}.");
            return;
        }
        Map<String, LocatedValue> codes = responses.members();
        if (codes.isEmpty()) {
            refuse(responses, "the responses object MUST contain at least one response code", "Add the response \"200\" with application/json.");
            return;
        }
        boolean only200 = codes.containsKey("200") && (codes.size() == 1 || codes.size() == 2 && codes.containsKey("default"));
        if (!only200) {
            refuse(responses, "response only supports '200' status",
                    "Keep the response \"200\" (and at most default); Coze shows any other status as a failure.");
            return;
        }
        LocatedValue ok = resolve(responses.get("200"));
        if (!ok.get("description").present()) {
            refuse(ok.get("description"), "a short description of the response is required", "Add description: A chat completion.");
        }
        LocatedValue content = ok.get("content");
        if (content.members().size() != 1 || !content.get("application/json").present()) {
            refuse(content, "response only supports 'application/json' media type", "Give the response \"200\" exactly one media type, "
                    + "application/json. (A tool stored without it fails every call: \"the 'application/json' media type is not defined in response\", "
                    + "coze-studio exec_tool.go processResponse.)");
            return;
        }
        objectSchema(content.get("application/json").get("schema"), "the media type schema of response is required",
                "response body only supports 'object' type", "Give the reply's schema as type: object.");
    }

    private void objectSchema(LocatedValue declared, String missing, String notObject, String toDo) {
        LocatedValue schema = resolve(declared);
        if (!schema.isObject()) {
            refuse(declared, missing, toDo);
        } else if (!schema.get("type").value().asText("").equals("object")) {
            refuse(schema.get("type").present() ? schema.get("type") : schema, notObject, toDo);
        }
    }

    private static boolean blank(LocatedValue node) {
        return !node.present() || !node.value().isValueNode() || node.value().asText().isBlank();
    }

    /** A local $ref followed, or the node itself (an unresolvable one is refused later by the reader, with its own message). */
    private LocatedValue resolve(LocatedValue node) {
        return node.followedLenientlyIn(root);
    }
}
