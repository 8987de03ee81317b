package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.CozeSetup;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A builder's own Coze setup, read from a file by {@link SetupFile#read}: an API plugin tool (from an OpenAPI 3
 * document or a pasted cURL command) or a workflow HTTP request node. The token in it is the real one, filled from
 * the caller's secrets, so {@code toString} names the file and route only.
 */
public sealed interface BuilderSetup permits BuilderSetup.PluginSetup, BuilderSetup.WorkflowSetup {

    /** The guide's setup with this one in place on its route. */
    CozeSetup onItsRoute(CozeSetup guide);

    Path file();

    Route route();

    /** The model id the file fixes (a plugin's model default, a node body's literal model), empty when the caller fills it. */
    java.util.Optional<String> fixedModel();

    /**
     * A plugin tool as Coze would create it from the file.
     *
     * @param importNotes what Coze's importer does with the file that a builder would not expect (a body it drops, a
     *        header it turns into a tool input, …), one sentence each
     * @param filledByCoze body parameters with a default: the value Coze fills when the caller gives none
     *        (invocation_args.go, setBodyDefaultValues), always so for one hidden from the model
     * @param hiddenFromModel body parameters marked x-global-disable: the bot's model never sees or fills them
     * @param replyTextInOutput whether the tool's response "200" declares choices[].message.content: Coze hands a bot
     *        or the next node only the declared fields, {} when none are (exec_tool.go, processResponse)
     */
    record PluginSetup(Path file, PluginTool tool, List<String> importNotes, Map<String, Object> filledByCoze, List<String> hiddenFromModel,
            boolean replyTextInOutput) implements BuilderSetup {
        public PluginSetup {
            importNotes = List.copyOf(importNotes);
            filledByCoze = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filledByCoze));
            hiddenFromModel = List.copyOf(hiddenFromModel);
        }

        /** A tool with no defaults, every parameter shown to the model, and choices[].message.content in its output. */
        public PluginSetup(Path file, PluginTool tool, List<String> importNotes) {
            this(file, tool, importNotes, Map.of(), List.of(), true);
        }

        /**
         * The model fixed in the file: the model parameter's default, which Coze fills whenever the caller gives none
         * (always, when the parameter is hidden from the bot's model); a debug run with the tool's defaults sends it.
         */
        @Override
        public java.util.Optional<String> fixedModel() {
            return java.util.Optional.ofNullable(filledByCoze.get("model")).filter(String.class::isInstance).map(String.class::cast);
        }

        @Override
        public CozeSetup onItsRoute(CozeSetup guide) {
            return guide.withOwnPlugin(tool, filledByCoze);
        }

        @Override
        public Route route() {
            return Route.PLUGIN;
        }

        @Override
        public String toString() {
            return "PluginSetup[" + file + ": " + tool.method() + " " + tool.url() + "]";
        }
    }

    /**
     * A workflow HTTP request node as the file configures it.
     *
     * @param outputs what the next nodes read from this node's outputs: a name → the path they map, e.g.
     *        reply → body.choices[0].message.content
     */
    record WorkflowSetup(Path file, WorkflowHttpNode node, Map<String, String> outputs) implements BuilderSetup {
        public WorkflowSetup {
            outputs = Map.copyOf(outputs);
        }

        public WorkflowSetup(Path file, WorkflowHttpNode node) {
            this(file, node, Map.of());
        }

        /** The body's model when it is written out, not a {{variable}}. */
        @Override
        public java.util.Optional<String> fixedModel() {
            BodyTemplate body = BodyTemplate.of(node.bodyTemplate());
            return body.json().map(tree -> tree.get("model")).filter(model -> model != null && model.isTextual() && !model.asText().isBlank())
                    .filter(model -> body.variableAt(model).isEmpty()).map(com.fasterxml.jackson.databind.JsonNode::asText);
        }

        @Override
        public CozeSetup onItsRoute(CozeSetup guide) {
            return guide.withOwnNode(node);
        }

        @Override
        public Route route() {
            return Route.WORKFLOW;
        }

        @Override
        public String toString() {
            return "WorkflowSetup[" + file + ": " + node.method() + " " + node.url() + "]";
        }
    }
}
