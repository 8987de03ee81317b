package com.crazyrouter.coze.coze.setup;

import com.crazyrouter.coze.coze.PluginTool;
import com.crazyrouter.coze.coze.Route;
import com.crazyrouter.coze.coze.WorkflowHttpNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A builder's own Coze setup, read from a file by {@link SetupFile#read}: an API plugin tool (from an OpenAPI 3
 * document or a pasted cURL command) or a workflow HTTP request node. The token in it is the real one, filled from
 * the caller's secrets, so {@code toString} names the file and route only.
 */
public sealed interface BuilderSetup permits BuilderSetup.PluginSetup, BuilderSetup.WorkflowSetup {

    Path file();

    Route route();

    /**
     * A plugin tool as Coze would create it from the file.
     *
     * @param importNotes what Coze's importer does with the file that a builder would not expect (a body it drops, a
     *        header it turns into a tool input, …), one sentence each
     */
    record PluginSetup(Path file, PluginTool tool, List<String> importNotes) implements BuilderSetup {
        public PluginSetup {
            importNotes = List.copyOf(importNotes);
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
