package com.crazyrouter.coze.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Counts, sizes and durations as a message shows them. */
class AmountsTest {

    @Test
    void aCountIsGroupedInThrees() {
        assertThat(Amounts.count(20_971_520), equalTo("20 971 520"));
        assertThat(Amounts.count(999), equalTo("999"));
        assertThat(Amounts.count(0), equalTo("0"));
    }

    @Test
    void aSizeIsShownAsItWasMostLikelySet() {
        assertThat(Amounts.size(10L * 1024 * 1024), equalTo("10 MB"));
        assertThat(Amounts.size(64 * 1024), equalTo("64 KB"));
        assertThat(Amounts.size(1_000), equalTo("1 000 bytes"));
    }

    @Test
    void aDurationIsShownAsItWasMostLikelySet() {
        assertThat(Amounts.duration(Duration.ofSeconds(30)), equalTo("30 s"));
        assertThat(Amounts.duration(Duration.ofSeconds(60)), equalTo("60 s"));
        assertThat(Amounts.duration(Duration.ofMinutes(10)), equalTo("10 min"));
        assertThat(Amounts.duration(Duration.ofMillis(200)), equalTo("200 ms"));
    }
}
