package com.crazyrouter.coze.transport;

/**
 * The run's bounds the client sends within: requests, tokens and retries counted, the deadline, the streak of failures
 * that stops a run. The run owns them (run/RequestBudget); the client only asks.
 */
public interface SendingBounds {

    /** Refuses to send once the run has stopped: the scenario is skipped, not red. */
    void beforeSending(String what);

    /** Counts one request about to be sent; refuses it past a cap or the deadline. */
    void spendOne(String what);

    void recordTokens(int used);

    /** True when the run still has a retry to spend, and takes it. */
    boolean takeRetry();

    /** Why a retry was not taken, in the run's words. */
    String retriesUsedUp();

    void retrySent();

    /** A chat answer, for the failure streak; true when it stopped the run. */
    boolean answered(OutgoingRequest request, String where, GatewayReply reply);

    /** A chat request without an answer, for the failure streak; true when it stopped the run. */
    boolean unanswered(OutgoingRequest request, String where, GatewayUnreachable why);
}
