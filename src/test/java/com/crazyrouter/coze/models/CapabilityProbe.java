package com.crazyrouter.coze.models;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.ModelNames;
import com.crazyrouter.coze.guide.OnlyReply;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.RunStopped;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.StreamedReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Probes what a model can do through a route, one small request per capability, and returns the matrix cells with
 * their evidence — every cell of the row, whatever one probe met, so a model never drops out of the summary's tables. Requests are built by {@link Rendering} from a body (Coze renders the route's request around
 * it). A reply without text that stopped at the probe's own output limit is "not checked", not a broken model
 * (models/OutputLimit); the system message's word is read by guide/OnlyReply's rule, as the minimal test's OK is.
 */
public final class CapabilityProbe {
    static final String SYSTEM_WORD = "PONG";
    private static final String PLAIN = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
    private static final String SYSTEM = "{\"model\":\"%s\",\"messages\":[{\"role\":\"system\",\"content\":\"Whatever the user says, reply only with the word "
            + SYSTEM_WORD + ".\"},{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
    private static final String MAX_TOKENS = "{\"model\":\"%s\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Count from 1 to 50, separated by spaces.\"}]}";
    private static final String JSON_MODE = "{\"model\":\"%s\",\"response_format\":{\"type\":\"json_object\"},\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Reply with the JSON object {\\\"answer\\\": \\\"OK\\\"} and nothing else.\"}]}";

    private final Function<String, OutgoingRequest> render;
    private final Function<OutgoingRequest, GatewayReply> send;
    private final StreamingProbe streaming;

    /**
     * How a probe's body becomes a request, Coze's setup for the route rendered around it: with the token that allows
     * the model; with a key no gateway knows; and with a token that has a model allowlist, where the run has one (the
     * last two only for the streaming cell's refusals).
     */
    public record Rendering(Function<String, OutgoingRequest> withToken, Function<String, OutgoingRequest> withWrongKey,
            Optional<Function<String, OutgoingRequest>> withAllowlistedToken) {
    }

    /** Probes through a Coze node on a route, with the guide's setup around each probe's body. */
    public static CapabilityProbe through(CozeNode node, Secret token, Route route) {
        Secret wrongKey = new Secret(StreamingProbe.WRONG_KEY);
        return new CapabilityProbe(new Rendering(body -> node.guideRendering(token, route, body), body -> node.guideRendering(wrongKey, route, body),
                node.tokenWithAllowlist().map(allowlisted -> body -> node.guideRendering(allowlisted, route, body))), node::sendProbe, node::streamProbe);
    }

    public CapabilityProbe(Rendering render, Function<OutgoingRequest, GatewayReply> send, Function<OutgoingRequest, StreamedReply> stream) {
        this.render = render.withToken();
        this.send = send;
        this.streaming = new StreamingProbe(render, stream);
    }

    public List<Cell> probe(String model, String route, boolean claimsJsonMode, int samples) {
        Row row = new Row(model, route);
        row.probe(List.of(Capability.PLAIN_REPLY, Capability.NAMES_MODEL, Capability.USAGE), () -> plain(model, route, samples));
        row.probe(List.of(Capability.SYSTEM_MESSAGE), () -> List.of(system(model, route)));
        row.probe(List.of(Capability.MAX_TOKENS), () -> List.of(maxTokens(model, route)));
        row.probe(List.of(Capability.STREAMING), () -> List.of(streaming.probe(model, route)));
        if (claimsJsonMode) {
            row.probe(List.of(Capability.JSON_MODE), () -> List.of(jsonMode(model, route)));
        } else {
            row.add(new Cell(model, route, Capability.JSON_MODE, Cell.Verdict.NOT_SUPPORTED, "the model table says it does not claim JSON mode",
                    Optional.empty(), 0));
        }
        return row.cells();
    }

    /**
     * A row's cells as its probes go. A probe that fails without an answer to judge (none came, one came past the
     * harness's limits, or the run's request or token cap refused it) fails its first capability with the reason and the
     * guide row that applies; what else it would have shown, and
     * the probes after it, are not checked: against a gateway that does not answer each one would cost its whole
     * timeout. A probe the run's stop refuses leaves itself and the rest not checked, with the stop's reason.
     */
    private static final class Row {
        private final String model;
        private final String route;
        private final List<Cell> cells = new ArrayList<>();
        private Optional<String> notChecked = Optional.empty();

        Row(String model, String route) {
            this.model = model;
            this.route = route;
        }

        void probe(List<Capability> shows, Supplier<List<Cell>> probe) {
            if (notChecked.isPresent()) {
                shows.forEach(capability -> add(Cell.notChecked(model, route, capability, notChecked.get())));
                return;
            }
            try {
                cells.addAll(probe.get());
            } catch (AssertionError noAnswer) {
                // a contract violation (no answer, or one past the harness's limits) or a cap of the run: any of them keeps the row
                Optional<GuideLine> row = noAnswer instanceof ContractViolation violation ? violation.row() : Optional.empty();
                add(Cell.failedWithoutAnswer(model, route, shows.get(0),
                        noAnswer instanceof ContractViolation violation ? violation.unmarked() : noAnswer.getMessage(), row));
                notChecked = Optional.of("not checked: the " + shows.get(0).words() + " probe failed without an answer to judge, so nothing more "
                        + "was sent for this row");
                shows.subList(1, shows.size()).forEach(capability -> add(Cell.notChecked(model, route, capability, notChecked.get())));
            } catch (RunStopped stopped) {
                notChecked = Optional.of(stopped.getMessage());
                shows.forEach(capability -> add(Cell.notChecked(model, route, capability, notChecked.get())));
            }
        }

