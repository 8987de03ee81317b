package com.crazyrouter.coze.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    private static final OutgoingRequest CHAT = new OutgoingRequest("POST", URI.create("https://crazyrouter.com/v1/chat/completions"), List.of(), "{}");
    private static final OutgoingRequest MODELS = new OutgoingRequest("GET", URI.create("https://crazyrouter.com/v1/models"), List.of(), null);

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
    void onlyRetriesSentAreCountedAndTheRunTakesNoMoreThanItsCap() {
        RequestBudget budget = new RequestBudget(10, 100, 2, RunStop.never(), Optional.empty());
        assertThat(budget.takeRetry(), is(true));
        budget.retrySent();
        assertThat("taken, then held back by a cap: not sent", budget.takeRetry(), is(true));

        assertThat(budget.takeRetry(), is(false));
        assertThat(budget.retriesUsedUp(), equalTo("this run's 2 retries are used up (at most 2 per run): not retried"));
        assertThat(budget.retries(), equalTo(1));
    }

    @Test
    void onceTheRunHasStoppedNothingIsSentAndTheRequestIsSkippedNotFailed() {
        RunStop stop = new RunStop(Duration.ofMinutes(10), () -> 0L);
        RequestBudget budget = new RequestBudget(10, 100, 10, stop, Optional.empty());
        stop.stop(new RunStop.Stop("Crazyrouter stopped answering", "the one message"));

        RunStopped skipped = assertThrows(RunStopped.class, () -> budget.spendOne("POST https://crazyrouter.com/v1/chat/completions"));

        assertThat(skipped.getMessage(), equalTo("Skipped: Crazyrouter stopped answering; POST https://crazyrouter.com/v1/chat/completions was not sent."));
        assertThat(budget.requests(), equalTo(0));
    }

    @Test
    void aDeadlineThatPassedWhileTheRunStartedDoesNotRefuseThePreflightButStopsWhatFollows() {
        long[] now = {0L};
        RunStop stop = new RunStop(Duration.ofSeconds(2), () -> now[0]);
        RequestBudget budget = new RequestBudget(10, 100, 10, stop, Optional.empty());
        now[0] = Duration.ofSeconds(3).toNanos();

        budget.forThePreflight().spendOne("GET https://crazyrouter.com/v1/models");

        assertThat("the preflight, counted against the run's cap", budget.requests(), equalTo(1));
        assertThrows(RunStopped.class, () -> budget.spendOne("POST https://crazyrouter.com/v1/chat/completions"));
        assertThat(stop.stopped().orElseThrow().reason(), equalTo("the run deadline of 2 s passed (crazyrouter.runDeadline)"));
    }

    @Test
    void chatAnswersGoToTheFailureStreakButNotFromAViewWithoutOne() {
        RunStop stop = new RunStop(Duration.ofMinutes(10), () -> 0L);
        RequestBudget budget = new RequestBudget(10, 100, 10, stop, Optional.of(new FailureStreak(1, stop)));
        GatewayReply busy = new GatewayReply(CHAT, 503, Map.of(), "", Duration.ZERO, Duration.ZERO);

        assertThat("a GET is no chat request", budget.answered(MODELS, "GET /v1/models", busy), is(false));
        assertThat("samples measure failures on purpose", budget.withoutFailureStreak().answered(CHAT, "POST /v1/chat/completions", busy), is(false));
        budget.withoutFailureStreak().spendOne("a sample, counted against the same cap");
        assertThat(stop.stopped().isPresent(), is(false));

        assertThat(budget.answered(CHAT, "POST /v1/chat/completions", busy), is(true));
        assertThat(stop.stopped().isPresent(), is(true));
        assertThat(budget.requests(), equalTo(1));
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
