package com.crazyrouter.coze.models;

import com.crazyrouter.coze.gateway.Timing;
import java.util.Optional;

/** One cell of the model matrix: a model, through a route, for one capability, with its evidence and figures. */
public record Cell(String model, String route, Capability capability, Verdict verdict, String evidence,
        Optional<Timing> timing, int tokens) {

    public enum Verdict {
        PASS("pass"), FAIL("fail"), NOT_SUPPORTED("not supported"), NOT_PROBED("not probed"),
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

    public static Cell notProbed(String model, String route, String why) {
        return new Cell(model, route, Capability.PLAIN_REPLY, Verdict.NOT_PROBED, why, Optional.empty(), 0);
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
