package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ModelNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The guide's Validation Checklist, checked statically against a builder's own setup: no request is sent, no file is
 * written. Each line is PASSED only on evidence in the file, FAILED with what Coze will do and the guide's fix, or
 * NOT_CHECKABLE with the reason (lines 1, 2, 7 and 9 happen in Crazyrouter or Coze, not in a file).
 */
public final class SetupCheck {
    private static final String GUIDE_URL = PluginTool.guide("").url();
    private static final String GUIDE_PATH = "/v1/chat/completions";
    private static final String GUIDE_MODEL = "gpt-5.4";
    private static final Pattern URL = Pattern.compile("(?i)^(https?)://([^/?#\\s]*)([^?#\\s]*)(\\?[^#\\s]*)?(#\\S*)?$");
    private static final Pattern WORDS = Pattern.compile("(\\s*)(\\S+)");
    private static final String NOTHING_SENT = "not checked against Crazyrouter: this check sends nothing";
    private static final String GUIDE_401 = "Guide, Common Errors \"401 unauthorized\": " + CommonError.UNAUTHORIZED.fix() + ".";
    private static final String GUIDE_404 = CommonError.NOT_FOUND_URL.fix();

    private SetupCheck() {
    }

    /** How a line came out. */
    public enum Verdict {
        PASSED("passed"), FAILED("FAILED"), NOT_CHECKABLE("not checkable from the file");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One checklist line: what the file shows ({@code finding}), what Coze will do with it ({@code cozeWill}, empty
     * when there is nothing to say) and, for a FAILED line, the fix in the guide's words (for a NOT_CHECKABLE line,
     * how to confirm it by hand).
     */
    public record Line(ChecklistLine line, Verdict verdict, String finding, String cozeWill, String fix) {
    }

    /** The nine checklist lines, in the guide's order, a fixed model judged against the guide's three. */
    public static List<Line> check(BuilderSetup setup) {
        return check(setup, GuideModels.NAMES);
    }

    /** The guide's model ids (its model table), loaded once, when a check needs them. */
    private static final class GuideModels {
        static final List<String> NAMES = ModelTable.load(ModelTable.GUIDE_MODELS).models();
    }

    /**
     * The nine checklist lines, in the guide's order.
     *
     * @param guideModels the model ids a model fixed in the file is compared with (the model table's)
     */
    public static List<Line> check(BuilderSetup setup, Collection<String> guideModels) {
        List<Line> lines = new ArrayList<>();
        lines.add(notCheckable(ChecklistLine.DEDICATED_TOKEN, "whether the token is a dedicated Coze token is set in Crazyrouter; the file only names "
                + Secrets.API_KEY_PLACEHOLDER + ".", "In Crazyrouter, create a token used only by Coze, and allow only gpt-5.4 (and claude-sonnet-4-6) at first."));
        lines.add(notCheckable(ChecklistLine.ROUTE_CHOSEN, "the file describes a " + setup.route().title() + "; whether that route was chosen first, "
                + "before any custom-model setup, is not in a file.", "Start with the API plugin or the workflow HTTP request node, not a custom-model entry."));
        if (setup instanceof BuilderSetup.PluginSetup plugin) {
            PluginTool tool = plugin.tool();
            lines.add(url(tool.url(), tool.method(), Optional.of(tool)));
            lines.add(pluginAuthorization(tool));
            lines.add(pluginContentType(tool));
            lines.add(pluginBody(plugin, guideModels));
            lines.add(standaloneDebugging());
            lines.add(pluginInput(plugin));
        } else if (setup instanceof BuilderSetup.WorkflowSetup workflow) {
            WorkflowHttpNode node = workflow.node();
            BodyTemplate body = BodyTemplate.of(node.bodyTemplate());
            lines.add(url(node.url(), node.method(), Optional.empty()));
            lines.add(workflowAuthorization(node));
            lines.add(workflowContentType(node));
            lines.add(workflowBody(node, body, guideModels));
            lines.add(standaloneDebugging());
            lines.add(workflowInput(node, body, workflow.outputs()));
        }
        lines.add(notCheckable(ChecklistLine.IN_CRAZYROUTER_LOGS, "Crazyrouter's logs are on crazyrouter.com.",
                "After a debug run, find the request (model gpt-5.4, this token) in Crazyrouter's logs."));
        return List.copyOf(lines);
    }

    // ---- checklist 3: the URL ------------------------------------------------------------------------------------

