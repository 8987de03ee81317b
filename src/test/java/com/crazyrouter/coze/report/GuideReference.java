package com.crazyrouter.coze.report;

import com.crazyrouter.coze.gateway.GuideRow;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** From a scenario's tags back to the guide line it encodes, in the guide's words. */
public final class GuideReference {
    /** The guide's Validation Checklist, in order: @checklist-1 ... @checklist-9. */
    public static final List<String> CHECKLIST = List.of(
            "Created a dedicated Crazyrouter token for Coze",
            "Chosen the HTTP / API plugin route or workflow HTTP request route first",
            "Set the request URL to https://crazyrouter.com/v1/chat/completions",
            "Filled the Authorization header as Bearer sk-xxx",
            "Set Content-Type to application/json",
            "Validated the smallest request body with gpt-5.4",
            "Confirmed the plugin or HTTP node works in standalone debugging",
            "Confirmed it still works after attaching to the bot or workflow",
            "Confirmed the request appears in Crazyrouter logs");

    private GuideReference() {
    }

    /** The guide line in full words, with the cause and fix for a Common Errors row, for a scenario's description. */
    public static String explain(Collection<String> tags) {
        String line = of(tags).map(l -> "Guide: " + l + ".").orElse("");
        return tags.stream().filter(t -> t.matches("@error-[1-7]")).findFirst()
                .map(t -> GuideRow.values()[Integer.parseInt(t.substring("@error-".length())) - 1])
                .map(row -> line + " Cause: " + row.cause() + ". Fix: " + row.fix() + ".").orElse(line);
    }

    /** "Checklist 3: Set the request URL ...", "Common error 1: 401 unauthorized", ... or empty. */
    public static Optional<String> of(Collection<String> tags) {
        for (String tag : tags) {
            if (tag.matches("@checklist-[1-9]")) {
                int line = Integer.parseInt(tag.substring("@checklist-".length()));
                return Optional.of("Validation Checklist " + line + ": " + CHECKLIST.get(line - 1));
            }
            if (tag.matches("@error-[1-7]")) {
                GuideRow row = GuideRow.values()[Integer.parseInt(tag.substring("@error-".length())) - 1];
                return Optional.of("Common Errors " + (row.ordinal() + 1) + ": " + row.symptom());
            }
        }
        if (tags.contains("@smoke")) {
            return Optional.of("Smoke: the smallest request body with gpt-5.4");
        }
        if (tags.contains("@models")) {
            return Optional.of("Recommended models");
        }
        if (tags.contains("@token")) {
            return Optional.of("Token Best Practices");
        }
        return Optional.empty();
    }
}
