package com.crazyrouter.coze.models;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a model passes every capability it claims through a route, and what to do when it does not, in the words a
 * reader gets: each failed cell as a line of its own (model, route, capability, what happened, what the Coze builder
 * sees where that is known), never a cell's record form or a matcher's wording.
 */
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

    /** Passes when no cell failed; otherwise fails with {@link #explanation()}, the row that applies and what the builder sees. */
    public void check() {
        if (!failed.isEmpty()) {
            throw new ContractViolation(explanation(), row(), failed.stream().map(MatrixVerdict::cozeSees).flatMap(Optional::stream).findFirst());
        }
    }

    public String explanation() {
        if (failed.isEmpty()) {
            return model + " passes every capability it claims";
        }
        return model + " through the " + failed.get(0).route() + ": " + count(failed.size()) + " failed.\n"
                + failed.stream().map(MatrixVerdict::line).collect(Collectors.joining("\n"))
                + (failed.stream().allMatch(c -> c.capability() == Capability.STREAMING && c.row().isEmpty())
                        ? "\nOnly streaming fails, which no Coze route uses: nothing in the Coze setup needs to change. Report it to Crazyrouter "
                                + "with the request from the report."
                        : answersAtAll()
                                ? "\nThe model answers, so it has not gone: what fails above is broken for this model. Leave it out of the Coze "
                                        + "setup (e.g. no streaming) and report it to Crazyrouter with the request from the report."
                                : failed.stream().anyMatch(c -> c.row().isPresent())
                                        ? ""
                                        : "\nIf the model was renamed or retired, switch back to gpt-5.4 and revalidate (guide, Common Errors "
                                                + CommonError.MODEL_NOT_FOUND.tag() + ").");
    }

    /** "- gpt-5.4 through the Coze API plugin (Create from API), streaming: fail. HTTP 401; … What the Coze builder sees: …" */
    static String line(Cell cell) {
        return "- " + cell.line() + cozeSees(cell).map(seen -> " What the Coze builder sees: " + seen).orElse("");
    }

    /**
     * What a Coze builder meets when a capability fails, where that does not depend on the answer: a probe that got no
     * answer says so in its own words (its row's advice), and a plain reply's failure is what its evidence says it was.
     * Streaming is docs/COZE.md §3 and §6 (read in coze-studio's code); the others follow from what the capability
     * does, not from a trace of Coze, and say so.
     */
    static Optional<String> cozeSees(Cell cell) {
        if (cell.row().isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (cell.capability()) {
            case STREAMING -> "nothing; neither Coze route streams (a plugin refuses an event stream with \"response is not object\", a workflow "
                    + "node hands it on as one string), so this harms clients that stream, not a Coze setup.";
            case SYSTEM_MESSAGE -> "replies that ignore the system prompt the builder wrote (inferred: the probe's system message was not followed).";
            case MAX_TOKENS -> "replies that run past a max_tokens the builder sets, and cost more (inferred from finish_reason).";
            case USAGE -> "no token counts in the reply the plugin or node passes on (inferred: the reply had no usage).";
            case JSON_MODE -> "a reply text that is not one JSON object, so a next node that parses it as JSON fails (inferred).";
            case NAMES_MODEL -> "a reply whose model field names another model than the one set (inferred: it may come from that model).";
            case PLAIN_REPLY -> null;
        });
    }

    private boolean answersAtAll() {
        return failed.stream().noneMatch(c -> c.capability() == Capability.PLAIN_REPLY);
    }

    private static String count(int checks) {
        return checks == 1 ? "1 capability check" : checks + " capability checks";
    }

    @Override
    public String toString() {
        return explanation();
    }
}
