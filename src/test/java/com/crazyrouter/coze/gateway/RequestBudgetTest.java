package com.crazyrouter.coze.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    @Test
    void theRequestThatWouldExceedTheCapIsRefusedWithTheSettingAndItsNumber() {
        RequestBudget budget = new RequestBudget(2, 1_000);
        budget.spendOne("GET /v1/models");
        budget.spendOne("GET /v1/models");

        AssertionError refused = assertThrows(AssertionError.class, () -> budget.spendOne("POST /v1/chat/completions"));

        assertThat(refused.getMessage(), allOf(containsString("crazyrouter.maxRequests"), containsString("at most 2 requests"),
                containsString("POST /v1/chat/completions would be number 3")));
    }

    @Test
    void requestsNeverReportsMoreThanTheCap() {
        RequestBudget budget = new RequestBudget(1, 1_000);
        budget.spendOne("first");
        for (int i = 0; i < 3; i++) {
            assertThrows(AssertionError.class, () -> budget.spendOne("one too many"));
        }

        assertThat(budget.requests(), equalTo(1));
    }

    @Test
    void onceTheTokensUsedReachTheCapTheNextRequestIsRefusedNamingTheSetting() {
        RequestBudget budget = new RequestBudget(100, 50);
        budget.spendOne("first");
        budget.recordTokens(30);
        budget.spendOne("second, still under the token cap");
        budget.recordTokens(20);

        AssertionError refused = assertThrows(AssertionError.class, () -> budget.spendOne("third"));

        assertThat(refused.getMessage(), allOf(containsString("crazyrouter.maxTokensPerRun"), containsString("used 50 tokens"),
                containsString("cap 50"), containsString("third is not sent")));
        assertThat("a request refused for tokens is not counted as sent", budget.requests(), equalTo(2));
    }

    @Test
    void negativeTokenCountsAreIgnored() {
        RequestBudget budget = new RequestBudget(10, 100);
        budget.recordTokens(40);
        budget.recordTokens(-25);

        assertThat(budget.tokens(), equalTo(40));
    }

    @Test
    void retriesAreCounted() {
        RequestBudget budget = new RequestBudget(10, 100);
        budget.recordRetry();
        budget.recordRetry();

        assertThat(budget.retries(), equalTo(2));
    }

    @Test
    void concurrentSpendsAllowExactlyTheCap() throws Exception {
        RequestBudget budget = new RequestBudget(500, Integer.MAX_VALUE);
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        try {
                            budget.spendOne("a concurrent request");
                            allowed.incrementAndGet();
                        } catch (AssertionError capReached) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(allowed.get(), equalTo(500));
        assertThat(refused.get(), equalTo(300));
        assertThat(budget.requests(), equalTo(500));
    }
}
