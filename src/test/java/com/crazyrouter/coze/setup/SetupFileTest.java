package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How each form of setup file is read (the examples and other shapes), and how keys and placeholders in it are treated. */
class SetupFileTest {
    /** An obvious fake, as in stubs/tokens.properties. */
    static final String TOKEN = "sk-fakeSetupFileToken0123456789";
    static final Map<String, String> SECRETS = Map.of("CRAZYROUTER_API_KEY", TOKEN);
    private static final List<PluginTool.Parameter> CHAT = List.of(new PluginTool.Parameter("model", "string", true),
            new PluginTool.Parameter("messages", "array", true));
    private static final String GOOD_BODY = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"{{escaped_input}}\"}]}";

    @TempDir
    Path dir;

    static BuilderSetup example(String name) {
        return SetupFile.read(Path.of("examples", name), SECRETS);
    }

    private Path file(String name, String text) throws IOException {
        return file(dir, name, text);
    }

    private ConfigurationException refused(String name, String text) throws IOException {
        return refused(dir, name, text);
    }

    /** A setup file with this text, in this folder; also for SetupFileRefusalTest. */
    static Path file(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** What SetupFile.read says when it refuses this text as a setup file. */
    static ConfigurationException refused(Path dir, String name, String text) throws IOException {
        Path file = file(dir, name, text);
        return assertThrows(ConfigurationException.class, () -> SetupFile.read(file, SECRETS));
    }

    // ---- the examples, parsed -------------------------------------------------------------------------------

    @Test
    void theGoodOpenApiPluginIsTheGuidesTool() {
        BuilderSetup.PluginSetup setup = (BuilderSetup.PluginSetup) example("plugin-openapi.good.yaml");
        assertThat(setup.tool(), equalTo(new PluginTool("https://crazyrouter.com", "/v1/chat/completions", "POST", CHAT,
                Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", "Bearer " + TOKEN)),
                List.of(new OutgoingRequest.Header("Content-Type", "application/json")))));
        assertThat(setup.tool().url(), equalTo("https://crazyrouter.com/v1/chat/completions"));
        assertThat(setup.importNotes(), equalTo(List.of()));
        assertThat(setup.toString(), not(containsString(TOKEN)));
    }

    @Test
    void theFullUrlAsServerJoinsToATrailingSlash() {
        PluginTool tool = ((BuilderSetup.PluginSetup) example("plugin-openapi.full-url-as-server.yaml")).tool();
        assertThat(tool.serverUrl(), equalTo("https://crazyrouter.com/v1/chat/completions"));
        assertThat(tool.path(), equalTo("/"));
        assertThat(tool.url(), equalTo("https://crazyrouter.com/v1/chat/completions/"));
    }

    @Test
    void theSecuritySchemeConventionGivesTheServiceTokenAsTyped() {
        PluginTool tool = ((BuilderSetup.PluginSetup) example("plugin-openapi.token-without-bearer.yaml")).tool();
        assertThat(tool.serviceToken(), equalTo(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", TOKEN))));
    }

    @Test
    void theGoodCurlIsImportedAsCozesImporterWould() {
        BuilderSetup.PluginSetup setup = (BuilderSetup.PluginSetup) example("curl.good.txt");
        assertThat(setup.tool(), equalTo(new PluginTool("https://crazyrouter.com", "/v1/chat/completions", "POST", CHAT, Optional.empty(),
                List.of(new OutgoingRequest.Header("Content-Type", "application/json")))));
    }

    @Test
    void aDataRawBodyIsDroppedAndThePastedAuthorizationBecomesAnInput() {
        BuilderSetup.PluginSetup setup = (BuilderSetup.PluginSetup) example("curl.data-raw.txt");
        assertThat(setup.tool().method(), equalTo("GET"));
        assertThat(setup.tool().parameters(), equalTo(List.of(new PluginTool.Parameter("Authorization", "string", true))));
        assertThat(setup.tool().serviceToken(), equalTo(Optional.empty()));
        assertThat(setup.importNotes(), hasItem(startsWith("--data-raw: Coze's plugin importer drops this body; the tool would send no body")));
        assertThat(setup.importNotes(), hasItem(startsWith("-H Authorization: Coze's plugin importer turns this header into a required tool input")));
    }

    @Test
    void theGoodWorkflowNodeIsReadFieldByField() {
        BuilderSetup.WorkflowSetup setup = (BuilderSetup.WorkflowSetup) example("workflow-node.good.yaml");
        assertThat(setup.node(), equalTo(new WorkflowHttpNode("https://crazyrouter.com/v1/chat/completions", "POST", WorkflowHttpNode.BodyType.JSON,
                GOOD_BODY, new WorkflowHttpNode.BearerAuth(TOKEN), List.of(), Duration.ofSeconds(120), 3)));
        assertThat(setup.toString(), not(containsString(TOKEN)));
    }

    @Test
    void theBrokenWorkflowExamplesReadAsWritten() {
        WorkflowHttpNode quote = ((BuilderSetup.WorkflowSetup) example("workflow-node.quote-breaks-body.yaml")).node();
        assertThat(quote.bodyTemplate(), containsString("\"content\":\"{{input}}\""));
        assertThat(quote.headers(), contains(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN),
                new OutgoingRequest.Header("Content-Type", "application/json")));
        assertThat(quote.auth(), instanceOf(WorkflowHttpNode.NoAuth.class));
        assertThat(quote.timeout(), equalTo(WorkflowHttpNode.DEFAULT_TIMEOUT));
        assertThat(quote.retries(), equalTo(WorkflowHttpNode.DEFAULT_RETRIES));
        assertThat(((BuilderSetup.WorkflowSetup) example("workflow-node.bearer-bearer.yaml")).node().auth(),
                equalTo(new WorkflowHttpNode.BearerAuth("Bearer " + TOKEN)));
        assertThat(((BuilderSetup.WorkflowSetup) example("workflow-node.stream-true.yaml")).node().bodyTemplate(), containsString("\"stream\":true"));
    }

    // ---- other shapes of the three forms --------------------------------------------------------------------

    @Test
    void anOpenApiDocumentInJsonWithAHeaderParameterAndRefs() throws IOException {
        Path file = file("plugin.json", """
                {"openapi": "3.0.1", "info": {"title": "t", "description": "d", "version": "v1"},
                 "servers": [{"url": "https://crazyrouter.com/v1/"}],
                 "paths": {"/chat/completions": {"post": {"operationId": "chat", "summary": "s",
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}},
                   "parameters": [{"name": "Authorization", "in": "header", "schema": {"type": "string", "default": "Bearer {{CRAZYROUTER_API_KEY}}"}},
                                  {"name": "X-Trace", "in": "header", "example": "coze", "schema": {"type": "string"}}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}}}}},
                 "components": {"schemas": {"Chat": {"type": "object", "required": ["model"],
                   "properties": {"model": {"type": "string"}, "messages": {"$ref": "#/components/schemas/Messages"}, "max_tokens": {"type": "integer"}}},
                   "Messages": {"type": "array", "items": {"type": "object"}}}}}
                """);
        PluginTool tool = ((BuilderSetup.PluginSetup) SetupFile.read(file, SECRETS)).tool();
        assertThat(tool.url(), equalTo("https://crazyrouter.com/v1//chat/completions"));
        assertThat(tool.parameters(), equalTo(List.of(new PluginTool.Parameter("model", "string", true), new PluginTool.Parameter("messages", "array", false),
                new PluginTool.Parameter("max_tokens", "integer", false))));
        assertThat(tool.serviceToken(), equalTo(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", "Bearer " + TOKEN))));
        assertThat(tool.headers(),
                equalTo(List.of(new OutgoingRequest.Header("Content-Type", "application/json"), new OutgoingRequest.Header("X-Trace", "coze"))));
    }

    @Test
    void aWorkflowNodeWithCustomAuthAndAListOfHeaders() throws IOException {
        Path file = file("node.yaml", """
                workflow-http-node:
                  url: "  https://crazyrouter.com/v1/chat/completions  "
                  method: post
                  body: {type: raw_text, template: '{"model":"gpt-5.4"}'}
                  auth: {type: custom, location: header, key: Authorization, value: "Bearer {{CRAZYROUTER_API_KEY}}"}
                  headers:
                    - {name: X-Trace, value: coze}
                  timeout: 90
                  retries: 0
                """);
        WorkflowHttpNode node = ((BuilderSetup.WorkflowSetup) SetupFile.read(file, SECRETS)).node();
        assertThat(node, equalTo(new WorkflowHttpNode("https://crazyrouter.com/v1/chat/completions", "POST", WorkflowHttpNode.BodyType.RAW_TEXT,
                "{\"model\":\"gpt-5.4\"}", new WorkflowHttpNode.CustomAuth(PluginTool.Location.HEADER, "Authorization", "Bearer " + TOKEN),
                List.of(new OutgoingRequest.Header("X-Trace", "coze")), Duration.ofSeconds(90), 0)));
    }

    // ---- secrets --------------------------------------------------------------------------------------------

    @Test
    void aRealLookingKeyIsRefusedWithItsPlaceButNeverEchoed() throws IOException {
        String key = "sk-" + "Zq7".repeat(16);
        ConfigurationException e = refused("leak.yaml", """
                workflow-http-node:
                  url: https://crazyrouter.com/v1/chat/completions
                  method: POST
                  auth: {type: bearer, token: "%s"}
                """.formatted(key));
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("leak.yaml") + ":4:"), containsString("{{CRAZYROUTER_API_KEY}}"),
                containsString("rotate"), not(containsString(key)), not(containsString(key.substring(3, 20)))));
    }

    @Test
    void aLongBearerCredentialIsRefusedAndNotEchoed() throws IOException {
        String credential = "eyJhbGciOiJIUzI1NiJ9abc123def456";
        ConfigurationException e = refused("leak.txt", "curl -X POST https://crazyrouter.com/v1/chat/completions \\\n  -H 'Authorization: Bearer "
                + credential + "'\n");
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("leak.txt") + ":2:"), not(containsString(credential))));
    }

    @Test
    void aKeyWithoutSkPrefixInACredentialFieldIsRefusedAndNotEchoed() throws IOException {
        String bare = "3fa85f64c2b14e7f9a1d0c3b5e7f9a1d";
        ConfigurationException e = refused("bare.yaml", """
                workflow-http-node:
                  url: https://crazyrouter.com/v1/chat/completions
                  method: POST
                  auth:
                    type: bearer
                    token: %s
                """.formatted(bare));
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("bare.yaml") + ":6:12: workflow-http-node.auth.token holds"), not(containsString(bare))));
    }

    @Test
    void theGuidesPlaceholderIsAllowed() throws IOException {
        Path file = file("placeholder.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  headers: {Authorization: Bearer sk-xxx}\n");
        WorkflowHttpNode node = ((BuilderSetup.WorkflowSetup) SetupFile.read(file, Map.of())).node();
        assertThat(node.headers(), contains(new OutgoingRequest.Header("Authorization", "Bearer sk-xxx")));
    }

    @Test
    void aPlaceholderWithoutItsSecretNamesTheVariable() throws IOException {
        Path file = file("node.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  auth: {type: bearer, token: \"{{CRAZYROUTER_API_KEY}}\"}\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SetupFile.read(file, Map.of()));
        assertThat(e.getMessage(), allOf(startsWith(file + ":4:"), containsString("needs the secret CRAZYROUTER_API_KEY, which was not given")));
    }

    // ---- environment references are placeholders (issue 20) ---------------------------------------------------

    @Test
    void theApiDocsCurlWithAnEnvironmentReferenceIsReadNotRefused() {
        BuilderSetup.PluginSetup setup = (BuilderSetup.PluginSetup) example("curl.api-docs.txt");
        assertThat(setup.tool().parameters(), hasItem(new PluginTool.Parameter("Authorization", "string", true)));
        assertThat(setup.tool().method(), equalTo("POST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$CRAZYROUTER_API_KEY", "${CRAZYROUTER_API_KEY}", "{{CRAZYROUTER_API_KEY}}"})
    void eachPlaceholderFormIsFilledWithTheSecret(String placeholder) throws IOException {
        Path file = file("node.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  body: {type: json, template: '{\"model\":\"gpt-5.4\",\"messages\":[]}'}\n  headers: {Authorization: \"Bearer " + placeholder + "\"}\n");
        WorkflowHttpNode node = ((BuilderSetup.WorkflowSetup) SetupFile.read(file, SECRETS)).node();
        assertThat(node.headers(), contains(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN)));
    }

    @Test
    void anEnvironmentReferenceWithoutItsSecretNamesItAsWritten() throws IOException {
        Path file = file("curl.txt", "curl https://crazyrouter.com/v1/chat/completions -H \"Authorization: Bearer $OTHER_KEY\"\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SetupFile.read(file, SECRETS));
        assertThat(e.getMessage(), allOf(startsWith(file + ":1:"), containsString("$OTHER_KEY needs the secret OTHER_KEY"), not(containsString("rotate"))));
    }

    @Test
    void theNameOfAKeyWrittenWhereTheKeyGoesIsAStandInNotALeak() throws IOException {
        Path file = file("node.yaml", "workflow-http-node:\n  url: https://crazyrouter.com/v1/chat/completions\n  method: POST\n"
                + "  body: {type: json, template: '{\"model\":\"gpt-5.4\",\"messages\":[]}'}\n  headers: {Authorization: \"Bearer YOUR_CRAZYROUTER_API_KEY\"}\n");
        BuilderSetup setup = SetupFile.read(file, SECRETS);
        SetupCheck.Line authorization = SetupCheck.check(setup).get(3);
        assertThat(authorization.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(authorization.finding(), containsString("still the guide's placeholder"));
        assertThat(authorization.fix(), not(containsString("rotate")));
    }

    @Test
    void aRealKeyNextToAnEnvironmentReferenceIsStillRefused() throws IOException {
        String key = "sk-" + "Zq7".repeat(16);
        ConfigurationException e = refused("leak.txt", "curl https://crazyrouter.com/v1/chat/completions -H \"Authorization: Bearer " + key
                + "\" -H \"X-Other: $CRAZYROUTER_API_KEY\"\n");
        assertThat(e.getMessage(), allOf(containsString("rotate"), not(containsString(key.substring(3, 20)))));
    }

    // ---- a model fixed in the plugin, and what reaches the next node ------------------------------------------

    @Test
    void aHiddenModelDefaultIsWhatCozeFillsAndSends() {
        BuilderSetup.PluginSetup fixed = (BuilderSetup.PluginSetup) example("plugin-openapi.model-misspelled.yaml");
        assertThat(fixed.filledByCoze(), equalTo(Map.of("model", "gpt-5.4o")));
        assertThat(fixed.hiddenFromModel(), equalTo(List.of("model")));
        assertThat(fixed.fixedModel(), equalTo(Optional.of("gpt-5.4o")));
        assertThat(example("plugin-openapi.good.yaml").fixedModel(), equalTo(Optional.empty()));
        assertThat(example("workflow-node.model-misspelled.yaml").fixedModel(), equalTo(Optional.of("GPT-5.4")));
        assertThat(example("workflow-node.good.yaml").fixedModel(), equalTo(Optional.of("gpt-5.4")));
    }

    @Test
    void onlyAResponseThatDeclaresTheReplyHandsItOn() {
        assertThat(((BuilderSetup.PluginSetup) example("plugin-openapi.good.yaml")).replyTextInOutput(), equalTo(true));
        assertThat(((BuilderSetup.PluginSetup) example("plugin-openapi.reply-not-declared.yaml")).replyTextInOutput(), equalTo(false));
    }
}
