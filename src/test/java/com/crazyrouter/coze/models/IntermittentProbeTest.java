package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.guide.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default run's few minimal tests: any failure fails it; p50, p95 and the headroom against Coze's timeouts are reported. */
class IntermittentProbeTest {

    @Test
    void fiveChatRepliesPassAndReportTheHeadroom() {
        IntermittentProbe probe = probe(answered(1500), answered(1500), answered(1200), answered(1600), answered(1500));

        assertThat(probe.failure(), equalTo(Optional.empty()));
        assertThat(probe.words(), containsString("200: 5 → 0 % failed"));
        assertThat(probe.words(), containsString("total p50 1500 ms, p95 1600 ms"));
        assertThat(probe.words(), containsString(
                "Headroom of p95 against Coze's timeouts: 75× within the workflow node's 120 s default, 112× within the workflow plugin node's 3 min (a plugin tool called by a bot has none)."));
        assertThat(probe.markdown(), containsString("-Dsamples=20"));
    }

    @Test
    void oneFailedRequestFailsItWithTheGuidesRow() {
        IntermittentProbe probe = probe(answered(100), answered(100), new SampleStats.Sample("502", true, Optional.of(Duration.ofMillis(50)),
                Optional.of(Duration.ofMillis(60)), "Coze shows the failure: 502"), answered(100), answered(100));

        String failure = probe.failure().orElseThrow();
        assertThat(failure, containsString("200: 4, 502: 1 → 20 % failed"));
        assertThat(failure, containsString("Workflow node fails intermittently"));
        assertThat(probe.markdown(), containsString("Shrink the input"));
    }

    @Test
    void noAnswerAtAllLeavesTheHeadroomUnmeasuredAndSaysItIsConstant() {
        SampleStats.Sample none = SampleStats.Sample.noAnswer("Coze shows the failure: connection refused");
        IntermittentProbe probe = probe(none, none, none, none, none);

        assertThat(probe.words(), containsString("not measured (no request was answered)"));
        assertThat(probe.failure().orElseThrow(), containsString("constant, not intermittent"));
    }

    @Test
    void aSlowP95StillFitsAndSaysHowOften() {
        assertThat(probe(answered(50_000)).headroom(),
                containsString("2.4× within the workflow node's 120 s default, 3.6× within the workflow plugin node's 3 min"));
    }

    private static IntermittentProbe probe(SampleStats.Sample... samples) {
        return new IntermittentProbe(new Sampler.Row("gpt-5.4", Route.WORKFLOW, Sampler.SEQUENTIAL, SampleStats.of(new ArrayList<>(List.of(samples)))));
    }

    private static SampleStats.Sample answered(long millis) {
        return new SampleStats.Sample("200", false, Optional.of(Duration.ofMillis(millis / 2)), Optional.of(Duration.ofMillis(millis)),
                "Coze passes on the reply");
    }
}
