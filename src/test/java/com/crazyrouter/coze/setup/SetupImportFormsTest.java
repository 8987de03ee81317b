package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swagger 2.0 files and Postman collections read as Coze's Import converts them, and a file with several tools. */
class SetupImportFormsTest {
    private static final String TOKEN = SetupFileTest.TOKEN;
    private static final List<PluginTool.Parameter> CHAT = List.of(new PluginTool.Parameter("model", "string", true),
            new PluginTool.Parameter("messages", "array", true));

    @TempDir
    Path dir;

    private static BuilderSetup.PluginSetup example(String name) {
        return (BuilderSetup.PluginSetup) SetupFileTest.example(name);
    }

    private BuilderSetup.PluginSetup read(String name, String text) throws IOException {
        return (BuilderSetup.PluginSetup) SetupFile.read(SetupFileTest.file(dir, name, text), SetupFileTest.SECRETS);
    }

    private ConfigurationException refused(String name, String text) throws IOException {
        return SetupFileTest.refused(dir, name, text);
    }

    // ---- Swagger 2.0 (openapi2conv.ToV3) --------------------------------------------------------------------------

    @Test
    void theGoodSwaggerFileIsTheGuidesToolOnHostBasePathAndScheme() {
        BuilderSetup.PluginSetup setup = example("swagger2.good.yaml");
        assertThat(setup.tool(), equalTo(new PluginTool("https://crazyrouter.com/v1", "/chat/completions", "POST", CHAT,
                Optional.of(new PluginTool.ServiceToken(PluginTool.Location.HEADER, "Authorization", "Bearer " + TOKEN)),
                List.of(new OutgoingRequest.Header("Content-Type", "application/json")))));
        assertThat(setup.replyTextInOutput(), equalTo(true));
        assertThat(setup.importNotes(), hasItem(allOf(containsString("This check judges POST /chat/completions (chat_completions)"),
                containsString("Not judged: GET /models (list_models)"))));
    }

    @Test
    void aSwaggerFileWithoutBasePathGetsAServerEndingInASlash() {
        assertThat(example("swagger2.no-base-path.yaml").tool().url(), equalTo("https://crazyrouter.com//v1/chat/completions"));
    }

    private static final String SWAGGER = """
            swagger: "2.0"
            info: {title: t, version: v1}
            host: crazyrouter.com
            basePath: /v1
            schemes: [https]
            consumes: [application/json]
            paths:
              /chat/completions:
                post:
                  parameters: [{in: body, name: body, schema: {type: object, properties: {model: {type: string}, messages: {type: array}}}}]
                  responses: {"200": {description: ok}}
            """;

    @Test
    void aSwaggerResponseWithoutSchemaGetsCozesDefaultAndFailsChecklistEight() throws IOException {
        BuilderSetup.PluginSetup setup = read("no-schema.yaml", SWAGGER);
        assertThat(setup.replyTextInOutput(), equalTo(false));
        assertThat(setup.importNotes(), hasItem(containsString("replaces its responses with Coze's default")));
        assertThat(SetupCheck.check(setup).get(7).verdict(), equalTo(SetupCheck.Verdict.FAILED));
    }

    @Test
    void twoSchemesAreTwoServersWhichCozeRefuses() throws IOException {
        ConfigurationException e = refused("schemes.yaml", SWAGGER.replace("schemes: [https]", "schemes: [http, https]"));
        assertThat(e.getMessage(), allOf(startsWith(dir.resolve("schemes.yaml") + ": Coze's Import refuses this Swagger 2.0 file (1 problem"),
                containsString("server is required and only one server is allowed")));
    }

    @Test
    void aBodyWithoutConsumesIsFiledUnderAnyMediaTypeWhichCozeRefuses() throws IOException {
        ConfigurationException e = refused("consumes.yaml", SWAGGER.replace("consumes: [application/json]\n", ""));
        assertThat(e.getMessage(), containsString("invalid media type, request body only the following types"));
    }

    @Test
    void theFilesProducesIsNotReadForTheRepliesOnlyTheOperations() throws IOException {
        String text = SWAGGER.replace("responses: {\"200\": {description: ok}}", "responses: {\"200\": {description: ok, schema: {type: object}}}");
        assertThat(read("produces.yaml", text.replace("consumes:", "produces: [text/plain]\nconsumes:")).importNotes(),
                hasItem(containsString("The file's produces (text/plain) is not read for the replies")));
        ConfigurationException e = refused("op-produces.yaml", text.replace("      parameters:", "      produces: [text/plain]\n      parameters:"));
        assertThat(e.getMessage(), containsString("response only supports 'application/json' media type"));
    }

