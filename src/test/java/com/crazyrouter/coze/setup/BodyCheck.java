package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ModelNames;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checklist 6, the smallest body: the tool's body parameters or the node's body template must carry model and
 * messages, must not stream, and a model fixed in the file is judged against the guide's ids.
 */
final class BodyCheck {
    private static final String GUIDE_MODEL = "gpt-5.4";

    private BodyCheck() {
    }

    static Line plugin(BuilderSetup.PluginSetup plugin, Collection<String> guideModels) {
        ChecklistLine line = ChecklistLine.SMALLEST_BODY;
        PluginTool tool = plugin.tool();
        Problems problems = new Problems();
        String fix = "Start with the smallest request body (Guide, Step 5): the parameters model (string) and messages (array), then validate with gpt-5.4.";
        List<String> dropped = plugin.importNotes().stream().filter(n -> n.contains(CurlImport.DROPS_BODY)).toList();
        Optional<PluginTool.Parameter> model = Declared.parameter(tool, "model");
        Optional<PluginTool.Parameter> messages = Declared.parameter(tool, "messages");
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
        Declared.parameter(tool, "stream").filter(PluginTool.Parameter::required).ifPresent(p -> problems.add("The tool requires a stream parameter, so every "
                + "call must set it.",
                "If it is true, Crazyrouter answers with a stream, and neither route streams: the plugin fails with "
                        + "\"response is not object, raw response=data: …\".",
                "Remove stream from the tool's parameters (or make it optional and leave it unset). " + fix));
        dropped.forEach(problems::note);
        Optional<String> fixed = plugin.fixedModel();
        boolean hidden = plugin.hiddenFromModel().contains("model");
        fixed.ifPresent(id -> judgeFixedModel(problems, id, "the model parameter's default" + (hidden
                ? ", hidden from the bot's model ("
                        + OpenApiReader.HIDDEN + "), so Coze fills it on every call"
                : ", which Coze fills whenever the caller leaves model empty"),
                "Set the model parameter's default to ", guideModels));
        String modelWords = fixed.map(id -> "; the model is fixed to " + id + " (its default" + (hidden ? ", hidden from the bot's model" : "") + ")")
                .orElse("; the model's value is filled when the tool is called, so validate it first with " + GUIDE_MODEL);
        return problems.line(line, "The tool asks for model (string) and messages (array)" + (required(model) && required(messages) ? ", both required" : "")
                + modelWords + ".",
                "Coze builds {\"model\":…,\"messages\":[…]} from the tool's parameters with real JSON encoding"
                        + fixed.map(id -> ", model " + id + " unless the caller fills another" + (hidden ? " (it cannot: the parameter is hidden)" : ""))
                                .orElse("")
                        + ".");
    }

    static Line workflow(WorkflowHttpNode node, BodyTemplate body, Collection<String> guideModels) {
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
                    node.bodyType() == BodyType.JSON
                            ? "Coze parses a JSON body before sending it: the node fails inside Coze with a JSON syntax "
                                    + "error, and nothing reaches Crazyrouter."
                            : "Crazyrouter cannot read the body as JSON: no chat reply.",
                    fix);
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
        String finding = (guideSmallest
                ? "The body is the smallest request body with " + GUIDE_MODEL + ": model and one message."
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
        problems.add("The model is fixed to " + Problems.quoted(id) + ": " + where + ". The guide's id is " + meant.get() + "; they differ in "
                + ModelNames.howItDiffers(id, meant.get()) + ".",
                "Coze sends model " + Problems.quoted(id) + " on every call. Crazyrouter has no model "
                        + "of that name, so no chat reply: with a model allowlist on the token it answers 403, and the cause is still the name, not "
                        + "the token's settings (" + CommonError.MODEL_NOT_FOUND.citation() + ").",
                fixStart + meant.get() + ". " + CommonError.MODEL_NOT_FOUND.citation()
                        + ": " + CommonError.MODEL_NOT_FOUND.fix() + ".");
    }

    private static boolean required(Optional<PluginTool.Parameter> parameter) {
        return parameter.map(PluginTool.Parameter::required).orElse(false);
    }
}
