package com.crazyrouter.coze.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hard caps on what one run may spend — requests sent and tokens used (from each reply's usage) — so a run of
 * this harness can never become the loop the guide warns about ("workflow loops and retries can multiply usage").
 */
public final class RequestBudget {
    private final int requestCap;
    private final int tokenCap;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public RequestBudget(int requestCap, int tokenCap) {
        this.requestCap = requestCap;
        this.tokenCap = tokenCap;
    }

    public void spendOne(String what) {
        if (tokens.get() >= tokenCap) {
            throw new AssertionError("Token cap reached: this run has used " + tokens.get() + " tokens (cap " + tokenCap
                    + ", crazyrouter.maxTokensPerRun), so " + what + " is not sent.");
        }
        int now = requests.incrementAndGet();
        if (now > requestCap) {
            throw new AssertionError("Request cap reached: this run may send at most " + requestCap + " requests (crazyrouter.maxRequests), "
                    + "and " + what + " would be number " + now + ". Nothing more is sent; raise -Dcrazyrouter.maxRequests if this is expected.");
        }
    }

    public void recordTokens(int used) {
        tokens.addAndGet(Math.max(0, used));
    }

    public void recordRetry() {
        retries.incrementAndGet();
    }

    public int requests() {
        return Math.min(requests.get(), requestCap);
    }

    public int tokens() {
        return tokens.get();
    }

    public int retries() {
        return retries.get();
    }

    public int requestCap() {
        return requestCap;
    }

    public int tokenCap() {
        return tokenCap;
    }
}
