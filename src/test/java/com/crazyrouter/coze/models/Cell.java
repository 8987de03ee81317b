package com.crazyrouter.coze.models;

import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.transport.Timing;
import java.util.Optional;

/**
 * One cell of the model matrix: a model, through a route, for one capability, with its evidence and figures, and,
 * for a probe that failed without an answer to judge, the guide row its failure named.
 */
public record Cell(String model, String route, Capability capability, Verdict verdict, String evidence,
        Optional<Timing> timing, int tokens, Optional<GuideLine> row) {

    public enum Verdict {
        PASS("pass"), FAIL("fail"), NOT_SUPPORTED("not supported"), NOT_PROBED("not probed"),
        /** Not probed because an earlier probe of the row got no answer, or the run stopped. */
        NOT_CHECKED("not checked"),
        /** An extra timing of the plain reply (-Dsamples), not a cell of its own. */
        LATENCY_SAMPLE("latency sample");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Cell(String model, String route, Capability capability, Verdict verdict, String evidence, Optional<Timing> timing, int tokens) {
        this(model, route, capability, verdict, evidence, timing, tokens, Optional.empty());
    }

    public static Cell notProbed(String model, String route, String why) {
        return new Cell(model, route, Capability.PLAIN_REPLY, Verdict.NOT_PROBED, why, Optional.empty(), 0);
    }

    /** A probe that failed without an answer to judge (none came, or it could not be read): why, and the row that applies. */
    public static Cell failedWithoutAnswer(String model, String route, Capability capability, String why, Optional<GuideLine> row) {
        return new Cell(model, route, capability, Verdict.FAIL, why, Optional.empty(), 0, row);
    }

    public static Cell notChecked(String model, String route, Capability capability, String why) {
        return new Cell(model, route, capability, Verdict.NOT_CHECKED, why, Optional.empty(), 0);
    }

    /**
     * The cell as a reader gets it, standing alone: "gpt-5.4 through the Coze API plugin (Create from API), streaming:
     * failed. HTTP 401; …". Also what a message shows of a cell by accident, instead of the record's form.
     */
    public String line() {
        String evidence = this.evidence.strip().replaceAll("\\s*\n\\s*", " ");
        return model + " through the " + route + ", " + capability.words() + ": " + verdict.words() + ". " + evidence
                + (evidence.isEmpty() || ".…!?".indexOf(evidence.charAt(evidence.length() - 1)) >= 0 ? "" : ".");
    }

    @Override
    public String toString() {
        return line();
    }

    /** One line for the report: "streaming: pass — 3 chunks … (first byte 20 ms, total 25 ms, 12 tokens)". */
    public String words() {
        return capability.words() + ": " + verdict.words() + " — " + evidence
                + timing.map(t -> " (" + t.words() + (tokens > 0 ? ", " + tokens + " tokens" : "") + ")").orElse("");
    }

    public static Cell of(String model, String route, Capability capability, boolean passed, String evidence, Timing timing, int tokens) {
        return new Cell(model, route, capability, passed ? Verdict.PASS : Verdict.FAIL, evidence, Optional.of(timing), tokens);
    }
}
