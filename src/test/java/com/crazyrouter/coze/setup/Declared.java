package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.List;
import java.util.Optional;

/** A header or a tool parameter the setup declares, looked up by name (a header's name in any case, as HTTP reads it). */
final class Declared {
    private Declared() {
    }

    static Optional<String> header(List<OutgoingRequest.Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(OutgoingRequest.Header::value).findFirst();
    }

    static Optional<PluginTool.Parameter> parameter(PluginTool tool, String name) {
        return tool.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
