package com.crazyrouter.coze.transport;

import java.util.ServiceLoader;

/**
 * What the client shows of its exchanges: a step in words, a text attachment, each request and each response. The
 * report implements it and names its class in META-INF/services, so the client reports without importing the report;
 * where no report is on the class path, nothing is shown.
 */
public interface Evidence {
    Evidence NONE = new Evidence() {
        @Override
        public void step(String words) {
        }

        @Override
        public void attach(String name, String mediaType, String content) {
        }

        @Override
        public void request(OutgoingRequest request, Redactor redactor) {
        }

        @Override
        public void response(GatewayReply reply, String stoppedReading, Redactor redactor) {
        }
    };

    /** The report's evidence, found once. */
    Evidence SHOWN = ServiceLoader.load(Evidence.class).findFirst().orElse(NONE);

    void step(String words);

    void attach(String name, String mediaType, String content);

    /** The request as sent, shown only after {@code redactor} has taken every token out of it. */
    void request(OutgoingRequest request, Redactor redactor);

    /** A response ({@code stoppedReading}: why the harness stopped reading it, or "" when it read it all), redacted. */
    void response(GatewayReply reply, String stoppedReading, Redactor redactor);
}
