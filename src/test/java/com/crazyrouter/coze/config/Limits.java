package com.crazyrouter.coze.config;

import java.time.Duration;

/**
 * How long and how much the harness waits for and reads from a gateway — per connection, per request, per stream,
 * per body and per run — so that no gateway, however broken, holds a run longer than {@link #runDeadline}.
 *
 * @param connectTimeout    until the connection is open
 * @param readTimeout       until the answer's status line and headers arrive
 * @param requestTimeout    for one whole exchange, body included. Coze's workflow node waits up to 120 s by default; the
 *                          scenarios ask for "OK", so a minute is ample, and three of them in a row end a run against a
 *                          gateway that trickles its answers within three minutes
 * @param streamIdleTimeout longest silence between two chunks of a streamed answer
 * @param streamTimeout     for one whole streamed answer (half a request: only the harness's own probes stream)
 * @param maxBodyBytes      a reply body (or a stream) is read up to this many bytes and cut there, saying so
 * @param runDeadline       what has not run when it passes is skipped with the reason; the run is red
 * @param stopAfterFailures this many chat requests in a row without a usable answer (no answer, 5xx, 429) stop the run
 */
public record Limits(
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        Duration streamIdleTimeout,
        Duration streamTimeout,
        long maxBodyBytes,
        Duration runDeadline,
        int stopAfterFailures) {

    public static final String CONNECT_TIMEOUT = "crazyrouter.connectTimeout";
    public static final String READ_TIMEOUT = "crazyrouter.readTimeout";
    public static final String REQUEST_TIMEOUT = "crazyrouter.requestTimeout";
    public static final String STREAM_IDLE_TIMEOUT = "crazyrouter.streamIdleTimeout";
    public static final String STREAM_TIMEOUT = "crazyrouter.streamTimeout";
    public static final String MAX_BODY = "crazyrouter.maxBody";
    public static final String RUN_DEADLINE = "crazyrouter.runDeadline";
    public static final String STOP_AFTER_FAILURES = "crazyrouter.stopAfterFailures";

    public static final long MEGABYTE = 1024L * 1024L;

    /** These limits with the connection, the headers and the whole exchange given at least as long as {@code floor} gives them. */
    public Limits atLeastForAnExchange(Limits floor) {
        return new Limits(longer(connectTimeout, floor.connectTimeout), longer(readTimeout, floor.readTimeout), longer(requestTimeout, floor.requestTimeout),
                streamIdleTimeout, streamTimeout, maxBodyBytes, runDeadline, stopAfterFailures);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