        void add(Cell cell) {
            cells.add(cell);
        }

        List<Cell> cells() {
            return List.copyOf(cells);
        }
    }

    private List<Cell> plain(String model, String route, int samples) {
        List<Cell> cells = new ArrayList<>();
        GatewayReply plain = send.apply(render.apply(PLAIN.formatted(model)));
        for (int extra = 1; extra < samples; extra++) {
            cells.add(latencySample(model, route, send.apply(render.apply(PLAIN.formatted(model)))));
        }
        Optional<String> text = plain.replyText().filter(t -> !t.isBlank());
        cells.add(limitTooSmall(model, route, Capability.PLAIN_REPLY, plain).orElseGet(() -> cell(model, route, Capability.PLAIN_REPLY,
                plain.isChatCompletion() && text.isPresent(), text.map(t -> "replied \"" + t + "\"").orElse(plain.describe()), plain)));
        String named = plain.json().map(j -> j.path("model").asText()).orElse("");
        cells.add(cell(model, route, Capability.NAMES_MODEL, ModelNames.sameModel(model, named),
                "the reply names model '" + named + "'" + (ModelNames.sameModel(model, named) ? "" : ", not " + model + " or a dated snapshot of it"), plain));
        JsonNode usage = plain.json().map(j -> j.path("usage")).orElse(Json.MAPPER.missingNode());
        cells.add(cell(model, route, Capability.USAGE, usage.path("total_tokens").isInt() && usage.path("prompt_tokens").isInt(),
                usage.isMissingNode() ? "no usage in the reply" : "usage " + usage, plain));
        return cells;
    }

    private Cell system(String model, String route) {
        GatewayReply system = send.apply(render.apply(SYSTEM.formatted(model)));
        String systemText = system.replyText().orElse("");
        boolean obeyed = OnlyReply.says(SYSTEM_WORD, systemText);
        return limitTooSmall(model, route, Capability.SYSTEM_MESSAGE, system).orElseGet(() -> cell(model, route, Capability.SYSTEM_MESSAGE,
                system.isChatCompletion() && obeyed, system.isChatCompletion()
                        ? "asked for " + SYSTEM_WORD + " by the system message, replied \""
                                + systemText + "\"" + (obeyed ? "" : ", not only " + SYSTEM_WORD)
                        : system.describe(),
                system));
    }

    private Cell maxTokens(String model, String route) {
        GatewayReply limited = send.apply(render.apply(MAX_TOKENS.formatted(model)));
        String finish = limited.json().map(j -> j.path("choices").path(0).path("finish_reason").asText("")).orElse("");
        return cell(model, route, Capability.MAX_TOKENS, limited.isChatCompletion() && finish.equals("length"),
                limited.isChatCompletion() ? "max_tokens 1 gave finish_reason '" + finish + "'" : limited.describe(), limited);
    }

    private Cell jsonMode(String model, String route) {
        GatewayReply json = send.apply(render.apply(JSON_MODE.formatted(model)));
        boolean object = json.replyText().map(CapabilityProbe::isJsonObject).orElse(false);
        return limitTooSmall(model, route, Capability.JSON_MODE, json).orElseGet(() -> cell(model, route, Capability.JSON_MODE,
                json.isChatCompletion() && object, json.isChatCompletion() ? "content " + json.replyText().orElse("") : json.describe(), json));
    }

    /**
     * A chat reply with no text that stopped at the output limit the probe was sent with: "not checked", saying the limit
     * was too small for a reasoning model (models/OutputLimit), rather than a fail that would call the model broken.
     */
    private static Optional<Cell> limitTooSmall(String model, String route, Capability capability, GatewayReply reply) {
        if (!reply.isChatCompletion()) {
            return Optional.empty();
        }
        JsonNode json = reply.json().orElseThrow();
        return OutputLimit.usedUpBeforeAnyText(model, Optional.of(reply.request()), reply.replyText().orElse(""),
                json.path("choices").path(0).path("finish_reason").asText(""), json.path("usage"))
                .map(why -> new Cell(model, route, capability, Cell.Verdict.NOT_CHECKED, why, Optional.of(reply.timing()),
                        json.path("usage").path("total_tokens").asInt(0)));
    }

    private static Cell cell(String model, String route, Capability capability, boolean passed, String evidence, GatewayReply reply) {
        int tokens = reply.json().map(j -> j.path("usage").path("total_tokens").asInt(0)).orElse(0);
        return Cell.of(model, route, capability, passed, evidence, reply.timing(),
                capability == Capability.NAMES_MODEL || capability == Capability.USAGE ? 0 : tokens); // those share the plain reply
    }

    /** An extra sample of the plain reply's latency (-Dsamples), not a matrix cell of its own. */
    private static Cell latencySample(String model, String route, GatewayReply reply) {
        return new Cell(model, route, Capability.PLAIN_REPLY, Cell.Verdict.LATENCY_SAMPLE, reply.describe(), Optional.of(reply.timing()), 0);
    }

    private static boolean isJsonObject(String text) {
        return Json.parse(text).map(JsonNode::isObject).orElse(false);
    }
}
