package com.crazyrouter.coze.route;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflow node's template rendering (coze-studio, backend/domain/workflow/internal/nodes/template.go,
 * TemplatePart.Render): a string variable goes in as it is — never JSON-escaped — and an unknown variable stays as
 * the literal {{...}}.
 */
public final class Template {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private Template() {
    }

    public static String render(String template, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
