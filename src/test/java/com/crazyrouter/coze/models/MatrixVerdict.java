package com.crazyrouter.coze.models;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.GuideLine;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Whether a model passes every capability it claims through a route, and what to do when it does not. */
public record MatrixVerdict(String model, List<Cell> failed) {

    public static MatrixVerdict of(String model, List<Cell> cells) {
        return new MatrixVerdict(model, cells.stream().filter(c -> c.verdict() == Cell.Verdict.FAIL).toList());
    }

    /**
     * A probe that failed without an answer names its own row (no HTTP answer: intermittent, or the URL); a model whose
     * plain reply came back wrong may have been renamed or retired: that is the model-not-found row.
     */
    public Optional<GuideLine> row() {
        Optional<GuideLine> named = failed.stream().map(Cell::row).flatMap(Optional::stream).findFirst();
        return named.isPresent() || answersAtAll() ? named : Optional.of(CommonError.MODEL_NOT_FOUND);
    }

    /**
     * Why a row was cut short by the run's stop, when nothing in it failed: such a row checked too little for a verdict,
     * and its scenario is skipped with that reason (a row cut short by a probe without an answer has failed instead).
     */
    public static Optional<String> cutShort(List<Cell> cells) {
        boolean failed = cells.stream().anyMatch(c -> c.verdict() == Cell.Verdict.FAIL);
        return failed ? Optional.empty() : cells.stream().filter(c -> c.verdict() == Cell.Verdict.NOT_CHECKED).map(Cell::evidence).findFirst();
    }

    public String explanation() {
        if (failed.isEmpty()) {
            return model + " passes every capability it claims";
        }
        return model + " through the " + failed.get(0).route() + " fails " + failed.size() + " capability check(s):\n"
                + failed.stream().map(c -> "- " + c.capability().words() + ": " + c.evidence()).collect(Collectors.joining("\n"))
                + (answersAtAll()
                        ? "\nThe model answers, so it has not gone: what fails above is broken for this model. Leave it out of the Coze "
                                + "setup (e.g. no streaming) and report it to Crazyrouter with the request from the report."
                        : failed.stream().anyMatch(c -> c.row().isPresent()) ? ""
                        : "\nIf the model was renamed or retired, switch back to gpt-5.4 and revalidate (guide, Common Errors "
                                + CommonError.MODEL_NOT_FOUND.tag() + ").");
    }

    private boolean answersAtAll() {
        return failed.stream().noneMatch(c -> c.capability() == Capability.PLAIN_REPLY);
    }
}
