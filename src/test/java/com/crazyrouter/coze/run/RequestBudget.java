package com.crazyrouter.coze.run;

import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.SendingBounds;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hard caps on what one run may spend — requests sent, retries sent and tokens used (from each reply's usage) — so a
 * run of this harness can never become the loop the guide warns about ("workflow loops and retries can multiply
 * usage"); and the run's stop ({@link RunStop}): once it has stopped, nothing more is sent. Chat answers are told to
 * the run's {@link FailureStreak}, where it has one, so that a gateway that stopped answering stops the run.
 */
public final class RequestBudget implements SendingBounds {
    /** Retries across the whole run: a gateway that is busy for every request gets a few retries, not three times the requests. */
    public static final int RETRIES_PER_RUN = 10;

    /** What the run has spent, shared by every view of the budget. */
    private static final class Spent {
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger tokens = new AtomicInteger();
        private final AtomicInteger retriesTaken = new AtomicInteger();
        private final AtomicInteger retriesSent = new AtomicInteger();
    }

    private final int requestCap;
    private final int tokenCap;
    private final int retryCap;
    private final RunStop stop;
    private final Optional<FailureStreak> streak;
    private final Spent spent;

    /** A budget of its own, outside a run: no deadline, no failure streak. */
    public RequestBudget(int requestCap, int tokenCap) {
        this(requestCap, tokenCap, RETRIES_PER_RUN, RunStop.never(), Optional.empty());
    }

    public RequestBudget(int requestCap, int tokenCap, int retryCap, RunStop stop, Optional<FailureStreak> streak) {
        this(requestCap, tokenCap, retryCap, stop, streak, new Spent());
    }

    private RequestBudget(int requestCap, int tokenCap, int retryCap, RunStop stop, Optional<FailureStreak> streak, Spent spent) {
        this.requestCap = requestCap;
        this.tokenCap = tokenCap;
        this.retryCap = retryCap;
        this.stop = stop;
        this.streak = streak;
        this.spent = spent;
    }

    /**
     * The same budget for requests whose failures are measured on purpose (the sampling scenario counts how often the
     * gateway fails): they spend from the same caps and stop with the run, but do not make it stop.
     */
    public RequestBudget withoutFailureStreak() {
        return new RequestBudget(requestCap, tokenCap, retryCap, stop, Optional.empty(), spent);
    }

    /**
     * The same budget for the preflight, the run's start: it spends from the same caps, but a deadline that passed while
     * the run started (a deadline of seconds, on a loaded machine) does not refuse it. The run then stops at its first
     * scenario, for the deadline, with what it had run (nothing) said, instead of "the harness did not start".
     */
    public RequestBudget forThePreflight() {
        return new RequestBudget(requestCap, tokenCap, retryCap, RunStop.never(), streak, spent);
    }

    /** Counts one request about to be sent, or refuses it: a stopped run skips it ({@link RunStopped}), a cap reached fails it. */
    @Override
    public void spendOne(String what) {
        stop.beforeSending(what);
        if (spent.tokens.get() >= tokenCap) {
            throw new AssertionError("Token cap reached: this run has used " + spent.tokens.get() + " tokens (cap " + tokenCap
                    + ", crazyrouter.maxTokensPerRun), so " + what + " is not sent.");
        }
        int now = spent.requests.incrementAndGet();
        if (now > requestCap) {
            throw new AssertionError("Request cap reached: this run may send at most " + requestCap + " requests (crazyrouter.maxRequests), "
                    + "and " + what + " would be number " + now + ". Nothing more is sent; raise -Dcrazyrouter.maxRequests if this is expected.");
        }
    }

    @Override
    public void recordTokens(int used) {
        spent.tokens.addAndGet(Math.max(0, used));
    }

    /** Takes one of the run's retries for a request about to be sent again; false once they are all taken. */
    @Override
    public boolean takeRetry() {
        return spent.retriesTaken.getAndUpdate(taken -> taken < retryCap ? taken + 1 : taken) < retryCap;
    }

    /** Why a retry was not sent once the run's retries are all taken. */
    @Override
    public String retriesUsedUp() {
        return "this run's " + retryCap + " retries are used up (at most " + retryCap + " per run): not retried";
    }

    /** A retry went out: the "Retries" figure counts these only, not retries the caps or the stop then held back. */
    @Override
    public void retrySent() {
        spent.retriesSent.incrementAndGet();
    }

    /** The final answer to a request (after any retries); true when it made the run stop (a chat request in a failure streak). */
    @Override
    public boolean answered(OutgoingRequest request, String where, GatewayReply reply) {
        return isChat(request) && streak.map(s -> s.answered(where, reply)).orElse(false);
    }

    /** A request that got no HTTP answer; true when it made the run stop. */
    @Override
    public boolean unanswered(OutgoingRequest request, String where, GatewayUnreachable why) {
        return isChat(request) && streak.map(s -> s.unanswered(where, why)).orElse(false);
    }

    /** The harness POSTs nothing but chat requests; a GET (the preflight, the model list, the token log) is not one. */
    private static boolean isChat(OutgoingRequest request) {
        return request.method().equals("POST");
    }

    @Override
    public void beforeSending(String what) {
        stop.beforeSending(what);
    }

    public RunStop stop() {
        return stop;
    }

    public int requests() {
        return Math.min(spent.requests.get(), requestCap);
    }

    public int tokens() {
        return spent.tokens.get();
    }

    /** Retries actually sent. */
    public int retries() {
        return spent.retriesSent.get();
    }

    public int requestCap() {
        return requestCap;
    }

    public int tokenCap() {
        return tokenCap;
    }

    public int retryCap() {
        return retryCap;
    }
}
