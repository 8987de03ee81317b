package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.text.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The models the stub gateway knows, from the model table — the one file a person edits to add, rename or drop a
 * model — so a new row runs offline with no stub edits. Mappings name them by placeholder:
 * <ul>
 * <li>{@code ${models.known}} and {@code ${models.allowed}}: a regex alternation of every model in the table, or of
 * those the Coze token allows ("allowed for the Coze token: yes"), for a {@code matches} on {@code $.model};</li>
 * <li>{@code "${models.list.known}"} and {@code "${models.list.allowed}"} (with their quotes): the "data" array of
 * GET /v1/models, as new-api lists models.</li>
 * </ul>
 */
public final class StubModels {
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{models[^}\"\\s]*}?");

    private StubModels() {
    }

    public static String fill(Path source, String mapping, ModelTable table) {
        List<String> known = table.models();
        List<String> allowed = table.allowedModels();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("\"${models.list.known}\"", list(known));
        values.put("\"${models.list.allowed}\"", list(allowed));
        values.put("${models.known}", regex(known));
        values.put("${models.allowed}", regex(allowed));
        String filled = mapping;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        Matcher leftOver = ANY_PLACEHOLDER.matcher(filled);
        if (leftOver.find()) {
            throw new ConfigurationException("Stub " + source + " names " + leftOver.group() + ", which is not a model placeholder; use one of "
                    + String.join(", ", values.keySet()) + ".");
        }
        return filled;
    }

    /** For a regex inside a JSON string: each id quoted for the regex, and the regex's backslashes escaped for JSON. */
    private static String regex(List<String> models) {
        String alternation = models.isEmpty() ? "(?!)" : models.stream().map(StubModels::literal).collect(Collectors.joining("|"));
        return alternation.replace("\\", "\\\\");
    }

    private static String literal(String id) {
        return id.replaceAll("([.+*?^$()\\[\\]{}|\\\\/])", "\\\\$1");
    }

    private static String list(List<String> models) {
        return Json.write(models.stream().map(id -> Map.of("id", id, "object", "model", "created", 1626777600, "owned_by", owner(id),
                "supported_endpoint_types", List.of("openai"))).toList());
    }

    private static String owner(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return lower.startsWith("gpt") || lower.startsWith("o") && lower.length() > 1 && Character.isDigit(lower.charAt(1))
                ? "openai"
                : lower.startsWith("claude") ? "anthropic" : lower.startsWith("gemini") ? "google" : "custom";
    }
}
