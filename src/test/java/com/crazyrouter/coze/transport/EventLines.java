package com.crazyrouter.coze.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stream's bytes split into lines as server-sent events end them (LF, CRLF or a lone CR), each decoded as UTF-8,
 * with every byte counted up to a cap: bytes past it are not kept, so a flood of events, or one endless line, can
 * never hold more than the cap in memory. What the lines mean (comments, fields, events) is {@link ServerSentEvent}'s.
 */
final class EventLines {
    private final long mostBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long kept;
    private boolean full;
    private boolean afterCarriageReturn;

    EventLines(long mostBytes) {
        this.mostBytes = mostBytes;
    }

    /** The lines these bytes complete. */
    List<String> feed(byte[] bytes) {
        int usable = (int) Math.min(bytes.length, mostBytes - kept);
        kept += usable;
        full = full || usable < bytes.length;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < usable; i++) {
            byte b = bytes[i];
            if (b == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
            } else if (b == '\n' || b == '\r') {
                lines.add(takeLine());
                afterCarriageReturn = b == '\r';
            } else {
                afterCarriageReturn = false;
                pending.write(b);
            }
        }
        return lines;
    }

    /** The last line, when the stream ended without a line break after it. */
    Optional<String> rest() {
        return pending.size() == 0 ? Optional.empty() : Optional.of(takeLine());
    }

    /** Whether bytes came past the cap (and were dropped). */
    boolean full() {
        return full;
    }

    /** The bytes kept so far, line breaks included. */
    long bytes() {
        return kept;
    }

    private String takeLine() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return line;
    }
}
