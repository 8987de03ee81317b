package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.transport.AnswerCheck;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.StreamedReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Every chat reply, error and stream chunk of a run, checked against OpenAI's own schemas (schemas/openai, pinned from
 * openai/openai-openapi) beside the harness's Coze-minimal ones. Report only: what Coze reads is gated by the
 * harness's schemas; where new-api's answer differs from OpenAI's contract (a field OpenAI requires and new-api leaves
 * out, a value outside OpenAI's list) it harms no Coze builder by itself, and differs between gateway releases, so it
 * is shown — in the summary's section and in each scenario's report — and never turns a scenario red.
 *
 * <p>The client checks each answer as it comes, on the scenario's thread; the scenario's end ({@link #scenarioEnded})
 * files what its answers showed under its route and model.
 */
public final class OpenAiConformance implements AnswerCheck {
    public static final String TITLE = "OpenAI conformance (report only)";
    static final String SCHEMAS = "schemas/openai/chat-completions.json#/$defs/";
    /** The commit of openai/openai-openapi the schemas were copied from (schemas/openai/README.md). */
    public static final String SOURCE = "openai/openai-openapi@f85dbe223d40e1a31cba812ab2d755c7e98a92a3";

    /** One way one answer differs from OpenAI's schema: which schema, where (array indexes as *), and how. */
    public record Difference(String schema, String field, String how) {
        @Override
        public String toString() {
            return schema + " " + field + ": " + how;
        }
    }

    /** A difference as filed: under the scenario's route and model. */
    record Filed(Difference difference, String route, String model) {
    }

    private final ThreadLocal<List<Difference>> pending = ThreadLocal.withInitial(ArrayList::new);
    private final Collection<Filed> filed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger replies = new AtomicInteger();
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger differing = new AtomicInteger();

    /** Where OpenAI's contract has a schema for the answer (a chat.completion, an error envelope), how it differs. */
    @Override
    public void check(GatewayReply reply) {
        Optional<JsonNode> json = reply.json().filter(JsonNode::isObject);
        if (json.isEmpty()) {
            return;
        }
        String schema;
        if (reply.status() == 200 && "chat.completion".equals(json.get().path("object").asText())) {
            schema = "CreateChatCompletionResponse";
        } else if (reply.status() >= 400 && json.get().path("error").isObject()) {
            schema = "ErrorResponse";
        } else {
            return;
        }
        replies.incrementAndGet();
        note(differences(schema, json.get()));
    }

    /** Each JSON chunk of a stream, against OpenAI's chunk schema. */
    @Override
    public void check(StreamedReply reply) {
        List<Difference> found = new ArrayList<>();
        for (JsonNode chunk : reply.chunks(new ArrayList<>())) {
            if (chunk.isObject()) {
                chunks.incrementAndGet();
                found.addAll(differences("CreateChatCompletionStreamResponse", chunk));
            }
        }
        note(found.stream().distinct().toList());
    }

    static List<Difference> differences(String schema, JsonNode document) {
        return JsonSchemas.violations(SCHEMAS + schema, document).stream()
                .map(v -> new Difference(schema, v.pointer().isEmpty() ? "/" : v.pointer().replaceAll("/\\d+(?=/|$)", "/*"), v.message()))
                .distinct().toList();
    }

    private void note(List<Difference> found) {
        if (!found.isEmpty()) {
            differing.incrementAndGet();
            pending.get().addAll(found);
        }
    }

    /** Forgets what this thread checked outside a scenario (the preflight) before a scenario starts. */
    public void scenarioStarts() {
        pending.remove();
    }

    /** Files what this scenario's answers showed under its route and model; returns them, each once. */
    public List<Difference> scenarioEnded(String route, String model) {
        List<Difference> found = pending.get().stream().distinct().toList();
        pending.remove();
        found.forEach(d -> filed.add(new Filed(d, route, model)));
        return found;
    }

    /** The summary's section: how many answers were checked, and each difference with the models and routes it showed for. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Every chat reply, error and stream chunk checked against OpenAI's own schemas (").append(SOURCE)
                .append(", `src/test/resources/schemas/openai`), beside the Coze-minimal schemas that decide the verdict: ")
                .append(replies.get()).append(" replies and ").append(chunks.get()).append(" stream chunks checked, ")
                .append(differing.get()).append(" answers differ. A difference here turns nothing red: it is where the gateway's answer is not "
                        + "what OpenAI's contract says, which a client stricter than Coze may trip over.\n");
        Map<Difference, Set<String>> models = new TreeMap<>(ORDER);
        Map<Difference, Set<String>> routes = new TreeMap<>(ORDER);
        for (Filed f : filed) {
            models.computeIfAbsent(f.difference(), d -> new TreeSet<>()).add(f.model());
            routes.computeIfAbsent(f.difference(), d -> new TreeSet<>()).add(f.route());
        }
        if (models.isEmpty()) {
            return md.append("\nNo difference.\n").toString();
        }
        md.append("\n| OpenAI schema | field | how it differs | models | routes |\n|---|---|---|---|---|\n");
        models.forEach((d, m) -> md.append("| ").append(d.schema()).append(" | `").append(d.field()).append("` | ").append(cell(d.how())).append(" | ")
                .append(cell(String.join(", ", m))).append(" | ").append(cell(String.join(", ", routes.get(d)))).append(" |\n"));
        return md.toString();
    }

    private static final Comparator<Difference> ORDER = Comparator.comparing(Difference::schema).thenComparing(Difference::field)
            .thenComparing(Difference::how);

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** The differences of one scenario as the report's attachment shows them. */
    public static String words(List<Difference> found) {
        return "Report only — OpenAI's schemas (" + SOURCE + ") differ from what the gateway answered; the verdict rests on the "
                + "Coze-minimal schemas:\n" + found.stream().map(d -> "- " + d).collect(Collectors.joining("\n"));
    }
}
