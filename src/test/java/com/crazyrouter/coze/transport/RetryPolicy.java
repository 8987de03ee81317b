package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * Which answers are worth sending again and after how long: a 429 or a transient 502/503/504, at most
 * {@code maxRetries} times, after the wait the gateway asks for (Retry-After) or a back-off of one second per
 * retry; never when the wait would be longer than {@code longestWait}, and then it says so. new-api's own 503 that it
 * has no channel for the model ({@link GatewayError#noChannel}, told by its shape, not its words or code) is an answer,
 * not a hiccup. Decides only; the client does the waiting.
 */
public final class RetryPolicy {
    /**
     * What to do after an answer: send it again after {@code delay}, or keep the answer — with the reason where a retry
     * was due and is not sent ({@code notRetried}), so that no retry is dropped silently.
     */
    record Decision(Optional<Duration> delay, Optional<String> notRetried) {
        static final Decision KEEP = new Decision(Optional.empty(), Optional.empty());

        static Decision retryAfter(Duration wait) {
            return new Decision(Optional.of(wait), Optional.empty());
        }

        static Decision notRetried(String why) {
            return new Decision(Optional.empty(), Optional.of(why));
        }
    }

    private final int maxRetries;
    private final Duration longestWait;

    RetryPolicy(int maxRetries, Duration longestWait) {
        this.maxRetries = maxRetries;
        this.longestWait = longestWait;
    }

    int maxRetries() {
        return maxRetries;
    }

    boolean shouldRetry(GatewayReply reply) {
        return reply.status() == 429 || reply.status() == 502 || reply.status() == 504 || (reply.status() == 503 && !GatewayError.noChannel(reply));
    }

    /**
     * What to do before retry number {@code retry} (from 1) of the request {@code reply} answers: wait and send again,
     * keep the answer (not transient, or its retries used up), or keep it saying why (a Retry-After longer than the
     * longest wait; a back-off that long).
     */
    public Decision next(int retry, GatewayReply reply) {
        if (retry > maxRetries || !shouldRetry(reply)) {
            return Decision.KEEP;
        }
        Optional<Duration> asked = reply.retryAfter();
        Duration wait = asked.orElse(Duration.ofSeconds(retry));
        if (wait.compareTo(longestWait) <= 0) {
            return Decision.retryAfter(wait);
        }
        return Decision.notRetried((asked.isPresent()
                ? "Crazyrouter asked to wait " + wait.toSeconds() + " s (Retry-After)"
                : "the back-off before retry " + retry + " is " + wait.toSeconds() + " s") + ", longer than " + Settings.LONGEST_RETRY_WAIT + "="
                + setting(longestWait) + ": not retried");
    }

    /** A duration as it is set on the command line: 30s, 500ms, 2m. */
    private static String setting(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
