package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.models.SampleStats.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sampling statistics, from fixed samples: answers by status, failure rate, nearest-rank percentiles. */
class SampleStatsTest {

    private static Sample ok(long firstByteMs, long totalMs) {
        return new Sample("200", false, Optional.of(Duration.ofMillis(firstByteMs)), Optional.of(Duration.ofMillis(totalMs)), "the reply");
    }

    private static Sample status(String answer, long ms) {
        return new Sample(answer, true, Optional.of(Duration.ofMillis(ms)), Optional.of(Duration.ofMillis(ms)), "failed with " + answer);
    }

    @Test
    void nineteenRepliesAndOne502AreFivePercentFailed() {
        List<Sample> samples = new ArrayList<>();
        IntStream.rangeClosed(1, 19).forEach(i -> samples.add(ok(i, 10L * i)));
        samples.add(status("502", 1000));
        SampleStats stats = SampleStats.of(samples);
        assertThat(stats.requests(), is(20));
        assertThat(stats.failed(), is(1));
        assertThat(stats.outcomeWords(), equalTo("200: 19, 502: 1 → 5 % failed"));
        assertThat(stats.cozeShows(), equalTo(Optional.of("failed with 502")));
    }

    @Test
    void statusesAreInNumericOrderAndNoAnswerComesLast() {
        SampleStats stats = SampleStats.of(List.of(Sample.noAnswer("reset"), status("502", 5), ok(1, 2), status("429", 3),
                status("200" + SampleStats.NOT_A_CHAT_REPLY, 4), ok(1, 2)));
        assertThat(stats.answerWords(), equalTo("200: 2, 200 (not a chat reply): 1, 429: 1, 502: 1, no answer: 1"));
        assertThat(stats.failureWords(), equalTo("66.7 % failed"));
    }

    @Test
    void aTransportErrorCountsAsNoAnswerAndHasNoTiming() {
        SampleStats stats = SampleStats.of(List.of(ok(5, 9), Sample.noAnswer("timed out"), Sample.noAnswer("reset")));
        assertThat(stats.outcomeWords(), equalTo("200: 1, no answer: 2 → 66.7 % failed"));
        assertThat(stats.totals(), equalTo(List.of(Duration.ofMillis(9))));
        assertThat(stats.total(95), equalTo(Optional.of(Duration.ofMillis(9))));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> hundred = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();
        assertThat(SampleStats.percentile(hundred, 50), equalTo(Optional.of(Duration.ofMillis(50))));
        assertThat(SampleStats.percentile(hundred, 95), equalTo(Optional.of(Duration.ofMillis(95))));
        List<Duration> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> Duration.ofMillis(10L * i)).toList();
        assertThat(SampleStats.percentile(twenty, 50), equalTo(Optional.of(Duration.ofMillis(100))));
        assertThat(SampleStats.percentile(twenty, 95), equalTo(Optional.of(Duration.ofMillis(190))));
        assertThat(SampleStats.percentile(List.of(Duration.ofMillis(7)), 95), equalTo(Optional.of(Duration.ofMillis(7))));
        assertThat(SampleStats.percentile(List.of(), 50), equalTo(Optional.empty()));
    }

    @Test
    void percentilesDoNotDependOnTheOrderSamplesCameIn() {
        SampleStats stats = SampleStats.of(List.of(ok(30, 300), ok(10, 100), ok(20, 200), ok(40, 400)));
        assertThat(stats.firstByte(50), equalTo(Optional.of(Duration.ofMillis(20))));
        assertThat(stats.total(95), equalTo(Optional.of(Duration.ofMillis(400))));
        assertThat(SampleStats.ms(stats.total(50)), equalTo("200 ms"));
        assertThat(SampleStats.ms(Optional.empty()), equalTo("—"));
    }

    @Test
    void sharesAreWholeWhereWholeElseOneDecimal() {
        assertThat(SampleStats.percent(4, 20), equalTo("20 %"));
        assertThat(SampleStats.percent(0, 20), equalTo("0 %"));
        assertThat(SampleStats.percent(1, 3), equalTo("33.3 %"));
        assertThat(SampleStats.percent(1, 200), equalTo("0.5 %"));
        assertThat(SampleStats.percent(0, 0), equalTo("— %"));
    }
}