    private static Line url(String url, String method, Optional<PluginTool> plugin) {
        ChecklistLine line = ChecklistLine.FULL_URL;
        if (plugin.isEmpty() && url.contains("{{")) {
            return notCheckable(line, "the URL holds a variable (" + url + "): what Coze calls depends on its value.",
                    "Write the full URL " + GUIDE_URL + " without variables, as the guide does.");
        }
        Problems problems = new Problems();
        String fixUrl = plugin.isPresent() ? GUIDE_404 + ": server https://crazyrouter.com and tool path " + GUIDE_PATH + "."
                : GUIDE_404 + ": " + GUIDE_URL + ".";
        Matcher m = URL.matcher(url);
        if (!m.matches() || m.group(2).isEmpty()) {
            problems.add("The URL Coze calls, " + quoted(url) + ", is not an http(s) URL with a host.", "Coze cannot send the request.", fixUrl);
            return problems.line(line, "", "");
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String path = m.group(3);
        if (m.group(1).equalsIgnoreCase("http")) {
            problems.add("The URL starts with http://, not https://.", "Coze calls http://" + host + path + ". If Crazyrouter redirects that to https:// "
                    + "with a 301 or 302, Coze's Go HTTP client repeats it as a GET without the body, so no chat reply (a guess, " + NOTHING_SENT + ").",
                    "Use https://: " + fixUrl);
        }
        if (host.equals("www.crazyrouter.com")) {
            problems.add("The host is www.crazyrouter.com, not the guide's crazyrouter.com.", "What www.crazyrouter.com answers is a guess ("
                    + NOTHING_SENT + "): the web site, or a redirect that Coze's client may turn into a GET without the body.",
                    "Use the host crazyrouter.com: " + fixUrl);
        } else if (!host.equals("crazyrouter.com")) {
            problems.add("The host is " + host + ", not crazyrouter.com.", "Coze sends the request, token included, to " + host + ", not to Crazyrouter.", fixUrl);
        }
        if (!path.equals(GUIDE_PATH)) {
            String server = plugin.map(PluginTool::serverUrl).orElse("");
            String toolPath = plugin.map(PluginTool::path).orElse("");
            String pathNoSlash = path.replaceAll("/+$", "");
            String finding;
            if (pathNoSlash.equals(GUIDE_PATH)) {
                finding = plugin.isPresent() && toolPath.equals("/")
                        ? "The server is the full URL (" + server + ") and the tool path is \"/\". Coze joins server and path as text, with no "
                                + "clean-up, so it calls " + url + " (a trailing slash)."
                        : "The URL ends in a slash: " + url + ".";
            } else if (path.replaceAll("/{2,}", "/").equals(GUIDE_PATH)) {
                finding = plugin.isPresent() && server.endsWith("/") && toolPath.startsWith("/")
                        ? "The server ends in \"/\" (" + server + ") and the tool path starts with \"/\" (" + toolPath + "). Coze joins them as text, "
                                + "so it calls " + url + " (with \"//\")."
                        : "The URL has \"//\" in its path: " + url + ".";
            } else {
                finding = (plugin.isPresent() ? "Server " + server + " + tool path " + toolPath + " (Coze joins them as text) is " + url
                        : "The URL is " + url) + ": " + (path.contains("/chat/completions") || path.isEmpty() || path.equals("/")
                                ? "its path is " + quoted(path) + ", not " + GUIDE_PATH + "." : "it is missing " + GUIDE_PATH + ".");
            }
            problems.add(finding, "Coze sends the request to " + url + ", which is not the guide's URL. " + wrongPathAnswer(path, plugin.isPresent()), fixUrl);
        }
        if (m.group(4) != null && m.group(4).length() > 1) {
            problems.note("The URL adds a query (" + m.group(4) + "), which the guide's URL does not have.");
        }
        if (!method.equalsIgnoreCase("POST")) {
            problems.add("The method is " + method + ", not POST.", "Coze sends a " + method + "; Crazyrouter's chat endpoint takes POST (the guide's "
                    + "Step 3: Method POST), so no chat reply.", "Set the method to POST.");
        }
        String passed = plugin.map(t -> "Server " + t.serverUrl() + " + tool path " + t.path() + " = " + url
                + ": exactly the guide's URL (Coze joins the two as text), method POST.").orElse("The URL is exactly the guide's, " + url + ", method POST.");
        return problems.line(line, passed, "Coze sends POST " + url + ".");
    }

    /** What new-api (gin v1.9.1, read in code: docs/GATEWAY.md, "Paths Coze can produce") answers a path that is not the guide's. */
    private static String wrongPathAnswer(String path, boolean plugin) {
        if (path.replaceAll("/+$", "").equals(GUIDE_PATH) && path.endsWith("/")) {
            return "Crazyrouter answers it with a 307 redirect to " + GUIDE_PATH + (plugin
                    ? ", which the plugin follows with the same request, so it works — through a redirect, and only while Crazyrouter keeps it."
                    : ", which the workflow node does not follow: the node succeeds with statusCode 307 and an empty body, and the next node gets no reply.");
        }
        if (path.startsWith("//")) {
            return "Crazyrouter answers a path that starts with // with its web page (status 200, HTML), not a chat reply.";
        }
        return "Crazyrouter answers a wrong path under /v1 with a 404 (Invalid URL) and any other path with its web page (status 200, HTML), "
                + "not a chat reply.";
    }

    // ---- checklist 4: Authorization ------------------------------------------------------------------------------

    private static Line pluginAuthorization(PluginTool tool) {
        ChecklistLine line = ChecklistLine.BEARER_HEADER;
        Problems problems = new Problems();
        Optional<PluginTool.Parameter> input = tool.parameters().stream().filter(p -> p.name().equalsIgnoreCase("Authorization")).findFirst();
        if (input.isPresent()) {
            problems.add("Authorization is a tool input (a required parameter), not the plugin's auth: an imported cURL's -H Authorization, or a header "
                    + "parameter without a value, becomes one, and its value is dropped.",
                    "The token is not part of the plugin: the bot or workflow must fill Authorization on every call. Left empty, Coze stops with "
                            + "parameter 'Authorization' is required; filled by the bot's model, the token is whatever the model wrote.",
                    "Delete the Authorization input and set the plugin's auth to Service token / API key: location Header, key Authorization, "
                            + "value Bearer sk-xxx (the token).");
            return problems.line(line, "", "");
        }
        if (tool.serviceToken().isEmpty()) {
            return notCheckable(line, "the file sets no auth. Coze keeps a plugin's auth in the plugin's settings, not in its OpenAPI document or a "
                    + "cURL import (an OpenAPI file can carry it under " + OpenApiReader.MANIFEST + ", see examples/README.md).",
                    "In the plugin's settings: auth Service token / API key, location Header, key Authorization, value Bearer sk-xxx (the token).");
        }
        PluginTool.ServiceToken token = tool.serviceToken().get();
        String how = "The service token (Service token / API key, sent exactly as typed: Coze adds no \"Bearer \")";
        if (token.location() == PluginTool.Location.QUERY) {
            problems.add(how + " goes in the query as ?" + token.key() + "=…, not in a header.", "Coze puts the token in the URL. The guide's "
                    + "Crazyrouter setup reads it from the Authorization header, so expect 401 unauthorized (a guess, " + NOTHING_SENT + ").",
                    "Set the service token's location to Header, key Authorization, value Bearer sk-xxx.");
            return problems.line(line, "", "");
        }
        if (!token.key().equalsIgnoreCase("Authorization")) {
            problems.add(how + " is sent as the header " + token.key() + ", not Authorization.", "Coze sends " + token.key() + ": " + shape(token.value())
                    + ". Crazyrouter reads the token from Authorization on " + GUIDE_PATH + ", so expect 401 unauthorized (a guess, " + NOTHING_SENT + ").",
                    "Set the service token's key to Authorization and its value to Bearer sk-xxx.");
            return problems.line(line, "", "");
        }
        judgeAuthorization(problems, token.value(), how + " is " + shape(token.value()) + ".", "the service token's value");
        return problems.line(line, how + " is " + shape(token.value()) + ": the guide's form.", "Coze sends Authorization: " + shape(token.value()) + ".");
    }

    private static Line workflowAuthorization(WorkflowHttpNode node) {
        ChecklistLine line = ChecklistLine.BEARER_HEADER;
        Problems problems = new Problems();
        Optional<String> header = header(node.headers(), "Authorization");
        Optional<String> sent = header;
        String how = header.map(v -> "The hand-written Authorization header is " + shape(v) + ".").orElse("");
        String where = "the Authorization header's value";
        boolean authSetsIt = false;
        WorkflowHttpNode.NodeAuth auth = node.auth();
        if (auth instanceof WorkflowHttpNode.BearerAuth bearer) {
            sent = Optional.of("Bearer " + bearer.token());
            authSetsIt = true;
            how = "The node's auth is Bearer: Coze sends \"Bearer \" + the token, " + shape(sent.get()) + ".";
            where = "the Bearer auth's token";
            if (bearer.token().strip().regionMatches(true, 0, "Bearer", 0, 6)) {
                problems.add("The node's auth is Bearer and its token already starts with \"Bearer \": Coze adds \"Bearer \" itself.",
                        "Coze sends Authorization: " + shape(sent.get()) + "; Crazyrouter rejects it (401 unauthorized).",
                        "With Bearer auth, give the token alone (" + Secrets.API_KEY_PLACEHOLDER + "), without \"Bearer \". " + GUIDE_401);
            }
        } else if (auth instanceof WorkflowHttpNode.CustomAuth custom && custom.key().equalsIgnoreCase("Authorization")) {
            if (custom.location() == PluginTool.Location.QUERY) {
                problems.add("The node's custom auth puts Authorization in the query (?" + custom.key() + "=…), not in a header.",
                        "Coze puts the token in the URL; Crazyrouter reads it from the Authorization header, so expect 401 unauthorized (a guess, "
                                + NOTHING_SENT + ").", "Set the custom auth's location to Header (key Authorization, value Bearer sk-xxx).");
            } else {
                sent = Optional.of(custom.value());
                authSetsIt = true;
                how = "The node's custom auth sets the header Authorization to " + shape(custom.value()) + ".";
                where = "the custom auth's value";
            }
        } else if (auth instanceof WorkflowHttpNode.CustomAuth custom) {
            problems.note("The node's custom auth also sends " + custom.key() + " (in the " + custom.location().name().toLowerCase(Locale.ROOT) + ").");
        }
        if (header.isPresent() && authSetsIt) {
            problems.note("Coze applies the node's auth after the headers, so it overwrites the hand-written Authorization header ("
                    + shape(header.get()) + "): keep one of the two.");
        }
        if (sent.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("The node sends no Authorization: no Authorization header and no Bearer or custom auth.",
                        "Coze sends the request without a token; Crazyrouter rejects it (401 unauthorized).",
                        "Fill the Authorization header as Bearer sk-xxx (or set the node's auth to Bearer with the token alone). " + GUIDE_401);
            }
            return problems.line(line, "", "");
        }
        if (problems.isEmpty()) {
            judgeAuthorization(problems, sent.get(), how, where);
        }
        return problems.line(line, how + " That is the guide's form.", "Coze sends Authorization: " + shape(sent.get()) + ".");
    }

