package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.testsupport.ChildRun;
import com.crazyrouter.coze.testsupport.InProcessRun;
import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Three nights against the stub gateway, the model scenarios only, one run history: the second night is the first
 * again and says nothing changed; on the third Crazyrouter's list has dropped claude-sonnet-4-6 and gpt-5.4's streaming
 * is broken (src/test/resources/history/second-night), and "Changed since the previous run" opens the summary with both.
 */
class RunHistoryIT {
    private static final Path WORK = Path.of("target", "run-history");
    private static final String MODELS = "@models";
    private static final String PLUGIN = "Coze API plugin (Create from API)";

    @Test
    void twoIdenticalNightsThenOneThatDropsAModelAndBreaksACapabilityOfAnother() throws Exception {
        ChildRun.deleteTree(WORK);
        Path history = WORK.resolve("history");

        String first = night("1", history, Optional.empty());
        assertThat(first, containsString("Nothing to compare with: this is the first run kept for this target"));

        String same = night("2", history, Optional.empty());
        assertThat(same, containsString("## Changed since the previous run\n\nNothing changed since the previous run ("));
        assertThat(same, containsString("**Verdict: green**"));

        String third = night("3", history, Optional.of(Path.of("src", "test", "resources", "history", "second-night", "mappings")));
        String changes = third.substring(third.indexOf("## Changed since the previous run"), third.indexOf("## Models × routes"));
        System.out.println(changes);
        assertThat(third, containsString("**Verdict: red**"));
        assertThat(changes, containsString("- **Left Crazyrouter's model list:** claude-sonnet-4-6"));
        assertThat(changes, containsString("- **gpt-5.4 / " + PLUGIN + " / streaming:** pass → fail"));
        assertThat(changes, containsString("- **gpt-5.4 / Coze workflow HTTP request node / streaming:** pass → fail"));
        assertThat(changes, containsString("- **Newly red:** No model under test has left Crazyrouter's model list — diagnosed as Common Errors 4"));
        assertThat(changes, containsString("- **Newly red:** gpt-5.4 through the API plugin"));
        assertThat("claude-sonnet-4-6 still answers: its cells did not change", changes, not(containsString("claude-sonnet-4-6 / ")));
        JsonNode json = Json.parse(Files.readString(WORK.resolve("3").resolve(SummaryWriter.CHANGES), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(json.path("modelsLeft").toString(), is("[\"claude-sonnet-4-6\"]"));
        JsonNode runs = Json.parse(Files.readString(history.resolve("stub.json"), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(runs.size(), is(3));
        assertThat("one key per scenario: an outline's rows are told apart by their example values", runs.get(2).path("scenarios").size(), is(7));
    }

    private static String night(String name, Path history, Optional<Path> overlay) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.TARGET, "stub");
        settings.put(Settings.REPORTS, WORK.resolve(name).toString());
        settings.put(Settings.HISTORY, history.toString());
        overlay.ifPresent(dir -> settings.put(Settings.STUB_OVERLAY, dir.toString()));
        InProcessRun.of(Settings.load(settings, Map.of()), WORK.resolve(name).resolve("rerun.txt"), MODELS);
        return Files.readString(WORK.resolve(name).resolve("summary.md"), StandardCharsets.UTF_8);
    }
}
