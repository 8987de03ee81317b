package com.crazyrouter.coze.wiring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.report.RunLedger;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Timestamp;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The progress plugin driven by the events Cucumber sends it, from several threads as in a parallel run. */
class ProgressTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final FakePublisher publisher = new FakePublisher();
    private final RunLedger ledger = new RunLedger();

    @Test
    void scenariosFinishingOnSeveralThreadsAreCountedOnceEachAndNumberedInOrder() throws InterruptedException {
        plugin(OptionalLong.of(40), true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        IntStream.rangeClosed(1, 40).forEach(i -> threads.submit(() -> publisher.send(finished("Scenario " + i, List.of("@checklist-3"), Status.PASSED))));
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS), is(true));
        List<String> lines = lines();
        assertThat(lines.size(), is(40));
        IntStream.range(0, 40).forEach(
                i -> assertThat(lines.get(i), lines.get(i).startsWith(String.format("[%2d/40] passed   Validation Checklist 3 — Scenario ", i + 1)), is(true)));
        assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().count(), is(40L));
    }

    @Test
    void aRetriedScenarioSaysSoAndTheRunEndsWithTheSummaryToOpen() {
        plugin(OptionalLong.of(4), true);
        ledger.recordRetried("file:///f.feature:7", "The workflow HTTP node route reaches Crazyrouter",
                "passed after 1 retry — Coze would have failed here (Common Errors 6)");
        publisher.send(finished("The workflow HTTP node route reaches Crazyrouter", 7, List.of("@checklist-2"), Status.PASSED));
        publisher.send(finished("The workflow HTTP node route reaches Crazyrouter", 8, List.of("@checklist-2"), Status.PASSED));
        publisher.send(finished("An expired token", List.of("@error-1"), Status.SKIPPED));
        publisher.send(finished("The smallest body", List.of("@smoke"), Status.FAILED));
        ledger.record(new RunLedger.ScenarioResult("s.feature:3", "The smallest body", List.of("@smoke"), "FAILED", "Both routes", "gpt-5.4"));
        publisher.send(Envelope.of(new io.cucumber.messages.types.TestRunFinished(null, false, new Timestamp(0L, 0L), null, null)));
        assertThat(lines(), contains(
                "[1/4] passed after 1 retry Validation Checklist 2 — The workflow HTTP node route reaches Crazyrouter",
                "[2/4] passed   Validation Checklist 2 — The workflow HTTP node route reaches Crazyrouter",
                "[3/4] skipped  Common Errors 1 — An expired token",
                "[4/4] FAILED   Smoke — The smallest body",
                "",
                "Open reports/summary.html",
                "First red scenario (of 1): Smoke — The smallest body. No guide row names a fix: read what happened in the summary."));
    }

    @Test
    void withoutARunThereIsNoSummaryToOpen() {
        plugin(OptionalLong.empty(), false);
        publisher.send(finished("Smoke", List.of("@smoke"), Status.FAILED));
        publisher.send(Envelope.of(new io.cucumber.messages.types.TestRunFinished(null, false, new Timestamp(0L, 0L), null, null)));
        assertThat(lines(), contains("[1/?] FAILED   Smoke — Smoke"));
    }

    private void plugin(OptionalLong planned, boolean runGoingOn) {
        Optional<Progress.RunView> run = runGoingOn ? Optional.of(new Progress.RunView(ledger, Path.of("reports"))) : Optional.empty();
        new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), () -> planned, () -> run).setEventPublisher(publisher);
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static TestCaseFinished finished(String name, List<String> tags, Status status) {
        return finished(name, 1, tags, status);
    }

    private static TestCaseFinished finished(String name, int line, List<String> tags, Status status) {
        return new TestCaseFinished(Instant.EPOCH, new FakeScenario(name, line, tags), new Result(status, Duration.ZERO, null));
    }

    private record FakeScenario(String name, int line, List<String> tags) implements TestCase {
        @Override
        public Integer getLine() {
            return line;
        }

        @Override
        public Location getLocation() {
            return new Location(line, 1);
        }

        @Override
        public String getKeyword() {
            return "Scenario";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getScenarioDesignation() {
            return "f.feature:" + line + " # " + name;
        }

        @Override
        public List<String> getTags() {
            return tags;
        }

        @Override
        public List<TestStep> getTestSteps() {
            return List.of();
        }

        @Override
        public URI getUri() {
            return URI.create("file:///f.feature");
        }

        @Override
        public UUID getId() {
            return UUID.nameUUIDFromBytes((name + line).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Hands each event to the handlers registered for its class, on the calling thread, as Cucumber's bus does for a concurrent plugin. */
    private static final class FakePublisher implements EventPublisher {
        private final Map<Class<?>, List<EventHandler<?>>> handlers = new ConcurrentHashMap<>();

        @Override
        public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(handler);
        }

        @Override
        public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.getOrDefault(type, new ArrayList<>()).remove(handler);
        }

        @SuppressWarnings("unchecked")
        <T> void send(T event) {
            handlers.getOrDefault(event.getClass(), List.of()).forEach(handler -> ((EventHandler<T>) handler).receive(event));
        }
    }
}
