package com.crazyrouter.coze.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run's deadline and its stop, on a clock the test moves by hand. */
class RunStopTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RunStop stop = new RunStop(Duration.ofMinutes(10), now::get);

    @Test
    void beforeTheDeadlineTheRunGoesOn() {
        now.addAndGet(Duration.ofMinutes(10).toNanos() - 1);

        assertThat(stop.check().isPresent(), is(false));
        stop.beforeSending("POST /v1/chat/completions");
    }

    @Test
    void onceTheDeadlineHasPassedNothingIsSentAndTheReasonNamesTheSetting() {
        now.addAndGet(Duration.ofMinutes(10).toNanos());

        RunStopped skipped = assertThrows(RunStopped.class, () -> stop.beforeSending("POST https://crazyrouter.com/v1/chat/completions"));

        assertThat(skipped.getMessage(), equalTo("Skipped: the run deadline of 10 min passed (crazyrouter.runDeadline); "
                + "POST https://crazyrouter.com/v1/chat/completions was not sent."));
        assertThat(stop.stopped().orElseThrow().message(), containsString("Raise -Dcrazyrouter.runDeadline"));
    }

    @Test
    void aDeadlineNoCheckSawPassStopsNothing() {
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat("the run ended before anything was held back", stop.stopped().isPresent(), is(false));
    }

    @Test
    void theFirstReasonIsTheOneTheRunReports() {
        assertThat(stop.stop(new RunStop.Stop("Crazyrouter stopped answering", "first")), is(true));
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(stop.stop(new RunStop.Stop("interrupted", "second")), is(false));
        assertThat(stop.check().orElseThrow().message(), equalTo("first"));
    }

    @Test
    void durationsReadAsTheMessagesSayThem() {
        assertThat(RunStop.words(Duration.ofMinutes(10)), equalTo("10 min"));
        assertThat(RunStop.words(Duration.ofSeconds(90)), equalTo("90 s"));
        assertThat(RunStop.words(Duration.ofMillis(1500)), equalTo("1500 ms"));
    }
}
