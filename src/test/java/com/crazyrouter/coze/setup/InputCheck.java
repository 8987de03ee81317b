package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import com.crazyrouter.coze.setup.SetupCheck.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checklist 8, input from the bot or workflow: how the user's text reaches the body (the tool's parameter mapping, or
 * the node's template pasting it raw) and whether the reply reaches the next node (declared output, output mappings).
 */
final class InputCheck {
    private InputCheck() {
    }

    static Line plugin(BuilderSetup.PluginSetup plugin) {
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
        if (Declared.header(tool.headers(), "Content-Type").filter(ContentTypeCheck::isJson).isEmpty() || Declared.parameter(tool, "messages").isEmpty()) {
            return Problems.notCheckable(line, "the tool has no JSON body with messages to carry the user's input (see checklist 5 and 6).",
                    "Attach the plugin to the bot or workflow and send it text with a quote and a line break.");
        }
        return new Line(line, Verdict.PASSED, "The tool's body is built from its parameters, so the user's input goes into messages through "
                + "Coze's parameter mapping.", "Coze JSON-encodes each value: quotes, line breaks, tabs and backslashes in the input arrive intact.", "");
    }

    static Line workflow(WorkflowHttpNode node, BodyTemplate body, Map<String, String> outputs) {
        ChecklistLine line = ChecklistLine.ATTACHED_TO_BOT;
        if (body.variables().isEmpty()) {
            return Problems.notCheckable(line, "the body is a fixed string: no input from the bot or workflow reaches it yet.",
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
                            + "{{escaped_input}}; or use the API plugin's parameter mapping. (Guide, Common Errors \""
                            + CommonError.MAPPING_INCONSISTENT.symptom()
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
        String finding = escaped.isEmpty()
                ? "No input is pasted raw inside quotes."
                : "The input reaches the body as " + String.join(", ", escaped) + ", which by this project's convention a code node has JSON-escaped "
                        + "first (the name says \"escaped\"; that the code node really escapes is not checkable from the file).";
        return problems.line(line, finding, "Coze pastes the escaped text into the JSON string: quotes and line breaks stay valid JSON.");
    }
}
