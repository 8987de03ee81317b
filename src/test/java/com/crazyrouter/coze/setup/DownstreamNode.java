package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.NodeOutputs;
import com.crazyrouter.coze.transport.GatewayReply;
import java.util.Map;

/**
 * What the node after the builder's plugin or HTTP node reads: the plugin tool's output is the reply's JSON object,
 * as far as the tool's response declares it ({} when it declares no choices[].message.content);
 * the HTTP node's outputs are body (a string), statusCode and headers, read through the mappings the file names
 * ("body" whole is taken to go into a code node that parses it).
 */
public record DownstreamNode(String replyText, String describe) {

    public static DownstreamNode of(BuilderSetup own, GatewayReply reply) {
        if (own instanceof BuilderSetup.WorkflowSetup workflow && !workflow.outputs().isEmpty()) {
            NodeOutputs outputs = NodeOutputs.of(reply);
            Map.Entry<String, String> first = workflow.outputs().entrySet().iterator().next();
            String path = first.getValue();
            String text = path.equals("body") ? outputs.parsedBody("choices[0].message.content") : asText(outputs.read(path));
            return new DownstreamNode(text, "the mapping " + first.getKey() + " → " + path + (path.equals("body") ? ", parsed by a code node" : "")
                    + "; the node's outputs: " + outputs.describe());
        }
        if (own instanceof BuilderSetup.WorkflowSetup) {
            NodeOutputs outputs = NodeOutputs.of(reply);
            return new DownstreamNode(outputs.parsedBody("choices[0].message.content"), "the file names no output mapping, so the body is taken to go into "
                    + "a code node that parses it; the node's outputs: " + outputs.describe());
        }
        if (own instanceof BuilderSetup.PluginSetup plugin && !plugin.replyTextInOutput()) {
            // Coze hands on only the fields the tool's response declares (exec_tool.go, processResponse): none declared, {}
            return new DownstreamNode(null, "the tool's output, {}: its response \"200\" declares no choices[].message.content, and Coze keeps only "
                    + "declared fields");
        }
        return new DownstreamNode(reply.replyText().orElse(null), "the tool's output, the reply's JSON object, at choices[0].message.content");
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }
}