    /**
     * new-api's releases read a lowercase "bearer " or a doubled space differently (docs/GATEWAY.md §5, §10): no harm a
     * setup file can show, so it is a note, and the run's checklist 4 rows say which release answers.
     */
    static final String RELEASE_DEPENDENT_BEARER = "Newer new-api releases accept it, older ones answer 401 unauthorized; which one Crazyrouter "
            + "runs is not in this file (the run's \"What this gateway's release does\" section says). Bearer sk-xxx works on every release.";

    /** The value Coze puts in the Authorization header, judged against "Bearer sk-…". */
    private static void judgeAuthorization(Problems problems, String value, String how, String where) {
        String sends = "Coze sends Authorization: " + shape(value);
        if (value.isBlank()) {
            problems.add(how + " It is empty.", sends + "; Crazyrouter rejects it (401 unauthorized).", "Fill " + where + " as Bearer sk-xxx. " + GUIDE_401);
        } else if (value.contains("\n") || value.contains("\r")) {
            problems.add(how + " It holds a line break (from copy-paste).", "Coze refuses to send it (net/http: invalid header field value for "
                    + "\"Authorization\"): nothing reaches Crazyrouter.", "Re-enter " + where + " on one line, without the line break. " + GUIDE_401);
        } else if (Secrets.isGuidePlaceholder(value)) {
            problems.add(how + " It is still the guide's placeholder.", sends + "; Crazyrouter rejects it (401 unauthorized).",
                    "Write " + Secrets.API_KEY_PLACEHOLDER + " where the token goes and give the dedicated token in " + Secrets.API_KEY + ". " + GUIDE_401);
        } else if (value.contains("{{")) {
            problems.add(how + " It holds a {{variable}}, and Coze fills no variables in headers or auth.", sends + " with the braces as written; "
                    + "Crazyrouter rejects it (401 unauthorized).", "Write the token itself in Coze (here: " + Secrets.API_KEY_PLACEHOLDER + "). " + GUIDE_401);
        } else if (value.startsWith("\"") || value.startsWith("'")) {
            problems.add(how + " It is wrapped in quotes.", sends + " with the quotes; Crazyrouter rejects it (401 unauthorized).",
                    "Remove the quotes: Bearer sk-xxx. " + GUIDE_401);
        } else if (value.matches("(?is)^bearer\\s+bearer\\b.*")) {
            problems.add(how + " It says Bearer twice.", sends + "; Crazyrouter rejects it (401 unauthorized).",
                    "Fill " + where + " as Bearer sk-xxx, with one Bearer. " + GUIDE_401);
        } else if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String rest = value.substring(7);
            if (rest.isBlank() || rest.strip().contains(" ")) {
                problems.add(how + " It has a space inside the token.", sends + "; Crazyrouter reads the key only up to the space and rejects it "
                        + "(401 unauthorized).", "Fill " + where + " as Bearer sk-xxx: one space after Bearer, none in the token. " + GUIDE_401);
            } else if (!value.startsWith("Bearer ") || Character.isWhitespace(rest.charAt(0))) {
                problems.note(how + " It writes " + quoted(value.substring(0, value.length() - rest.stripLeading().length()).replace(" ", "·"))
                        + " where the guide writes \"Bearer·\". " + RELEASE_DEPENDENT_BEARER);
            }
        } else {
            problems.add(how + " It is the token without \"Bearer \" in front.", sends + ". Crazyrouter (new-api) strips an optional \"Bearer \" and "
                    + "then \"sk-\", so it accepts this today: it passes at the gateway, but not as the guide says.",
                    "Fill " + where + " as Bearer sk-xxx: type \"Bearer \" and then the token (Guide, Validation Checklist 4).");
        }
    }

    // ---- checklist 5: Content-Type -------------------------------------------------------------------------------

    private static Line pluginContentType(PluginTool tool) {
        ChecklistLine line = ChecklistLine.JSON_CONTENT_TYPE;
        Problems problems = new Problems();
        Optional<String> type = header(tool.headers(), "Content-Type");
        String fix = "Set Content-Type to application/json: give the tool a JSON request body (in a cURL: -H 'Content-Type: application/json' with -d).";
        if (type.isEmpty()) {
            problems.add("The tool has no request body, so Coze sends no body and no Content-Type.", "Crazyrouter gets no JSON body and cannot read the "
                    + "model name: no chat reply.", fix);
        } else if (!isJson(type.get())) {
            problems.add("The tool's request body is " + type.get() + ", not application/json" + (type.get().equals(CurlImport.FORM)
                    ? " (a cURL -d without -H 'Content-Type: application/json' means form-urlencoded)" : "") + ".",
                    "Coze sends Content-Type: " + type.get() + ". " + cannotReadModel(), fix);
        }
        return problems.line(line, "The tool's request body is " + type.orElse("") + ".",
                "Coze sends Content-Type: " + type.orElse("") + " and builds the body from the tool's parameters with real JSON encoding.");
    }

    private static Line workflowContentType(WorkflowHttpNode node) {
        ChecklistLine line = ChecklistLine.JSON_CONTENT_TYPE;
        Problems problems = new Problems();
        Optional<String> own = header(node.headers(), "Content-Type");
        Optional<String> bodies = switch (node.bodyType()) {
            case JSON -> Optional.of("application/json");
            case RAW_TEXT -> Optional.of("text/plain");
            case FORM_URLENCODED -> Optional.of(CurlImport.FORM);
            case FORM_DATA -> Optional.of("multipart/form-data");
            case BINARY -> Optional.of("a binary body's type");
            case EMPTY -> Optional.empty();
        };
        Optional<String> sent = own.or(() -> bodies);
        String body = "The body type is " + node.bodyType().name().toLowerCase(Locale.ROOT);
        String fix = "Set Content-Type to application/json: choose the JSON body type" + (own.isPresent() ? " and remove the hand-written Content-Type." : ".");
        if (own.isPresent() && bodies.isPresent()) {
            problems.note("Coze sends Content-Type twice: the hand-written header first (" + own.get() + "), then the body type's (" + bodies.get()
                    + "); Crazyrouter reads the first (inferred: Go's Header.Get).");
        }
        if (sent.isEmpty()) {
            problems.add(body + ": Coze sends no body and no Content-Type.", "Crazyrouter gets no JSON body and cannot read the model name: no chat reply.",
                    "Set Content-Type to application/json: choose the JSON body type and give the smallest body.");
        } else if (!isJson(sent.get())) {
            problems.add(body + (own.isPresent() ? " and the hand-written Content-Type is " + own.get() : "") + ": Coze sends Content-Type: "
                    + sent.get() + ".", cannotReadModel(), fix);
        }
        return problems.line(line, body + (own.isPresent() ? " and the hand-written Content-Type is " + own.get() : "") + ".",
                "Coze sends Content-Type: " + sent.orElse("") + ".");
    }

    private static String cannotReadModel() {
        return "Crazyrouter does not read such a body as JSON, so it cannot read the model name: with the dedicated token it answers 403 (no access "
                + "to the model), with a token without a model allowlist 400 (model name not specified).";
    }

    // ---- checklist 6: the smallest body --------------------------------------------------------------------------

    private static Line pluginBody(BuilderSetup.PluginSetup plugin, Collection<String> guideModels) {
        ChecklistLine line = ChecklistLine.SMALLEST_BODY;
        PluginTool tool = plugin.tool();
        Problems problems = new Problems();
        String fix = "Start with the smallest request body (Guide, Step 5): the parameters model (string) and messages (array), then validate with gpt-5.4.";
        List<String> dropped = plugin.importNotes().stream().filter(n -> n.contains(CurlImport.DROPS_BODY)).toList();
        Optional<PluginTool.Parameter> model = parameter(tool, "model");
        Optional<PluginTool.Parameter> messages = parameter(tool, "messages");
        if (!dropped.isEmpty() && model.isEmpty()) {
            String options = dropped.stream().map(n -> n.substring(0, n.indexOf(':'))).distinct().collect(Collectors.joining(", "));
            problems.add("The cURL gives its body with " + options + ", which Coze's plugin importer drops: the tool has no body parameters "
                    + "(no model, no messages)" + (tool.method().equals("GET") ? ", and without -X POST it is a GET" : "") + ".",
                    "The tool would send no body (model and messages are not even parameters): Crazyrouter cannot read a model, so no chat reply.",
                    "In the cURL, write the body with -d (or --data) and -H 'Content-Type: application/json', and -X POST, then import it again; "
                            + "or add the parameters model and messages by hand. " + fix);
            return problems.line(line, "", "");
        }
        if (model.isEmpty() || messages.isEmpty()) {
            String missing = model.isEmpty() && messages.isEmpty() ? "model and messages" : model.isEmpty() ? "model" : "messages";
            problems.add("The tool has no " + missing + " parameter" + (tool.parameters().isEmpty() ? " (it has no body parameters at all)" : "") + ".",
                    "Coze sends a body without " + missing + ": Crazyrouter cannot tell which model to use or what to answer, so no chat reply.", fix);
        }
        model.filter(p -> !p.type().equals("string")).ifPresent(p -> problems.add("The model parameter is " + p.type() + ", not string.",
                "Coze coerces the value to " + p.type() + ": Crazyrouter does not get a model name.", fix));
        messages.filter(p -> !p.type().equals("array")).ifPresent(p -> problems.add("The messages parameter is " + p.type() + ", not array.",
                "Coze coerces the value to " + p.type() + ": Crazyrouter rejects a messages field that is not a list.", fix));
        parameter(tool, "stream").filter(PluginTool.Parameter::required).ifPresent(p -> problems.add("The tool requires a stream parameter, so every "
                + "call must set it.", "If it is true, Crazyrouter answers with a stream, and neither route streams: the plugin fails with "
                        + "\"response is not object, raw response=data: …\".", "Remove stream from the tool's parameters (or make it optional and leave it unset). " + fix));
        dropped.forEach(problems::note);
        Optional<String> fixed = plugin.fixedModel();
        boolean hidden = plugin.hiddenFromModel().contains("model");
        fixed.ifPresent(id -> judgeFixedModel(problems, id, "the model parameter's default" + (hidden ? ", hidden from the bot's model ("
                + OpenApiReader.HIDDEN + "), so Coze fills it on every call" : ", which Coze fills whenever the caller leaves model empty"),
                "Set the model parameter's default to ", guideModels));
        String modelWords = fixed.map(id -> "; the model is fixed to " + id + " (its default" + (hidden ? ", hidden from the bot's model" : "") + ")")
                .orElse("; the model's value is filled when the tool is called, so validate it first with " + GUIDE_MODEL);
        return problems.line(line, "The tool asks for model (string) and messages (array)" + (required(model) && required(messages) ? ", both required" : "")
                + modelWords + ".", "Coze builds {\"model\":…,\"messages\":[…]} from the tool's parameters with real JSON encoding"
                + fixed.map(id -> ", model " + id + " unless the caller fills another" + (hidden ? " (it cannot: the parameter is hidden)" : "")).orElse("")
                + ".");
    }

    private static Line workflowBody(WorkflowHttpNode node, BodyTemplate body, Collection<String> guideModels) {
        ChecklistLine line = ChecklistLine.SMALLEST_BODY;
        Problems problems = new Problems();
        String smallest = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
        String fix = "Start with the smallest request body (Guide, Step 5), " + smallest + ", then validate with gpt-5.4.";
        if (node.bodyType() != BodyType.JSON && node.bodyType() != BodyType.RAW_TEXT) {
            problems.add("The body type is " + node.bodyType().name().toLowerCase(Locale.ROOT) + ": the node sends no JSON body.",
                    "Crazyrouter gets no model and no messages, so no chat reply.", "Choose the JSON body type. " + fix);
            return problems.line(line, "", "");
        }
        if (body.json().isEmpty()) {
            problems.add("The body template is not valid JSON even before any input is filled in: " + body.jsonError() + ".",
                    node.bodyType() == BodyType.JSON ? "Coze parses a JSON body before sending it: the node fails inside Coze with a JSON syntax "
                            + "error, and nothing reaches Crazyrouter." : "Crazyrouter cannot read the body as JSON: no chat reply.", fix);
            return problems.line(line, "", "");
        }
        JsonNode tree = body.json().get();
        if (!tree.isObject()) {
            problems.add("The body template is not a JSON object.", "Coze fails the node before sending (a top-level array or value is not a "
                    + "body it parses; inferred), or Crazyrouter rejects it.", fix);
            return problems.line(line, "", "");
        }
        JsonNode model = tree.get("model");
        JsonNode messages = tree.get("messages");
        Optional<BodyTemplate.Variable> modelVariable = body.variableAt(model);
        Optional<BodyTemplate.Variable> messagesVariable = body.variableAt(messages);
        if (model == null || !(model.isTextual() && !model.asText().isBlank())) {
            problems.add(model == null ? "The body has no model." : "The body's model is not a model name.", "Crazyrouter cannot tell which model "
                    + "to use: no chat reply.", fix);
        }
        if (messages == null || (messagesVariable.isEmpty() && !(messages.isArray() && !messages.isEmpty()))) {
            problems.add(messages == null ? "The body has no messages." : "The body's messages is not a list of messages.",
                    "Crazyrouter rejects the body (400): it needs at least one message.", fix);
        }
        JsonNode stream = tree.get("stream");
        if (stream != null && stream.isBoolean() && stream.asBoolean()) {
            problems.add("The body sets \"stream\": true.", "Neither Coze route streams: the node reads the whole answer and hands on the raw "
                    + "event-stream text (data: {…} lines) as its body output, not a chat completion, so choices[0].message.content is not there "
                    + "for the next node.", "Remove \"stream\": true. " + fix);
        } else if (stream != null && body.variableAt(stream).isPresent()) {
            problems.note("stream comes from the variable {{" + body.variableAt(stream).get().name() + "}}: if it is true, the node hands on raw "
                    + "event-stream text instead of a chat completion.");
        }
        if (problems.isEmpty() && modelVariable.isEmpty()) {
            judgeFixedModel(problems, model.asText(), "the body's model", "Write the body's model as ", guideModels);
        }
        if (!problems.isEmpty()) {
            return problems.line(line, "", "");
        }
        List<String> extra = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!name.equals("model") && !name.equals("messages")) {
                extra.add(name);
            }
        });
        String modelWords = modelVariable.map(v -> "the model comes from the variable {{" + v.name() + "}} (validate first with " + GUIDE_MODEL + ")")
                .orElse("the model is " + model.asText() + (model.asText().equals(GUIDE_MODEL) ? "" : " (the guide validates first with " + GUIDE_MODEL + ")"));
        boolean guideSmallest = modelVariable.isEmpty() && model.asText().equals(GUIDE_MODEL) && extra.isEmpty() && messages.isArray() && messages.size() == 1;
        String finding = (guideSmallest ? "The body is the smallest request body with " + GUIDE_MODEL + ": model and one message."
                : "The body has model and messages; " + modelWords + ".")
                + (extra.isEmpty() ? "" : " It also sets " + String.join(", ", extra) + ".");
        return problems.line(line, finding, "Coze fills the template's variables as raw text and sends the body.");
    }

    /**
     * A model id written in the file, against the guide's ids: one that differs from a listed id only in case, dots,
     * dashes or a few letters is a misspelling (Common Errors 4, whatever the gateway's status says); one far from
     * all of them is another model, noted, not judged.
     */
    private static void judgeFixedModel(Problems problems, String id, String where, String fixStart, Collection<String> guideModels) {
        if (guideModels.contains(id)) {
            return;
        }
        Optional<String> meant = ModelNames.closest(id, guideModels);
        if (meant.isEmpty()) {
            problems.note("The model " + id + " (" + where + ") is not one of the guide's (" + String.join(", ", guideModels)
                    + "): validate first with " + GUIDE_MODEL + ".");
            return;
        }
        problems.add("The model is fixed to " + quoted(id) + ": " + where + ". The guide's id is " + meant.get() + "; they differ in "
                + ModelNames.howItDiffers(id, meant.get()) + ".", "Coze sends model " + quoted(id) + " on every call. Crazyrouter has no model "
                + "of that name, so no chat reply: with a model allowlist on the token it answers 403, and the cause is still the name, not "
                + "the token's settings (" + CommonError.MODEL_NOT_FOUND.citation() + ").", fixStart + meant.get() + ". " + CommonError.MODEL_NOT_FOUND.citation()
                + ": " + CommonError.MODEL_NOT_FOUND.fix() + ".");
    }

    // ---- checklist 8: input from the bot or workflow -------------------------------------------------------------

    private static Line pluginInput(BuilderSetup.PluginSetup plugin) {
        PluginTool tool = plugin.tool();
        ChecklistLine line = ChecklistLine.ATTACHED_TO_BOT;
        if (!plugin.replyTextInOutput()) {
            Problems problems = new Problems();
            problems.add("The tool's response \"200\" declares no choices[].message.content.", "Coze hands a bot or the next node only the "
                    + "fields the response declares (none declared: {}), so they get no reply text, although the tool's Debug shows the reply.",
                    "Declare the reply in responses.\"200\" (application/json schema: choices, an array of objects with message.content, a "
                            + "string), or in Coze run the tool's Debug and let it parse the output parameters from the reply, then save. (Guide, "
                            + "Common Errors \"" + CommonError.MAPPING_INCONSISTENT.symptom() + "\": " + CommonError.MAPPING_INCONSISTENT.fix() + ".)");
            return problems.line(line, "", "");
        }
        if (header(tool.headers(), "Content-Type").filter(SetupCheck::isJson).isEmpty() || parameter(tool, "messages").isEmpty()) {
            return notCheckable(line, "the tool has no JSON body with messages to carry the user's input (see checklist 5 and 6).",
                    "Attach the plugin to the bot or workflow and send it text with a quote and a line break.");
        }
        return new Line(line, Verdict.PASSED, "The tool's body is built from its parameters, so the user's input goes into messages through "
                + "Coze's parameter mapping.", "Coze JSON-encodes each value: quotes, line breaks, tabs and backslashes in the input arrive intact.", "");
    }

    private static Line workflowInput(WorkflowHttpNode node, BodyTemplate body, Map<String, String> outputs) {
        ChecklistLine line = ChecklistLine.ATTACHED_TO_BOT;
        if (body.variables().isEmpty()) {
            return notCheckable(line, "the body is a fixed string: no input from the bot or workflow reaches it yet.",
                    "After the fixed string works, put the input in (escaped first, e.g. by a code node, as {{escaped_input}}) and test with text "
                            + "that has a quote and a line break.");
        }
        List<BodyTemplate.Variable> raw = body.rawInsideQuotes();
        String names = raw.stream().map(v -> "{{" + v.name() + "}}").distinct().collect(Collectors.joining(", "));
        Problems problems = new Problems();
        if (!raw.isEmpty() && (node.bodyType() == BodyType.JSON || node.bodyType() == BodyType.RAW_TEXT)) {
            problems.add("The body template puts " + names + " inside quotes as raw text: Coze pastes the value in as it is, never JSON-escaped. "
                    + "This is the guide's own recommended body; it works with the fixed string, and breaks on real input.",
                    node.bodyType() == BodyType.JSON
                            ? "Input with a \" makes the body invalid JSON, and the node fails inside Coze before sending (nothing reaches "
                                    + "Crazyrouter); a line break, tab or backslash reaches Crazyrouter, which answers 400 (invalid JSON request body). "
                                    + "(From Coze's code: Coze parses a JSON body before sending; that a line break passes that parse is inferred.)"
                            : "Input with a \", a line break, a tab or a backslash makes the body invalid JSON: Crazyrouter answers 400 (invalid JSON request body).",
                    "Escape the input first, for example in a code node (JSON.stringify(input).slice(1, -1)), and put that output in the body, e.g. "
                            + "{{escaped_input}}; or use the API plugin's parameter mapping. (Guide, Common Errors \"" + CommonError.MAPPING_INCONSISTENT.symptom()
                            + "\": " + CommonError.MAPPING_INCONSISTENT.fix() + ".)");
        }
        List<String> escaped = body.variables().stream().filter(BodyTemplate.Variable::quoted).filter(BodyTemplate.Variable::escaped)
                .map(v -> "{{" + v.name() + "}}").distinct().toList();
        List<String> whole = body.variables().stream().filter(v -> !v.quoted()).map(v -> "{{" + v.name() + "}}").distinct().toList();
        if (!whole.isEmpty()) {
            problems.note(String.join(", ", whole) + " stand" + (whole.size() == 1 ? "s" : "") + " as a whole JSON value: each must hold valid JSON "
                    + "(a number, or text a code node has JSON-encoded), which a file cannot show.");
        }
        List<String> intoTheBody = outputs.entrySet().stream().filter(o -> o.getValue().matches("body\\s*[.\\[].*"))
                .map(o -> o.getKey() + " → " + o.getValue()).toList();
        if (!intoTheBody.isEmpty()) {
            problems.add("The next nodes map " + String.join(", ", intoTheBody) + ", reading into the node's body as if it were parsed JSON.",
                    "The node's body output is a string, not parsed JSON (from Coze's code: the HTTP node outputs body, statusCode and headers as "
                            + "they came), so that mapping finds nothing and the next node gets no reply text.",
                    "Map the whole body into a code node that parses it (JSON.parse(body).choices[0].message.content), or use the API plugin, whose "
                            + "output is the reply's JSON object. (Guide, Common Errors \"" + CommonError.MAPPING_INCONSISTENT.symptom() + "\": "
                            + CommonError.MAPPING_INCONSISTENT.fix() + ".)");
        }
        String finding = escaped.isEmpty() ? "No input is pasted raw inside quotes."
                : "The input reaches the body as " + String.join(", ", escaped) + ", which by this project's convention a code node has JSON-escaped "
                        + "first (the name says \"escaped\"; that the code node really escapes is not checkable from the file).";
        return problems.line(line, finding, "Coze pastes the escaped text into the JSON string: quotes and line breaks stay valid JSON.");
    }

    private static Line standaloneDebugging() {
        return notCheckable(ChecklistLine.STANDALONE_DEBUGGING, "standalone debugging happens in Coze.",
                "Run the plugin's Debug (or the node's Test run) with the fixed string \"Reply only OK\" and see a chat reply before attaching it.");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Line notCheckable(ChecklistLine line, String reason, String toConfirm) {
        return new Line(line, Verdict.NOT_CHECKABLE, "Not checkable from the file: " + reason, "",
                "To confirm: " + Character.toLowerCase(toConfirm.charAt(0)) + toConfirm.substring(1));
    }

    private static Optional<String> header(List<OutgoingRequest.Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(OutgoingRequest.Header::value).findFirst();
    }

    private static Optional<PluginTool.Parameter> parameter(PluginTool tool, String name) {
        return tool.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static boolean required(Optional<PluginTool.Parameter> parameter) {
        return parameter.map(PluginTool.Parameter::required).orElse(false);
    }

    private static boolean isJson(String contentType) {
        return contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /**
     * An Authorization value with the token hidden, keeping what matters: "Bearer sk-…", "Bearer Bearer sk-…",
     * "sk-…". The guide's placeholder shows as it is.
     */
    static String shape(String value) {
        if (Secrets.isGuidePlaceholder(value)) {
            return value.strip();
        }
        StringBuilder out = new StringBuilder();
        Matcher words = WORDS.matcher(value.replace("\n", "\\n").replace("\r", "\\r"));
        while (words.find()) {
            String word = words.group(2);
            out.append(words.group(1));
            if (word.equalsIgnoreCase("bearer") || word.startsWith("{{") || Secrets.isPlaceholder(word)) {
                out.append(word);
            } else {
                String quote = word.startsWith("\"") || word.startsWith("'") ? word.substring(0, 1) : "";
                out.append(quote).append(word.startsWith("sk-", quote.length()) ? "sk-…" : "…");
            }
        }
        return out.toString();
    }

    /** The problems found on one line, and notes that go with the finding either way. */
    private static final class Problems {
        private final List<String> findings = new ArrayList<>();
        private final List<String> cozeWill = new ArrayList<>();
        private final LinkedHashSet<String> fixes = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();

        void add(String finding, String will, String fix) {
            findings.add(finding);
            cozeWill.add(will);
            fixes.add(fix);
        }

        void note(String note) {
            notes.add(note);
        }

        boolean isEmpty() {
            return findings.isEmpty();
        }

        Line line(ChecklistLine line, String passedFinding, String passedCozeWill) {
            String withNotes = notes.isEmpty() ? "" : " " + String.join(" ", notes);
            if (findings.isEmpty()) {
                return new Line(line, Verdict.PASSED, (passedFinding + withNotes).strip(), passedCozeWill, "");
            }
            return new Line(line, Verdict.FAILED, (String.join(" ", findings) + withNotes).strip(), String.join(" ", cozeWill), String.join(" ", fixes));
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    /** The check of one file, as a Markdown table for the summary and as a plain-text block for the console. */
    public record Report(Path file, Route route, List<String> importNotes, List<Line> lines) {
        public Report {
            importNotes = List.copyOf(importNotes);
            lines = List.copyOf(lines);
        }

        public static Report of(BuilderSetup setup) {
            return of(setup, GuideModels.NAMES);
        }

        public static Report of(BuilderSetup setup, Collection<String> guideModels) {
            List<String> notes = setup instanceof BuilderSetup.PluginSetup plugin ? plugin.importNotes() : List.of();
            return new Report(setup.file(), setup.route(), notes, check(setup, guideModels));
        }

        public boolean anyFailed() {
            return lines.stream().anyMatch(l -> l.verdict() == Verdict.FAILED);
        }

        private String title() {
            long failed = lines.stream().filter(l -> l.verdict() == Verdict.FAILED).count();
            long passed = lines.stream().filter(l -> l.verdict() == Verdict.PASSED).count();
            return "Setup check of " + file + " (" + route.title() + "): " + passed + " passed, " + failed + " failed, "
                    + (lines.size() - passed - failed) + " not checkable from the file. Checked from the file alone; nothing was sent.";
        }

        public String markdown() {
            StringBuilder out = new StringBuilder("### ").append(cell(title())).append("\n\n");
            if (!importNotes.isEmpty()) {
                out.append("What Coze's importer does with it:\n\n");
                importNotes.forEach(note -> out.append("- ").append(cell(note)).append('\n'));
                out.append('\n');
            }
            out.append("| Checklist line | Verdict | Finding | What Coze will do | Fix |\n|---|---|---|---|---|\n");
            for (Line l : lines) {
                out.append("| ").append(cell(l.line().title().replace("Validation Checklist ", ""))).append(" | ")
                        .append(l.verdict() == Verdict.FAILED ? "**FAILED**" : l.verdict().words()).append(" | ").append(cell(l.finding()))
                        .append(" | ").append(cell(l.cozeWill())).append(" | ").append(cell(l.fix())).append(" |\n");
            }
            return out.toString();
        }

        public String plainText() {
            StringBuilder out = new StringBuilder(title()).append('\n');
            importNotes.forEach(note -> out.append("  import: ").append(note).append('\n'));
            for (Line l : lines) {
                out.append(String.format("  [%s] %s%n", l.verdict().words(), l.line().title().replace("Validation Checklist ", "")));
                out.append("      finding: ").append(l.finding()).append('\n');
                if (!l.cozeWill().isEmpty()) {
                    out.append("      Coze will: ").append(l.cozeWill()).append('\n');
                }
                if (!l.fix().isEmpty()) {
                    out.append("      fix: ").append(l.fix()).append('\n');
                }
            }
            return out.toString();
        }

        private static String cell(String text) {
            String one = text == null || text.isBlank() ? "—" : text.replace("\r", "").replace("\n", " ");
            return one.replace("|", "\\|");
        }
    }
}
