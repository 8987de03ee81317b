package com.crazyrouter.coze.guide;

import java.util.Optional;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;

/**
 * A broken contract, with what it was diagnosed as ({@link Finding}: the guide line whose fix applies to what actually
 * happened, or a cause the guide has no row for), decided where the assertion is made — so the summary, the console
 * and the report quote the right fix without reading it back out of the message. The message ends with the finding's
 * marker line, which is all the Allure categories match.
 */
public class ContractViolation extends AssertionError {
    private final transient Finding finding;
    private final String cozeShows;

    public ContractViolation(String message, Optional<? extends GuideLine> row) {
        this(message, row, Optional.empty());
    }

    /**
     * {@code cozeShows}: what the Coze builder sees when this happens, in the route's own words. A message that does not
     * quote the row yet gets the row's advice on a line of its own, so every report that shows the message alone (the
     * console, Allure and its categories) names the row too.
     */
    public ContractViolation(String message, Optional<? extends GuideLine> row, Optional<String> cozeShows) {
        this(message, row.map(Finding::of).orElse(null), cozeShows);
    }

    /** A broken contract diagnosed as {@code finding} (null: not diagnosed), with what the Coze builder sees. */
    public ContractViolation(String message, Finding finding, Optional<String> cozeShows) {
        super(withFinding(message, finding));
        this.finding = finding;
        this.cozeShows = cozeShows.orElse(null);
    }

    private static String withFinding(String message, Finding finding) {
        if (finding == null) {
            return message;
        }
        String text = message == null ? "" : message.stripTrailing();
        boolean quoted = finding.cause() instanceof GuideLine line ? text.contains(line.citation()) : text.contains(finding.whatToDo());
        return (text.isEmpty() ? "" : text + "\n") + (quoted ? "" : finding.advice() + "\n") + finding.cause().marker();
    }

    /** What this red was diagnosed as; empty when nothing in what happened points at a cause. */
    public Optional<Finding> finding() {
        return Optional.ofNullable(finding);
    }

    /** The guide line whose fix applies, when the finding is one. */
    public Optional<GuideLine> row() {
        return finding().flatMap(Finding::row);
    }

    /** The message without its closing marker line: for a message that quotes this one inside its own. */
    public String unmarked() {
        String message = String.valueOf(getMessage());
        return finding == null ? message : message.substring(0, message.length() - finding.cause().marker().length()).stripTrailing();
    }

    public Optional<String> cozeShows() {
        return Optional.ofNullable(cozeShows);
    }

    /** Hamcrest's assertThat, failing with the row that applies and what the Coze builder sees. */
    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, Optional<? extends GuideLine> row, String cozeShows) {
        assertDiagnosed(reason, actual, matcher, row.map(Finding::of), cozeShows);
    }

    /** Hamcrest's assertThat, failing with what it was diagnosed as (a guide row or an off-guide cause) and what the Coze builder sees. */
    public static <T> void assertDiagnosed(String reason, T actual, Matcher<? super T> matcher, Optional<Finding> finding, String cozeShows) {
        try {
            MatcherAssert.assertThat(reason, actual, matcher);
        } catch (AssertionError failed) {
            throw new ContractViolation(failed.getMessage(), finding.orElse(null), Optional.of(cozeShows));
        }
    }

    /** Hamcrest's assertThat, failing with the row that applies. */
    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, Optional<? extends GuideLine> row) {
        try {
            MatcherAssert.assertThat(reason, actual, matcher);
        } catch (AssertionError failed) {
            throw new ContractViolation(failed.getMessage(), row);
        }
    }

    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, GuideLine row) {
        assertThat(reason, actual, matcher, Optional.of(row));
    }
}
