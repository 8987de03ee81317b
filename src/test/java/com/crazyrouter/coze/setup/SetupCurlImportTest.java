package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cURL form: what Coze's plugin importer makes of a pasted command. */
class SetupCurlImportTest {
    @TempDir
    Path dir;

    private BuilderSetup.PluginSetup imported(String curl) throws IOException {
        return (BuilderSetup.PluginSetup) SetupFile.read(Files.writeString(dir.resolve("pasted.txt"), curl), SetupFileTest.SECRETS);
    }

    @Test
    void dataWithoutContentTypeIsAFormBody() throws IOException {
        BuilderSetup.PluginSetup setup = imported("curl https://crazyrouter.com/v1/chat/completions -d 'model=gpt-5.4&messages=hi'");
        assertThat(setup.tool().method(), equalTo("POST"));
        assertThat(setup.tool().headers(), equalTo(List.of(new OutgoingRequest.Header("Content-Type", CurlImport.FORM))));
        assertThat(setup.tool().parameters(), equalTo(List.of(new PluginTool.Parameter("model", "string", true),
                new PluginTool.Parameter("messages", "string", true))));
    }

    @Test
    void aJsonBodysTopLevelKeysAreRequiredParametersTypedAsTheImporterTypesThem() throws IOException {
        BuilderSetup.PluginSetup setup = imported("""
                # pasted from a terminal
                curl -X POST https://crazyrouter.com/v1/chat/completions \\
                  -H 'content-type: application/json' \\
                  -d '{"model":"gpt-5.4","messages":[{"role":"user","content":"hi"}],"temperature":0.7,"stream":false,
                       "stop":[],"user":null,"response_format":{"type":"text"}}'
                """);
        assertThat(setup.tool().parameters(), equalTo(List.of(new PluginTool.Parameter("model", "string", true),
                new PluginTool.Parameter("messages", "array", true), new PluginTool.Parameter("temperature", "integer", true),
                new PluginTool.Parameter("stream", "boolean", true), new PluginTool.Parameter("response_format", "object", true))));
        assertThat(setup.importNotes(), hasItem(startsWith("body key stop has no type")));
        assertThat(setup.importNotes(), hasItem(startsWith("body key user has no type")));
    }

    @Test
    void headersCookiesAndQueryBecomeRequiredInputsWithoutValues() throws IOException {
        BuilderSetup.PluginSetup setup = imported("curl 'http://crazyrouter.com/v1/chat/completions?trace=1' -H 'x-trace-id: abc' -b 'session=1' "
                + "-H 'Content-Type: application/json' -d '{\"model\":\"gpt-5.4\"}'");
        // CurlToOpenapi3Doc keeps the scheme: urlSchema.Scheme + "://" + urlSchema.Host (checklist 3 then flags http://)
        assertThat(setup.tool().serverUrl(), equalTo("http://crazyrouter.com"));
        assertThat(setup.tool().parameters(), equalTo(List.of(new PluginTool.Parameter("X-Trace-Id", "string", true),
                new PluginTool.Parameter("Cookie", "string", true), new PluginTool.Parameter("trace", "string", true),
                new PluginTool.Parameter("model", "string", true))));
    }

    @Test
    void dataBinaryIsDroppedToo() throws IOException {
        BuilderSetup.PluginSetup setup = imported("curl -X POST https://crazyrouter.com/v1/chat/completions -H 'Content-Type: application/json' "
                + "--data-binary '{\"model\":\"gpt-5.4\"}'");
        assertThat(setup.tool().method(), equalTo("POST"));
        assertThat(setup.tool().parameters(), equalTo(List.of()));
        assertThat(setup.importNotes(), hasItem("--data-binary: Coze's plugin importer drops this body; the tool would send no body."));
    }

    @Test
    void anOptionGluedToItsValueIsNotUnderstood() throws IOException {
        BuilderSetup.PluginSetup setup = imported("curl -XPOST https://crazyrouter.com/v1/chat/completions");
        assertThat(setup.tool().method(), equalTo("GET"));
        assertThat(setup.importNotes(), hasItem(containsString("glued to its value")));
    }

    @Test
    void aJsonContentTypeWithACharsetIsRefusedByTheImporter() throws IOException {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> imported(
                "curl https://crazyrouter.com/v1/chat/completions -H 'Content-Type: application/json; charset=utf-8' \\\n  -d '{\"model\":\"gpt-5.4\"}'"));
        assertThat(e.getMessage(), startsWith(dir.resolve("pasted.txt") + ":2:6: -d is sent as Content-Type"));
        assertThat(e.getMessage(), containsString("unsupported request media type"));
    }

    @Test
    void aJsonBodyThatIsNotAnObjectIsRefusedByTheImporter() throws IOException {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> imported(
                "curl https://crazyrouter.com/v1/chat/completions -H 'Content-Type: application/json' -d '[1,2]'"));
        assertThat(e.getMessage(), containsString("request body only supports 'object' type"));
    }

    @Test
    void wordsSplitAsAShellSplitsThem() {
        List<CurlImport.Word> words = CurlImport.split(Where.file(Path.of("x.txt")),
                "curl \"a \\\"b\\\"\" 'c d' e\\ f \\\n  g # a comment\nh");
        assertThat(words.stream().map(CurlImport.Word::text).toList(), equalTo(List.of("curl", "a \"b\"", "c d", "e f", "g", "h")));
        assertThat(words.get(4).line(), equalTo(2));
        assertThat(words.get(4).column(), equalTo(3));
    }

    @Test
    void headerNamesAreCanonicalAsGoWritesThem() {
        assertThat(CurlImport.canonical("authorization"), equalTo("Authorization"));
        assertThat(CurlImport.canonical("x-API-key"), equalTo("X-Api-Key"));
    }
}
