package com.crazyrouter.coze.transport;

import java.time.Duration;
import java.util.Optional;

/** How long one answer took: to its first byte (the status line), to its end, and to its first chunk when streamed. */
public record Timing(Duration firstByte, Duration total, Optional<Duration> firstChunk) {

    public String words() {
        return "first byte " + firstByte.toMillis() + " ms, total " + total.toMillis() + " ms"
                + firstChunk.map(c -> ", first chunk " + c.toMillis() + " ms").orElse("");
    }
}
