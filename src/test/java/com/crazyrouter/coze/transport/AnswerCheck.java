package com.crazyrouter.coze.transport;

/** Looks at every answer the client read to its end, e.g. for how it differs from OpenAI's schemas; it never changes a verdict. */
public interface AnswerCheck {
    AnswerCheck NONE = new AnswerCheck() {
        @Override
        public void check(GatewayReply reply) {
        }

        @Override
        public void check(StreamedReply reply) {
        }
    };

    void check(GatewayReply reply);

    void check(StreamedReply reply);
}
