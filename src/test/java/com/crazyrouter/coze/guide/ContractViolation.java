package com.crazyrouter.coze.guide;

import java.util.Optional;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;

/**
 * A broken contract, with the guide line whose fix applies to what actually happened (a Common Errors row, a
 * checklist line, a token practice), decided where the assertion is made — so the summary quotes the right fix
 * without reading it back out of the message.
 */
public class ContractViolation extends AssertionError {
    private final transient GuideLine row;
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
        super(quotingRow(message, row));
        this.row = row.orElse(null);
        this.cozeShows = cozeShows.orElse(null);
    }

    private static String quotingRow(String message, Optional<? extends GuideLine> row) {
        return row.filter(r -> message == null || !message.contains(r.citation()))
                .map(r -> (message == null || message.isBlank() ? "" : message.stripTrailing() + "\n") + r.advice())
                .orElse(message);
    }

    public Optional<GuideLine> row() {
        return Optional.ofNullable(row);
    }

    public Optional<String> cozeShows() {
        return Optional.ofNullable(cozeShows);
    }

    /** Hamcrest's assertThat, failing with the row that applies and what the Coze builder sees. */
    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, Optional<? extends GuideLine> row, String cozeShows) {
        try {
            MatcherAssert.assertThat(reason, actual, matcher);
        } catch (AssertionError failed) {
            throw new ContractViolation(failed.getMessage(), row, Optional.of(cozeShows));
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
