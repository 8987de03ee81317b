package com.crazyrouter.coze.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/** A hard cap on the requests one run may send, so a run of this harness can never become the loop the guide warns about. */
public final class RequestBudget {
    private final int cap;
    private final AtomicInteger spent = new AtomicInteger();

    public RequestBudget(int cap) {
        this.cap = cap;
    }

    public void spendOne(String what) {
        int now = spent.incrementAndGet();
        if (now > cap) {
            throw new AssertionError("Request cap reached: this run may send at most " + cap + " requests (crazyrouter.maxRequests), "
                    + "and " + what + " would be number " + now + ". Nothing more is sent; raise -Dcrazyrouter.maxRequests if this is expected.");
        }
    }

    public int spent() {
        return Math.min(spent.get(), cap);
    }

    public int cap() {
        return cap;
    }
}
