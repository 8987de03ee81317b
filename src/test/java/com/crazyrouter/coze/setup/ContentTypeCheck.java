package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import java.util.Locale;
import java.util.Optional;

/** Checklist 5, Content-Type: the type Coze sends with the body (the tool's request body; the node's header or body type). */
final class ContentTypeCheck {
    private ContentTypeCheck() {
    }

    static Line plugin(PluginTool tool) {
        ChecklistLine line = ChecklistLine.JSON_CONTENT_TYPE;
        Problems problems = new Problems();
        Optional<String> type = Declared.header(tool.headers(), "Content-Type");
        String fix = "Set Content-Type to application/json: give the tool a JSON request body (in a cURL: -H 'Content-Type: application/json' with -d).";
        if (type.isEmpty()) {
            problems.add("The tool has no request body, so Coze sends no body and no Content-Type.", "Crazyrouter gets no JSON body and cannot read the "
                    + "model name: no chat reply.", fix);
        } else if (!isJson(type.get())) {
            problems.add("The tool's request body is " + type.get() + ", not application/json" + (type.get().equals(CurlImport.FORM)
                    ? " (a cURL -d without -H 'Content-Type: application/json' means form-urlencoded)"
                    : "") + ".",
                    "Coze sends Content-Type: " + type.get() + ". " + cannotReadModel(), fix);
        }
        return problems.line(line, "The tool's request body is " + type.orElse("") + ".",
                "Coze sends Content-Type: " + type.orElse("") + " and builds the body from the tool's parameters with real JSON encoding.");
    }

    static Line workflow(WorkflowHttpNode node) {
        ChecklistLine line = ChecklistLine.JSON_CONTENT_TYPE;
        Problems problems = new Problems();
        Optional<String> own = Declared.header(node.headers(), "Content-Type");
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

    static boolean isJson(String contentType) {
        return contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
