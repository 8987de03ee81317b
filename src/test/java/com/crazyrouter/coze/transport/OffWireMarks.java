package com.crazyrouter.coze.transport;

import java.util.function.Supplier;

/**
 * Tells the stand-in gateway which scenario sends a request without putting anything on the wire, for a request that
 * carries nothing per call of Coze's own to hold the mark (the workflow HTTP node's). The embedded stub gateway
 * implements it; against any other gateway nothing is told, and nothing needs to be: only the stub's request log is read.
 */
public interface OffWireMarks {
    OffWireMarks NONE = new OffWireMarks() {
        @Override
        public <T> T sending(OutgoingRequest request, String mark, Supplier<T> send) {
            return send.get();
        }
    };

    /** Sends ({@code send}) the request as {@code mark}'s: the stand-in knows it by its method, URL and body while it is in flight. */
    <T> T sending(OutgoingRequest request, String mark, Supplier<T> send);
}
