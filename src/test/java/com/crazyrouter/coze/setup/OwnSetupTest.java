package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup file a run is given (-Dcoze.setup) is read with the run's own dedicated token in it. */
class OwnSetupTest {
    @TempDir
    Path dir;

    @Test
    void aRunGivenNoSetupFileReadsNone() {
        assertThat(OwnSetup.read(stubRun(Map.of())).isPresent(), is(false));
        assertThat(OwnSetup.read(stubRun(Map.of(Settings.COZE_SETUP, "  "))).isPresent(), is(false));
    }

    @Test
    void theFilesTokenPlaceholderIsTheRunsDedicatedToken() {
        Settings settings = stubRun(Map.of(Settings.COZE_SETUP, "examples/workflow-node.good.yaml"));
        WorkflowHttpNode node = ((BuilderSetup.WorkflowSetup) OwnSetup.read(settings).orElseThrow()).node();
        assertThat(node.auth(), equalTo(new WorkflowHttpNode.BearerAuth(settings.token(TokenKind.DEDICATED).orElseThrow().reveal())));
    }

    @Test
    void aFileThatCannotBeReadNamesItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "openapi: 3.0.1\ninfo:\n  title: [broken\n  version: \"1\"\n");
        Settings settings = stubRun(Map.of(Settings.COZE_SETUP, bad.toString()));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> OwnSetup.read(settings));
        assertThat(e.getMessage(), startsWith(bad + ":4:"));
        assertThat(e.getMessage(), containsString("is not valid YAML"));
    }

    private static Settings stubRun(Map<String, String> properties) {
        Map<String, String> withTable = new HashMap<>(properties);
        withTable.put(Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString());
        return Settings.load(withTable, Map.of());
    }
}
