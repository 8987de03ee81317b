package com.crazyrouter.coze.guide;

import java.util.Optional;

/**
 * What a red was diagnosed as, typed: its cause (a guide line, or one the guide has no row for) and what to do about
 * it. The failure message, the summary, the console and the Allure categories all read it; contract/Diagnosis decides
 * and words it for a gateway's answer.
 */
public record Finding(Cause cause, String whatToDo) {

    /** A guide line's own fix: a Common Errors row's, a token practice, or a checklist line to do as it says. */
    public static Finding of(GuideLine line) {
        return new Finding(line, fixOf(line));
    }

    public Optional<GuideLine> row() {
        return cause instanceof GuideLine line ? Optional.of(line) : Optional.empty();
    }

    /** The words a failure quotes for it: a guide line's advice (its citation, cause and fix), or the cause and what to do. */
    public String advice() {
        return cause instanceof GuideLine line ? line.advice() : cause.title() + ". What to do: " + whatToDo;
    }

    private static String fixOf(GuideLine line) {
        if (line instanceof CommonError row) {
            return row.fix();
        }
        return line instanceof TokenPractice practice
                ? practice.words()
                : line.title().replaceFirst("^Validation Checklist \\d+: ", "") + ", as the guide's checklist says";
    }
}
