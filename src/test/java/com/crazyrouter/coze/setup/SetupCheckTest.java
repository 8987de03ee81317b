package com.crazyrouter.coze.setup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupCheckTest {
    private static final String TOKEN = SetupFileTest.TOKEN;
    private static final Path FILE = Path.of("in-memory.yaml");
    private static final String BODY = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"{{escaped_input}}\"}]}";
    private static final WorkflowHttpNode NODE = new WorkflowHttpNode("https://crazyrouter.com/v1/chat/completions", "POST", BodyType.JSON, BODY,
            new WorkflowHttpNode.BearerAuth(TOKEN), List.of(), WorkflowHttpNode.DEFAULT_TIMEOUT, WorkflowHttpNode.DEFAULT_RETRIES);
    private static final PluginTool TOOL = PluginTool.guide(TOKEN).withHeaders(List.of(header("Content-Type", "application/json")));

    private static OutgoingRequest.Header header(String name, String value) {
        return new OutgoingRequest.Header(name, value);
    }

    private static SetupCheck.Line line(BuilderSetup setup, int number) {
        return SetupCheck.check(setup).get(number - 1);
    }

    private static SetupCheck.Line node(WorkflowHttpNode node, int number) {
        return line(new BuilderSetup.WorkflowSetup(FILE, node), number);
    }

    private static SetupCheck.Line plugin(PluginTool tool, int number) {
        return line(new BuilderSetup.PluginSetup(FILE, tool, List.of()), number);
    }

    private static String text(SetupCheck.Line line) {
        return line.finding() + " | " + line.cozeWill() + " | " + line.fix();
    }

    /** Verdicts of checklist lines 1 to 9: P passed, F failed, N not checkable from the file. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "plugin-openapi.good.yaml,                 NNPPPPNPN, 3, exactly the guide's URL",
            "plugin-openapi.full-url-as-server.yaml,   NNFPPPNPN, 3, (a trailing slash)",
            "plugin-openapi.token-without-bearer.yaml, NNPPPPNPN, 4, 'where the guide writes Bearer sk-…'",
            "curl.good.txt,                            NNPNPPNPN, 4, the file sets no auth",
            "curl.data-raw.txt,                        NNFFPFNNN, 6, which Coze's plugin importer drops",
            "workflow-node.good.yaml,                  NNPPPPNPN, 8, '{{escaped_input}}, which by this project''s convention'",
            "workflow-node.quote-breaks-body.yaml,     NNPPPPNFN, 8, 'the node fails inside Coze before sending'",
            "workflow-node.stream-true.yaml,           NNPPPFNPN, 6, raw event-stream text",
            "workflow-node.bearer-bearer.yaml,         NNPFPPNPN, 4, 'Bearer Bearer sk-…; Crazyrouter rejects it (401 unauthorized)'",
            "plugin-openapi.env-placeholder.yaml,      NNPPPPNPN, 4, 'Bearer sk-…: the guide''s form'",
            "curl.api-docs.txt,                        NNPFPPNPN, 4, 'Authorization is a tool input'",
            "plugin-openapi.model-fixed.yaml,          NNPPPPNPN, 6, 'the model is fixed to gpt-5.4 (its default, hidden from the bot''s model)'",
            "plugin-openapi.model-misspelled.yaml,     NNPPPFNPN, 6, 'The guide''s id is gpt-5.4; they differ in spelling'",
            "workflow-node.model-misspelled.yaml,      NNPPPFNPN, 6, 'they differ in upper/lower case'",
            "plugin-openapi.reply-not-declared.yaml,   NNPPPPNFN, 8, 'a bot or the next node only the fields the response declares'",
            "plugin-openapi.import-completes.yaml,     NNPPPPNPN, 3, exactly the guide's URL",
            "swagger2.good.yaml,                       NNPPPPNPN, 3, 'Server https://crazyrouter.com/v1 + tool path /chat/completions'",
            "swagger2.no-base-path.yaml,               NNFPPPNPN, 3, 'https://crazyrouter.com//v1/chat/completions (with \"//\")'",
            "postman.good.json,                        NNPNPPNPN, 4, the file sets no auth",
            "postman.authorization-header.json,        NNPFPPNPN, 4, 'Authorization is a tool input'",
    })
    void eachExampleGetsItsVerdicts(String example, String verdicts, int keyLine, String says) {
        List<SetupCheck.Line> lines = SetupCheck.check(SetupFileTest.example(example));
        assertThat(lines.stream().map(l -> l.line()).toList(), equalTo(List.of(ChecklistLine.values())));
        assertThat(lines.stream().map(l -> l.verdict().name().substring(0, 1)).collect(Collectors.joining()), equalTo(verdicts));
        assertThat(text(lines.get(keyLine - 1)), containsString(says));
        for (SetupCheck.Line l : lines) {
            assertThat(text(l), not(containsString(TOKEN.substring(3))));
            assertThat(l.finding(), not(equalTo("")));
            switch (l.verdict()) {
                case FAILED -> {
                    assertThat(l.line() + ": what Coze will do", l.cozeWill(), not(equalTo("")));
                    assertThat(l.line() + ": the fix", l.fix(), not(equalTo("")));
                }
                case NOT_CHECKABLE -> {
                    assertThat(l.finding(), startsWith("Not checkable from the file: "));
                    assertThat(l.fix(), startsWith("To confirm: "));
                }
                case PASSED -> assertThat(l.fix(), equalTo(""));
            }
        }
    }

    @Test
    void linesThatHappenOutsideTheFileAreNeverPassed() {
        for (BuilderSetup setup : List.of(new BuilderSetup.WorkflowSetup(FILE, NODE), new BuilderSetup.PluginSetup(FILE, TOOL, List.of()))) {
            for (int number : new int[]{1, 2, 7, 9}) {
                assertThat(line(setup, number).verdict(), equalTo(SetupCheck.Verdict.NOT_CHECKABLE));
            }
        }
    }

    // ---- checklist 3 -------------------------------------------------------------------------------------------

    @Test
    void aServerEndingInASlashAndAPathStartingWithOneGiveADoubleSlash() {
        SetupCheck.Line url = plugin(TOOL.withServer("https://crazyrouter.com/v1/", "/chat/completions"), 3);
        assertThat(url.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(url.finding(), containsString("https://crazyrouter.com/v1//chat/completions (with \"//\")"));
        assertThat(url.fix(), containsString("Change it to the full URL"));
    }

    @Test
    void httpAndTheWwwHostAreFlaggedAsGuesses() {
        SetupCheck.Line http = node(NODE.withUrl("http://crazyrouter.com/v1/chat/completions"), 3);
        assertThat(http.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(http), allOf(containsString("http://, not https://"), containsString("a guess")));
        SetupCheck.Line www = plugin(TOOL.withServer("https://www.crazyrouter.com", "/v1/chat/completions"), 3);
        assertThat(www.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(www), allOf(containsString("www.crazyrouter.com"), containsString("a guess")));
    }

    @Test
    void aShortPathOrAnotherHostIsNotTheGuidesUrl() {
        assertThat(text(node(NODE.withUrl("https://crazyrouter.com/v1"), 3)), containsString("missing /v1/chat/completions"));
        assertThat(text(node(NODE.withUrl("https://example.org/v1/chat/completions"), 3)), containsString("not to Crazyrouter"));
        assertThat(node(NODE.withUrl("{{base}}/v1/chat/completions"), 3).verdict(), equalTo(SetupCheck.Verdict.NOT_CHECKABLE));
    }

    // ---- checklist 4 -------------------------------------------------------------------------------------------

    @Test
    void handWrittenAuthorizationValuesAreJudgedAsCrazyrouterJudgesThem() {
        String[][] cases = {
                {"Bearer " + TOKEN, "PASSED", "the guide's form"},
                {"bearer " + TOKEN, "PASSED", "older ones answer 401"},
                {"Bearer  " + TOKEN, "PASSED", "Newer new-api releases accept it"},
                {"BEARER " + TOKEN, "PASSED", "where the guide writes \"Bearer·\""},
                {"Bearer " + TOKEN.substring(0, 10) + " " + TOKEN.substring(10), "FAILED", "space inside the token"},
                {"\"Bearer " + TOKEN + "\"", "FAILED", "quotes"},
                {"Bearer " + TOKEN + "\n", "FAILED", "refuses to send"},
                {"Bearer sk-xxx", "FAILED", "still the guide's placeholder"},
                {TOKEN, "PASSED", "strips an optional \"Bearer \" before it reads the key"},
                {"Bearer {{api_key}}", "FAILED", "fills no variables"},
        };
        for (String[] c : cases) {
            SetupCheck.Line auth = node(NODE.withAuth(new WorkflowHttpNode.NoAuth()).withHeaders(List.of(header("Authorization", c[0]))), 4);
            assertThat(c[0], auth.verdict().name(), equalTo(c[1]));
            assertThat(c[0], text(auth), allOf(containsString(c[2]), not(containsString(TOKEN.substring(3)))));
        }
    }

    @Test
    void theNodesAuthOverwritesAHandWrittenAuthorization() {
        SetupCheck.Line both = node(NODE.withHeaders(List.of(header("Authorization", "Bearer " + TOKEN))), 4);
        assertThat(both.verdict(), equalTo(SetupCheck.Verdict.PASSED));
        assertThat(both.finding(), containsString("overwrites the hand-written Authorization header"));
        SetupCheck.Line wrong = node(NODE.withAuth(new WorkflowHttpNode.CustomAuth(PluginTool.Location.HEADER, "Authorization", TOKEN))
                .withHeaders(List.of(header("Authorization", "Bearer " + TOKEN))), 4);
        assertThat(wrong.verdict(), equalTo(SetupCheck.Verdict.PASSED));
        assertThat(wrong.finding(), allOf(containsString("without \"Bearer \""), containsString("overwrites")));
    }

    @Test
    void aNodeWithoutAnyAuthorizationGets401() {
        SetupCheck.Line none = node(NODE.withAuth(new WorkflowHttpNode.NoAuth()), 4);
        assertThat(none.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(none), allOf(containsString("401"), containsString("Generate a new token and re-enter the Authorization header")));
    }

    @Test
    void aPluginsAuthorizationInputOrQueryTokenIsNotTheGuidesHeader() {
        PluginTool input = TOOL.withServiceToken(Optional.empty());
        input = new PluginTool(input.serverUrl(), input.path(), input.method(), List.of(new PluginTool.Parameter("Authorization", "string", true)),
                Optional.empty(), input.headers());
        assertThat(text(plugin(input, 4)), containsString("Authorization is a tool input"));
        SetupCheck.Line query = plugin(TOOL.withServiceToken(Optional.of(new PluginTool.ServiceToken(PluginTool.Location.QUERY, "key", TOKEN))), 4);
        assertThat(query.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(query.finding(), containsString("in the query"));
    }

    // ---- checklist 5 -------------------------------------------------------------------------------------------

    @Test
    void rawTextSendsTextPlainUnlessAHandWrittenContentTypeComesFirst() {
        SetupCheck.Line raw = node(NODE.withBody(BodyType.RAW_TEXT, BODY), 5);
        assertThat(raw.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(raw), allOf(containsString("text/plain"), containsString("cannot read the model name"),
                containsString("Set Content-Type to application/json")));
        SetupCheck.Line fixed = node(NODE.withBody(BodyType.RAW_TEXT, BODY).withHeaders(List.of(header("Content-Type", "application/json"))), 5);
        assertThat(fixed.verdict(), equalTo(SetupCheck.Verdict.PASSED));
        assertThat(fixed.finding(), containsString("Content-Type twice"));
    }

    @Test
    void anEmptyBodySendsNoContentTypeAndNoSmallestBody() {
        WorkflowHttpNode empty = NODE.withBody(BodyType.EMPTY, "");
        assertThat(node(empty, 5).verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(node(empty, 6).verdict(), equalTo(SetupCheck.Verdict.FAILED));
    }

    @Test
    void aFormPluginBodyIsNotJson() {
        SetupCheck.Line form = plugin(TOOL.withHeaders(List.of(header("Content-Type", CurlImport.FORM))), 5);
        assertThat(form.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(form), containsString("cannot read the model name"));
    }

    // ---- checklist 6 -------------------------------------------------------------------------------------------

    @Test
    void aTemplateThatIsNotJsonFailsInsideCoze() {
        SetupCheck.Line broken = node(NODE.withBody(BodyType.JSON, "{\"model\":\"gpt-5.4\",\"messages\":[],}"), 6);
        assertThat(broken.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(broken.cozeWill(), containsString("the node fails inside Coze"));
    }

    @Test
    void aBodyWithoutModelOrMessagesFails() {
        assertThat(text(node(NODE.withBody(BodyType.JSON, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 6)), containsString("no model"));
        assertThat(text(node(NODE.withBody(BodyType.JSON, "{\"model\":\"gpt-5.4\"}"), 6)), containsString("no messages"));
    }

    @Test
    void aModelVariableStillHasModelAndMessages() {
        SetupCheck.Line body = node(NODE.withBody(BodyType.JSON, WorkflowHttpNode.GUIDE_BODY.replace("{{input}}", "{{escaped_input}}")), 6);
        assertThat(body.verdict(), equalTo(SetupCheck.Verdict.PASSED));
        assertThat(body.finding(), containsString("the model comes from the variable {{model}}"));
    }

    @Test
    void aPluginThatRequiresStreamFails() {
        PluginTool streaming = new PluginTool(TOOL.serverUrl(), TOOL.path(), "POST", List.of(new PluginTool.Parameter("model", "string", true),
                new PluginTool.Parameter("messages", "array", true), new PluginTool.Parameter("stream", "boolean", true)), TOOL.serviceToken(), TOOL.headers());
        SetupCheck.Line body = plugin(streaming, 6);
        assertThat(body.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(body.cozeWill(), containsString("response is not object"));
        assertThat(plugin(TOOL, 6).verdict(), equalTo(SetupCheck.Verdict.PASSED));
    }

    // ---- checklist 8 -------------------------------------------------------------------------------------------

    @Test
    void theGuidesBodyFailsOnInputButItsModelVariableIsNotBlamed() {
        SetupCheck.Line input = node(NODE.withBody(BodyType.JSON, WorkflowHttpNode.GUIDE_BODY), 8);
        assertThat(input.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(input.finding(), allOf(containsString("{{input}}"), not(containsString("{{model}}"))));
        assertThat(input.fix(), allOf(containsString("code node"), containsString("parameter mapping")));
    }

    @Test
    void aFixedStringBodyCannotShowWhatInputDoes() {
        SetupCheck.Line fixed = node(NODE.withBody(BodyType.JSON, "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}"),
                8);
        assertThat(fixed.verdict(), equalTo(SetupCheck.Verdict.NOT_CHECKABLE));
    }

    // ---- the report --------------------------------------------------------------------------------------------

    @Test
    void theReportRendersATableForTheSummaryAndABlockForTheConsole() {
        SetupCheck.Report report = SetupCheck.Report.of(SetupFileTest.example("curl.data-raw.txt"));
        String markdown = report.markdown();
        assertThat(markdown, allOf(containsString("| Checklist line | Verdict | Finding | What Coze will do | Fix |"),
                containsString("| 6: Validated the smallest request body with gpt-5.4 | **FAILED** |"),
                containsString("| 1: Created a dedicated Crazyrouter token for Coze | not checkable from the file |"),
                containsString("- --data-raw: Coze's plugin importer drops this body"), not(containsString(TOKEN.substring(3)))));
        assertThat(markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Checklist")).count(), equalTo(9L));
        assertThat(markdown.lines().filter(l -> l.startsWith("| ")).allMatch(l -> l.replace("\\|", "").chars().filter(c -> c == '|').count() == 6),
                equalTo(true));
        String plain = report.plainText();
        assertThat(plain,
                allOf(startsWith("Setup check of examples/curl.data-raw.txt (Coze API plugin (Create from API)): 1 passed, 3 failed, 5 not checkable"),
                        containsString("  [FAILED] 6: Validated the smallest request body with gpt-5.4\n      finding: "),
                        containsString("      Coze will: "), containsString("      fix: ")));
        assertThat(report.anyFailed(), equalTo(true));
        assertThat(SetupCheck.Report.of(SetupFileTest.example("workflow-node.good.yaml")).anyFailed(), equalTo(false));
    }

    @Test
    void aMappingIntoTheNodesBodyStringFailsAndMappingTheWholeBodyPasses() {
        SetupCheck.Line mappedAsJson = line(new BuilderSetup.WorkflowSetup(FILE, NODE, Map.of("reply", "body.choices[0].message.content")), 8);
        assertThat(mappedAsJson.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(mappedAsJson), containsString("body output is a string"));
        assertThat(text(mappedAsJson), containsString("code node"));
        assertThat(line(new BuilderSetup.WorkflowSetup(FILE, NODE, Map.of("response", "body")), 8).verdict(), equalTo(SetupCheck.Verdict.PASSED));
    }

    @Test
    void theCheckIsPure() {
        BuilderSetup setup = SetupFileTest.example("plugin-openapi.good.yaml");
        assertThat(SetupCheck.check(setup), equalTo(SetupCheck.check(setup)));
    }

    // ---- a model fixed in the file (issue 20) -------------------------------------------------------------------

    @Test
    void aFixedModelFarFromTheGuidesIsNotedNotJudged() {
        BuilderSetup.PluginSetup other = new BuilderSetup.PluginSetup(FILE, TOOL, List.of(), Map.of("model", "deepseek-chat"), List.of(), true);
        SetupCheck.Line body = line(other, 6);
        assertThat(body.verdict(), equalTo(SetupCheck.Verdict.PASSED));
        assertThat(body.finding(), allOf(containsString("fixed to deepseek-chat"), containsString("is not one of the guide's")));
    }

    @Test
    void aFixedModelIsJudgedAgainstTheTableItIsGiven() {
        BuilderSetup.PluginSetup fixed = new BuilderSetup.PluginSetup(FILE, TOOL, List.of(), Map.of("model", "Claude-Sonnet-4.6"), List.of(), true);
        SetupCheck.Line body = SetupCheck.check(fixed, List.of("gpt-5.4", "claude-sonnet-4-6")).get(5);
        assertThat(body.verdict(), equalTo(SetupCheck.Verdict.FAILED));
        assertThat(text(body), allOf(containsString("The guide's id is claude-sonnet-4-6"), containsString("Common Errors @error-4"),
                containsString("whenever the caller leaves model empty"), not(containsString("Common Errors @error-3"))));
        assertThat(SetupCheck.check(fixed, List.of("Claude-Sonnet-4.6")).get(5).verdict(), equalTo(SetupCheck.Verdict.PASSED));
    }
}