    // ---- Postman collections (PostmanToOpenapi3Doc) -----------------------------------------------------------------

    @Test
    void theGoodCollectionIsTheGuidesToolWithoutAuthAndWithItsBodyKeys() {
        BuilderSetup.PluginSetup setup = example("postman.good.json");
        assertThat(setup.tool(), equalTo(new PluginTool("https://crazyrouter.com", "/v1/chat/completions", "POST", CHAT, Optional.empty(),
                List.of(new OutgoingRequest.Header("Content-Type", "application/json")))));
        assertThat(setup.fixedModel(), equalTo(Optional.empty()));
        assertThat(setup.importNotes(), hasItem(containsString("The collection's auth is not imported")));
    }

    @Test
    void everyHeaderBecomesARequiredInputItsValueDropped() {
        BuilderSetup.PluginSetup setup = example("postman.authorization-header.json");
        assertThat(setup.tool().parameters().subList(0, 2), equalTo(List.of(new PluginTool.Parameter("Authorization", "string", true),
                new PluginTool.Parameter("Content-Type", "string", true))));
        assertThat(String.join(" ", setup.importNotes()), not(containsString(TOKEN)));
    }

    private static final String COLLECTION = """
            {"info": {"_postman_id": "1", "name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "chat", "request": {"method": "POST", "header": [],
                "body": {"mode": "raw", "raw": "{\\"model\\": \\"gpt-5.4\\", \\"messages\\": [{\\"role\\": \\"user\\", \\"content\\": \\"hi\\"}]}",
                         "options": {"raw": {"language": "json"}}},
                "url": {"raw": "https://crazyrouter.com/v1/chat/completions", "host": ["crazyrouter", "com"], "path": ["v1", "chat", "completions"]}}}]}
            """;

    @Test
    void aCollectionsOwnVariablesAreNotSecretsAndAUrlStartingWithOneIsRefusedInCozesWords() throws IOException {
        String text = COLLECTION.replace("\"raw\": \"https://crazyrouter.com/v1/chat/completions\"", "\"raw\": \"{{baseUrl}}/v1/chat/completions\"");
        ConfigurationException e = refused("base-url.json", text);
        assertThat(e.getMessage(), allOf(containsString("invalid request url 'http://{{baseUrl}}/v1/chat/completions', url must start with 'http://' or "
                + "'https://'"), containsString("Coze resolves none of Postman's {{variables}}"), not(containsString("needs the secret"))));
    }

    @Test
    void aFolderMakesTheImportFail() throws IOException {
        String text = COLLECTION.replace("\"item\": [{\"name\": \"chat\",", "\"item\": [{\"name\": \"folder\", \"item\": []}, {\"name\": \"chat\",");
        assertThat(refused("folder.json", text).getMessage(), allOf(containsString("is a folder"), containsString("invalid collection request schema")));
    }

    @Test
    void aRawBodyWithoutJsonOrTextLanguageIsDropped() throws IOException {
        BuilderSetup.PluginSetup setup = read("xml.json", COLLECTION.replace("\"language\": \"json\"", "\"language\": \"xml\""));
        assertThat(setup.tool().parameters(), equalTo(List.of()));
        assertThat(setup.importNotes(), hasItem(containsString("is dropped: Coze's Postman import reads a raw body only when its language is json or text")));
    }

    @Test
    void aCollectionWithoutItsPostmanIdIsNotRecognised() throws IOException {
        assertThat(refused("no-id.json", COLLECTION.replace("\"_postman_id\": \"1\", ", "")).getMessage(),
                containsString("is a Postman collection without a _postman_id"));
    }

    // ---- several tools ------------------------------------------------------------------------------------------

    @Test
    void aSettingNamesTheToolToJudge() throws IOException {
        Path file = SetupFileTest.file(dir, "two.yaml", SWAGGER.replace("responses: {\"200\": {description: ok}}",
                "responses: {\"200\": {description: ok}}\n    get:\n      operationId: peek\n      responses: {\"200\": {description: ok}}"));
        BuilderSetup.PluginSetup peek = (BuilderSetup.PluginSetup) SetupFile.read(file, SetupFileTest.SECRETS, Optional.of("peek"));
        assertThat(peek.tool().method(), equalTo("GET"));
        BuilderSetup.PluginSetup post = (BuilderSetup.PluginSetup) SetupFile.read(file, SetupFileTest.SECRETS, Optional.empty());
        assertThat(post.tool().method(), equalTo("POST"));
        assertThat(post.importNotes(), hasItem(containsString("Not judged: GET /chat/completions (peek)")));
    }
}
