package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Setup files refused before any check: malformed in their form, or a plugin Coze would refuse to save; each names its place. */
class SetupFileRefusalTest {
    private static final Map<String, String> SECRETS = SetupFileTest.SECRETS;

    /** The smallest plugin document Coze saves: every rule of docs/COZE.md §4.6 met. */
    private static final String SAVEABLE = """
            openapi: 3.0.1
            info: {title: t, description: d, version: v1}
            servers: [{url: https://crazyrouter.com}]
            paths:
              /v1/chat/completions:
                post:
                  operationId: chat
                  summary: s
                  responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return SetupFileTest.file(dir, name, text);
    }

    private ConfigurationException refused(String name, String text) throws IOException {
        return SetupFileTest.refused(dir, name, text);
    }

    // ---- malformed files --------------------------------------------------------------------------------------

    @Test
    void badYamlNamesTheLineAndColumn() throws IOException {
        ConfigurationException e = refused("bad.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  body: {type: json, template: 'x'\n  retries: 3\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("bad.yaml") + ":5:"), containsString("is not valid YAML")));
    }

    @Test
    void anUnknownBodyTypeNamesFileLineFieldAndTheAcceptedTypes() throws IOException {
        ConfigurationException e = refused("bad.yaml", """
                workflow-http-node:
                  url: https://crazyrouter.com/v1/chat/completions
                  method: POST
                  body:
                    type: jsn
                    template: '{}'
                """);
        assertThat(e.getMessage(), equalTo(dir.resolve("bad.yaml") + ":5:11: workflow-http-node.body.type 'jsn' must be one of "
                + "json, raw_text, empty, form_urlencoded, form_data, binary."));
    }

    @Test
    void aMissingUrlNamesTheFieldAndItsBlock() throws IOException {
        ConfigurationException e = refused("no-url.yaml", "# a node\nworkflow-http-node:\n  method: POST\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("no-url.yaml") + ":2:1: workflow-http-node.url is missing")));
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheKnownKeys() throws IOException {
        ConfigurationException e = refused("typo.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  heders: {Content-Type: application/json}\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("typo.yaml") + ":4:3: workflow-http-node.heders is not a known key here"),
                containsString("headers")));
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        ConfigurationException e = refused("twice.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  method: GET\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("twice.yaml") + ":4:3:"), containsString("'method' is given twice")));
    }

    @Test
    void aTimeoutBeyondCozesRangeIsRefused() throws IOException {
        ConfigurationException e = refused("slow.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  timeout: 5m\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("slow.yaml") + ":4:12: workflow-http-node.timeout '5m'"), containsString("0 to 180 s")));
    }

    @Test
    void aServerUrlIsQuotedInFullButALongOpaqueValueIsNot() throws IOException {
        ConfigurationException e = refused("ftp.yaml", SAVEABLE.replace("https://crazyrouter.com", "ftp://crazyrouter.com/v1/chat/completions"));
        assertThat(e.getMessage(), containsString("'ftp://crazyrouter.com/v1/chat/completions' needs http:// or https://"));
        assertThat(Where.shown("3fa85f64c2b14e7f9a1d0c3b5e7f9a1d"), equalTo("'[…]'"));
    }

    @Test
    void anOpenApiDocumentWithoutServersIsRefused() throws IOException {
        ConfigurationException e = refused("no-servers.yaml", SAVEABLE.replace("servers: [{url: https://crazyrouter.com}]\n", ""));
        assertThat(e.getMessage(),
                containsString(dir.resolve("no-servers.yaml") + ":1:1: servers: Coze says \"server is required and only one server is allowed\""));
    }

    @Test
    void anOpenApiDocumentWithTwoToolsNeitherOfThemChatIsRefusedWithHowToNameOne() throws IOException {
        ConfigurationException e = refused("two.yaml", SAVEABLE.replace("/v1/chat/completions:", "/v1/embeddings:")
                + "  /v1/models: {get: {operationId: models, summary: s, responses: {\"200\": {description: ok, content: {application/json: {schema: {type: object}}}}}}}\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("two.yaml") + ":4:1: paths holds 2 tools and none calls Crazyrouter's chat completions"),
                containsString("-Dcoze.setup.tool=OPERATION_ID"), containsString("POST /v1/embeddings (chat), GET /v1/models (models)")));
    }

    @Test
    void aToolNamedBySettingThatIsNotInTheFileIsRefused() throws IOException {
        Path two = file("named.yaml", SAVEABLE);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SetupFile.read(two, SECRETS, java.util.Optional.of("nope")));
        assertThat(e.getMessage(), allOf(containsString("has no tool named 'nope'"), containsString("POST /v1/chat/completions (chat)")));
    }

    @Test
    void aSwaggerHostWithAPathIsRefusedInKinOpenapisWords() throws IOException {
        ConfigurationException e = refused("swagger.yaml", "swagger: '2.0'\nhost: crazyrouter.com/v1\npaths: {}\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("swagger.yaml") + ":2:7: host is"),
                containsString("This MUST be the host only and does not include the scheme nor sub-paths.")));
    }

    @Test
    void aCurlWithoutUrlIsRefused() throws IOException {
        ConfigurationException e = refused("no-url.txt", "curl -X POST -H 'Content-Type: application/json' -d '{\"model\":\"gpt-5.4\"}'\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("no-url.txt") + ":1:1: the cURL command has no URL"),
                containsString("url must start with 'http://' or 'https://'")));
    }

    @Test
    void aCurlWithAnOpenQuoteNamesWhereItOpens() throws IOException {
        ConfigurationException e = refused("quote.txt", "curl https://crazyrouter.com/v1/chat/completions \\\n  -d '{\"model\":\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("quote.txt") + ":2:6:"), containsString("never closed")));
    }

    @Test
    void anUnknownFormListsTheFiveAcceptedForms() throws IOException {
        ConfigurationException e = refused("what.yaml", "model: gpt-5.4\nurl: https://crazyrouter.com\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("what.yaml") + ": is not a setup file this check knows"), containsString("model, url"),
                containsString("OpenAPI 3"), containsString("Swagger 2.0"), containsString("Postman collection"), containsString("cURL"),
                containsString("workflow-http-node")));
    }

    @Test
    void anEmptyOrMissingFileSaysSo() throws IOException {
        assertThat(refused("empty.yaml", "  \n").getMessage(), containsString("is empty"));
        Path missing = dir.resolve("nope.yaml");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SetupFile.read(missing, SECRETS));
        assertThat(e.getMessage(), allOf(startsWith(missing + ": no such setup file"), containsString("OpenAPI 3")));
    }

    // ---- what Coze requires to save a plugin (docs/COZE.md §4.6) ------------------------------------------------

    @Test
    void theSaveableSkeletonIsSaved() throws IOException {
        assertThat(SetupFile.read(file("ok.yaml", SAVEABLE), SECRETS), instanceOf(BuilderSetup.PluginSetup.class));
    }

    @Test
    void aPluginCozesImportRefusesListsWhatImportRefusesAndWhatItFillsIn() {
        Path file = Path.of("examples", "plugin-openapi.coze-refuses-to-save.yaml");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SetupFile.read(file, SECRETS));
        assertThat(e.getMessage(), allOf(startsWith(file + ": Coze's Import refuses this OpenAPI 3 document (1 problem"),
                containsString("Coze says \"response only supports 'application/json' media type\""),
                containsString("the 'application/json' media type is not defined in response"),
                containsString("What Import fills in itself"), containsString("info.description is empty: Import uses the title"),
                containsString("POST /v1/chat/completions has no operationId")));
        assertThat(e.getMessage(), not(containsString("operationID is required")));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "'servers: [{url: https://crazyrouter.com}]' | 'servers: [{url: https://crazyrouter.com}, {url: https://b.example}]' | only one server is allowed",
            "'servers: [{url: https://crazyrouter.com}]' | 'servers: [{url: crazyrouter.com}]' | invalid server url 'crazyrouter.com'",
            "'  /v1/chat/completions:' | '  v1/chat/completions:' | does not start with a forward slash (/)",
            "'application/json: {schema: {type: object}}' | 'text/plain: {schema: {type: string}}' | response only supports 'application/json' media type",
            "'application/json: {schema: {type: object}}' | 'application/json: {schema: {type: array}}' | response body only supports 'object' type",
            "'{\"200\": {description: ok,' | '{\"200\": {description: ok, content: {application/json: {schema: {type: object}}}}, \"404\": {description: no,' | response only supports '200' status",
            "'{\"200\": {description: ok,' | '{\"200\": {' | a short description of the response is required",
            "'      responses: {\"200\": {description: ok, content: {application/json: {schema: {type: object}}}}}' | '' | value of responses must be an object",
            "'      summary: s' | '      summary: s\n      requestBody: {content: {application/json: {schema: {type: object}}, application/x-www-form-urlencoded: {schema: {type: object}}}}' | request body only supports one media type",
            "'      summary: s' | '      summary: s\n      requestBody: {content: {text/plain: {schema: {type: object}}}}' | 'invalid media type, request body only the following types: [application/json, '",
            "'      summary: s' | '      summary: s\n      requestBody: {content: {application/json: {schema: {type: array}}}}' | request body only supports 'object' type",
            "'      summary: s' | '      summary: s\n      parameters: [{name: q, in: query, schema: {type: object}}]' | the type of parameter 'q' cannot be 'object'",
            "'      summary: s' | '      summary: s\n      parameters: [{name: q, in: body, schema: {type: string}}]' | the location of parameter 'q' cannot be 'body'",
            "'      summary: s' | '      summary: s\n      parameters: [{name: q, in: query}]' | parameter schema is required",
    })
    void eachRuleCozesImportKeepsIsEnforcedInCozesWords(String from, String to, String cozeSays) throws IOException {
        String text = edited(from, to);
        ConfigurationException e = refused("rule.yaml", text);
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("rule.yaml") + ": Coze's Import refuses this OpenAPI 3 document (1 problem;"),
                containsString(cozeSays), containsString(dir.resolve("rule.yaml") + ":")));
    }

    /** Rules the code editor enforces on a pasted document, which Import first completes (fillNecessaryInfoForOpenapi3Doc): read, with a note. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "'info: {title: t, description: d, version: v1}' | 'info: {title: t, version: v1}' | the description of info is required | Import uses the title, \"t\"",
            "'info: {title: t, description: d, version: v1}' | 'info: {description: d, version: v1}' | the title of info is required | \"title is required\"",
            "'info: {title: t, description: d, version: v1}' | 'info: {title: t, description: d}' | value of version must be a non-empty string | Import writes v1",
            "'info: {title: t, description: d, version: v1}' | '' | invalid info: must be an object | There is no info",
            "'      operationId: chat' | '' | operationID is required | random 6-character one",
            "'      summary: s' | '' | summary is required | Import uses its operationId, chat",
            "'{\"200\": {description: ok,' | '{\"201\": {description: ok,' | response only supports '200' status | replaces its responses with Coze's default",
    })
    void eachRuleImportCompletesIsANoteQuotingTheCodeEditor(String from, String to, String editorSays, String importFills) throws IOException {
        BuilderSetup.PluginSetup setup = (BuilderSetup.PluginSetup) SetupFile.read(file("filled.yaml", edited(from, to)), SECRETS);
        assertThat(String.join("\n", setup.importNotes()), allOf(containsString("Import fills in: "), containsString(importFills),
                containsString("Pasted into Coze's code editor as written (not imported), this document would be refused"), containsString(editorSays)));
    }

    private String edited(String from, String to) {
        String text = SAVEABLE.replace(from.replace("\\n", "\n") + (to.isEmpty() ? "\n" : ""), to.replace("\\n", "\n"));
        assertThat("the test's edit applies", text, not(equalTo(SAVEABLE)));
        return text;
    }
}
