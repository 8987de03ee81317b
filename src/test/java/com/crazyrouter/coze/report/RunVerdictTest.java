package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.run.RunStop;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A run that stopped early or checked nothing is red, and says what ran and what did not. */
class RunVerdictTest {
    private static final RunStop.Stop DEADLINE = new RunStop.Stop("the run deadline of 10 min passed (crazyrouter.runDeadline)",
            "The run deadline of 10 min passed (crazyrouter.runDeadline): scenarios not yet started were skipped.");
    private final RunLedger ledger = new RunLedger();

    @Test
    void aRunThatStoppedEarlySaysWhyWhatRanAndWhatDidNot() {
        finished(1, "PASSED", "");
        finished(2, "PASSED", "");
        finished(3, "FAILED", "");
        finished(4, "SKIPPED", "Skipped: this scenario needs the embedded stub gateway");
        finished(5, "SKIPPED", DEADLINE.notRun());
        finished(6, "SKIPPED", DEADLINE.skipped() + "; POST https://crazyrouter.com/v1/chat/completions was not sent.");

        String red = RunVerdict.redWithoutARedScenario(ledger, Optional.of(DEADLINE), OptionalLong.of(10)).orElseThrow();

        assertThat(red, allOf(startsWith("This run stopped early. " + DEADLINE.message()),
                endsWith(" Of 10 scenarios, 4 ran (2 passed, 1 failed, 1 skipped) and 6 did not run or were cut short.")));
    }

    @Test
    void aRunKilledBeforeItsFirstScenarioEndedSaysNoneRan() {
        String red = RunVerdict.redWithoutARedScenario(ledger, Optional.of(DEADLINE), OptionalLong.of(101)).orElseThrow();

        assertThat(red, endsWith(" Of 101 scenarios, 0 ran and 101 did not run or were cut short."));
    }

    @Test
    void aRunInWhichEveryScenarioWasSkippedCheckedNothingAndSaysWhy() {
        for (int line = 1; line <= 12; line++) {
            finished(line, "SKIPPED", "Skipped: this scenario needs the embedded stub gateway (it sets the gateway's state).");
        }
        finished(13, "SKIPPED", "Skipped: this scenario needs an expired token; set CRAZYROUTER_EXPIRED_API_KEY");

        String red = RunVerdict.redWithoutARedScenario(ledger, Optional.empty(), OptionalLong.of(13)).orElseThrow();

        assertThat(red, equalTo("Nothing was checked: all 13 scenarios were skipped — 12 × \"this scenario needs the embedded stub gateway (it sets "
                + "the gateway's state)\"; 1 × \"this scenario needs an expired token; set CRAZYROUTER_EXPIRED_API_KEY\". A run that checks nothing is "
                + "not green: select scenarios this run can check (README, \"Run part of it\")."));
    }

    @Test
    void aRunWithOneScenarioCheckedOrNoneAtAllIsLeftToItsScenarios() {
        assertThat("an empty selection fails the run on its own", RunVerdict.redWithoutARedScenario(ledger, Optional.empty(), OptionalLong.empty()),
                equalTo(Optional.empty()));
        finished(1, "SKIPPED", "Skipped: this scenario needs the embedded stub gateway");
        finished(2, "PASSED", "");

        assertThat(RunVerdict.redWithoutARedScenario(ledger, Optional.empty(), OptionalLong.of(2)), equalTo(Optional.empty()));
    }

    @Test
    void aStopOutranksNothingChecked() {
        finished(1, "SKIPPED", DEADLINE.notRun());

        assertThat(RunVerdict.redWithoutARedScenario(ledger, Optional.of(DEADLINE), OptionalLong.of(1)).orElseThrow(),
                containsString("This run stopped early."));
    }

    private void finished(int line, String status, String skipReason) {
        String location = "file:///features/f.feature:" + line;
        ledger.record(new RunLedger.ScenarioResult(location, "Scenario " + line, List.of("@smoke"), status, "Both routes", "gpt-5.4"));
        if (!skipReason.isEmpty()) {
            ledger.recordSkipped(location, skipReason);
        }
    }
}
