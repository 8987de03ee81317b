package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.models.SampleStats.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sampler and its report with a stand-in for Coze: what is sent, in which order, and what the report says. */
class SamplerTest {
    private static final Sample OK = new Sample("200", false, Optional.of(Duration.ofMillis(4)), Optional.of(Duration.ofMillis(6)), "the reply");

    @Test
    void eachModelAndRouteIsSampledOneAfterAnotherThenSideBySide() {
        AtomicInteger sent = new AtomicInteger();
        List<Sampler.Row> rows = new Sampler((model, route) -> {
            sent.incrementAndGet();
            return OK;
        }, 3, 2).sample(List.of("gpt-5.4", "claude-sonnet-4-6"), 24);
        assertThat(sent.get(), is(24));
        assertThat(rows.stream().map(r -> r.model() + " " + r.route().words() + " " + r.mode()).toList(), contains(
                "gpt-5.4 API plugin one after another", "gpt-5.4 API plugin 2 at a time",
                "gpt-5.4 workflow HTTP node one after another", "gpt-5.4 workflow HTTP node 2 at a time",
                "claude-sonnet-4-6 API plugin one after another", "claude-sonnet-4-6 API plugin 2 at a time",
                "claude-sonnet-4-6 workflow HTTP node one after another", "claude-sonnet-4-6 workflow HTTP node 2 at a time"));
        assertThat(rows.get(0).words(), equalTo("gpt-5.4 / API plugin / one after another: 3 requests — 200: 3 → 0 % failed; "
                + "first byte p50 4 ms, p95 4 ms; total p50 6 ms, p95 6 ms"));
    }

    @Test
    void samplingThatWouldPassTheRequestCapSendsNothing() {
        AtomicInteger sent = new AtomicInteger();
        Sampler sampler = new Sampler((model, route) -> {
            sent.incrementAndGet();
            return OK;
        }, 20, 4);
        String message = assertThrows(ConfigurationException.class, () -> sampler.sample(List.of("a", "b", "c"), 239)).getMessage();
        assertThat(message, containsString("Sampling needs 240 requests (-Dsamples=20 × 2 routes × 2 modes × 3 models)"));
        assertThat(message, containsString("only 239 more (-Dcrazyrouter.maxRequests)"));
        assertThat(sent.get(), is(0));
    }

    @Test
    void theRequestCapReachedMidwayStopsTheSampling() {
        AssertionError cap = new AssertionError("Request cap reached");
        Sampler sampler = new Sampler((model, route) -> {
            throw cap;
        }, 2, 2);
        assertThat(assertThrows(AssertionError.class, () -> sampler.sample(List.of("gpt-5.4"), 8)), is(cap));
    }

    @Test
    void theReportQuotesTheFailingBatchesAndTheGuidesFix() {
        Sample bad = new Sample("502", true, Optional.of(Duration.ofMillis(3)), Optional.of(Duration.ofMillis(3)), "the node fails: 502");
        SampleStats mixed = SampleStats.of(List.of(OK, OK, OK, bad));
        SampleStats clean = SampleStats.of(List.of(OK, OK, OK, OK));
        SamplingReport report = new SamplingReport(List.of(new Sampler.Row("gpt-5.4", Route.PLUGIN, "one after another", clean),
                new Sampler.Row("gpt-5.4", Route.WORKFLOW, "4 at a time", mixed)), Map.of("gemini-3-pro-preview", "no token at hand allows it"));
        assertThat(report.markdown(),
                containsString("| gpt-5.4 | workflow HTTP node | 4 at a time | 4 | 200: 3, 502: 1 | 1 (25 %) | 4 ms | 4 ms | 6 ms | 6 ms |"));
        assertThat(report.markdown(), containsString("- gemini-3-pro-preview: not sampled, no token at hand allows it"));
        String failure = report.failure().orElseThrow();
        assertThat(failure, containsString("1 of 8 samples failed (12.5 %)"));
        assertThat(failure, containsString("\ngpt-5.4 / workflow HTTP node / 4 at a time: 200: 3, 502: 1 → 25 % failed"));
        assertThat(failure.contains("gpt-5.4 / API plugin"), is(false));
        assertThat(failure, containsString("Fix: Shrink the input and return to a minimal test."));
        assertThat(report.cozeShows(), equalTo(Optional.of("the node fails: 502")));
        assertThat(new SamplingReport(List.of(new Sampler.Row("gpt-5.4", Route.PLUGIN, "one after another", clean)), Map.of()).failure(),
                equalTo(Optional.empty()));
    }
}
