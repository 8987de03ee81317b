package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.transport.Redactor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs kept for one target: per target, bounded, no token or credential, and an unreadable file starts over. */
class RunHistoryTest {
    @Test
    void eachTargetAndGatewayKeepsAHistoryOfItsOwnNamedByHostAndPortOnly() {
        assertThat(RunHistory.target(Target.STUB, Optional.empty()), is("stub"));
        assertThat(RunHistory.target(Target.LIVE, Optional.of(URI.create("https://crazyrouter.com"))), is("live-crazyrouter.com"));
        assertThat(RunHistory.target(Target.LIVE, Optional.of(URI.create("http://user:sk-secretInUrl@127.0.0.1:41234/v1?key=sk-x"))),
                is("live-127.0.0.1-41234"));
    }

    @Test
    void itKeepsTheLastRunsOnlyAndNoToken(@TempDir Path dir) throws Exception {
        Secret token = new Secret("sk-testHistoryCanary000000000000000000");
        RunHistory history = new RunHistory(dir, "stub");
        for (int i = 0; i < RunHistory.KEPT + 3; i++) {
            RunHistory.Kept kept = history.read();
            history.keep(kept.runs(), new RunRecord("run " + i, "tags (all)", List.of("gpt-5.4"),
                    Map.of("k", new RunRecord.Scenario("said " + token.reveal(), "smoke.feature", "PASSED", null)), Map.of(), Map.of()),
                    new Redactor(List.of(token)));
        }
        List<RunRecord> runs = history.read().runs();
        assertThat(runs.size(), is(RunHistory.KEPT));
        assertThat(runs.get(0).finished(), is("run 3"));
        assertThat(history.read().previous().orElseThrow().finished(), is("run " + (RunHistory.KEPT + 2)));
        assertThat(Files.readString(history.file()), not(containsString(token.reveal())));
    }

    @Test
    void anUnreadableHistorySaysSoAndStartsOver(@TempDir Path dir) throws Exception {
        RunHistory history = new RunHistory(dir, "stub");
        Files.writeString(history.file(), "{ not a history");
        RunHistory.Kept kept = history.read();
        assertThat(kept.runs().isEmpty(), is(true));
        assertThat(kept.unreadable().orElseThrow(), containsString("could not be read"));
    }
}
