package com.crazyrouter.coze.run;

import com.crazyrouter.coze.config.Limits;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * When a run stops sending: its deadline ({@code crazyrouter.runDeadline}, from the run's start) has passed, the
 * gateway stopped answering ({@link FailureStreak}), or the run was interrupted. From then on no request is sent and no
 * scenario starts; requests already on the wire end at their own timeout. The first reason is the one the run reports.
 */
public final class RunStop {
    /** Why the run stopped: a short reason for each skipped scenario, and the one message the run ends with. */
    public record Stop(String reason, String message) {
        /** How every scenario the stop skipped begins its reason, whether it had not started or was cut short. */
        public String skipped() {
            return "Skipped: " + reason;
        }

        /** The reason a scenario not yet started is skipped with. */
        public String notRun() {
            return skipped() + "; not run";
        }
    }

    private final Duration deadline;
    private final LongSupplier nanoTime;
    private final long started;
    private final AtomicReference<Stop> stop = new AtomicReference<>();

    public RunStop(Duration deadline, LongSupplier nanoTime) {
        this.deadline = deadline;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** A run that starts now and may go on until {@code deadline} has passed. */
    public static RunStop startingNow(Duration deadline) {
        return new RunStop(deadline, System::nanoTime);
    }

    /** For a client outside a run (the harness's own tests): no deadline that a test could reach. */
    public static RunStop never() {
        return new RunStop(Duration.ofDays(365), System::nanoTime);
    }

    /**
     * Why nothing more may be sent or started, checking the deadline; empty while the run goes on. Once the deadline
     * is seen to have passed, the run has stopped for that reason.
     */
    public Optional<Stop> check() {
        if (stop.get() == null && nanoTime.getAsLong() - started >= deadline.toNanos()) {
            String reason = "the run deadline of " + words(deadline) + " passed (" + Limits.RUN_DEADLINE + ")";
            stop(new Stop(reason, "The run deadline of " + words(deadline) + " passed (" + Limits.RUN_DEADLINE + "): scenarios not yet started "
                    + "were skipped, requests already sent ended at their own timeout. Raise -D" + Limits.RUN_DEADLINE + " if the run needs longer."));
        }
        return stopped();
    }

    /** Why the run stopped, if it did; unlike {@link #check()}, a deadline that passed after the last check stops nothing. */
    public Optional<Stop> stopped() {
        return Optional.ofNullable(stop.get());
    }

    /**
     * Stops the run, saying so once on the console; returns whether this call did (false when it had already stopped,
     * for the reason it gave then).
     */
    public boolean stop(Stop why) {
        boolean first = stop.compareAndSet(null, why);
        if (first) {
            System.out.println("[stopped] " + why.message());
        }
        return first;
    }

    /** Refuses {@code what} (e.g. "POST https://…/v1/chat/completions") once the run has stopped: it is skipped, not red. */
    public void beforeSending(String what) {
        check().ifPresent(why -> {
            throw new RunStopped(why.skipped() + "; " + what + " was not sent.");
        });
    }

    /** "10 min", "90 s", "200 ms": a duration the way the run's messages say it. */
    public static String words(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
