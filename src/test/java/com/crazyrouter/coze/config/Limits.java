package com.crazyrouter.coze.config;

import static com.crazyrouter.coze.config.SettingValues.between;
import static com.crazyrouter.coze.config.SettingValues.duration;
import static com.crazyrouter.coze.config.SettingValues.size;

import java.time.Duration;
import java.util.Map;

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

    /** The limits the -D settings give; the default where a setting is not given. */
    static Limits read(Map<String, String> properties) {
        Duration connect = duration(properties, CONNECT_TIMEOUT, "5s", Duration.ofMinutes(5));
        Duration read = duration(properties, READ_TIMEOUT, "60s", Duration.ofHours(1));
        Duration request = duration(properties, REQUEST_TIMEOUT, "60s", Duration.ofHours(1));
        Duration streamIdle = duration(properties, STREAM_IDLE_TIMEOUT, "30s", Duration.ofHours(1));
        Duration stream = duration(properties, STREAM_TIMEOUT, "30s", Duration.ofHours(1));
        long maxBody = size(MAX_BODY, properties.getOrDefault(MAX_BODY, "10MB"));
        Duration runDeadline = duration(properties, RUN_DEADLINE, "10m", Duration.ofHours(24));
        int stopAfter = between(STOP_AFTER_FAILURES, properties.getOrDefault(STOP_AFTER_FAILURES, "3"), 1, 100,
                "how many chat requests in a row without a usable answer stop the run");
        return new Limits(connect, read, request, streamIdle, stream, maxBody, runDeadline, stopAfter);
    }

    /** These limits with the connection, the headers and the whole exchange given at least as long as {@code floor} gives them. */
    public Limits atLeastForAnExchange(Limits floor) {
        return new Limits(longer(connectTimeout, floor.connectTimeout), longer(readTimeout, floor.readTimeout), longer(requestTimeout, floor.requestTimeout),
                streamIdleTimeout, streamTimeout, maxBodyBytes, runDeadline, stopAfterFailures);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
