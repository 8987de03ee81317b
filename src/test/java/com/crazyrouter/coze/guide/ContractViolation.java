package com.crazyrouter.coze.guide;

import java.util.Optional;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;

/**
 * A broken contract, with the Common Errors row whose fix applies to what actually happened, decided where the
 * assertion is made — so the summary quotes the right fix without reading it back out of the message.
 */
public class ContractViolation extends AssertionError {
    private final transient CommonError row;

    public ContractViolation(String message, Optional<CommonError> row) {
        super(message);
        this.row = row.orElse(null);
    }

    public Optional<CommonError> row() {
        return Optional.ofNullable(row);
    }

    /** Hamcrest's assertThat, failing with the row that applies. */
    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, Optional<CommonError> row) {
        try {
            MatcherAssert.assertThat(reason, actual, matcher);
        } catch (AssertionError failed) {
            throw new ContractViolation(failed.getMessage(), row);
        }
    }

    public static <T> void assertThat(String reason, T actual, Matcher<? super T> matcher, CommonError row) {
        assertThat(reason, actual, matcher, Optional.of(row));
    }
}
