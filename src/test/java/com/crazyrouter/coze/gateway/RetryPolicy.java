package com.crazyrouter.coze.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * Which answers are worth sending again and after how long: a 429 or a transient 502/503/504, at most
 * {@code maxRetries} times, after the wait the gateway asks for (Retry-After) or a back-off of one second per
 * retry; never when the wait would be longer than {@code longestWait}. A 503 that names an unknown model is an
 * answer, not a hiccup. Decides only; the client does the waiting.
 */
final class RetryPolicy {
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
        boolean unknownModel = reply.error().map(e -> "model_not_found".equals(e.code()) || e.mentions("no available channel|not found")).orElse(false);
        return reply.status() == 429 || reply.status() == 502 || reply.status() == 504 || (reply.status() == 503 && !unknownModel);
    }

    /**
     * How long to wait before retry number {@code retry} (from 1) of the request {@code reply} answers; empty when
     * it is not to be retried: not transient, retries used up, or a wait longer than the longest allowed.
     */
    Optional<Duration> waitBefore(int retry, GatewayReply reply) {
        if (retry > maxRetries || !shouldRetry(reply)) {
            return Optional.empty();
        }
        Duration wait = reply.retryAfter().orElse(Duration.ofSeconds(retry));
        return wait.compareTo(longestWait) > 0 ? Optional.empty() : Optional.of(wait);
    }
}
