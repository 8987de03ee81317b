package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A capability probe that cannot run is no pass: the matrix row is not checked and the scenario is skipped, saying why. */
class ModelMatrixStepsTest {
    private static final String MODEL = "gemini-3-pro-preview";

    @Test
    void aModelNoTokenAtHandAllowsIsSkippedNotPassed() {
        Settings liveWithTheCozeTokenOnly = Settings.load(
                Map.of(Settings.TARGET, "live", Settings.BASE_URL, "http://127.0.0.1:9", Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()),
                Map.of("CRAZYROUTER_API_KEY", "sk-testMatrixDedicated00000000000000000000"));
        RunLedger ledger = new RunLedger();
        // No probe can run, so nothing reaches the Coze node: none is needed.
        ModelMatrixSteps steps = new ModelMatrixSteps(null, new Tokens(liveWithTheCozeTokenOnly), liveWithTheCozeTokenOnly, ledger);

        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> steps.probe(MODEL, Route.PLUGIN, true));

        assertThat(skipped.getMessage(), equalTo("Assumption failed: not checked: no token at hand allows " + MODEL
                + "; set CRAZYROUTER_UNRESTRICTED_API_KEY"));
        assertThat(ledger.cells().stream().map(Cell::verdict).toList(), contains(Cell.Verdict.NOT_PROBED));
    }
}
