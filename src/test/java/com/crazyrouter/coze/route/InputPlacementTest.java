package com.crazyrouter.coze.route;

import static com.crazyrouter.coze.route.PluginToolTest.PUBLIC;
import static com.crazyrouter.coze.route.PluginToolTest.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How each route puts what a bot user typed into the request (COZE.md 3 and 4.4: the plugin JSON-encodes parameter
 * values; COZE.md 2: the workflow node's template inserts them as raw text).
 */
class InputPlacementTest {

    @Test
    void thePluginsDefaultIsItsParameterMapping() {
        assertThat(InputPlacement.defaultFor(Route.PLUGIN), equalTo(InputPlacement.PLUGIN_PARAMETER_MAPPING));
    }

    @Test
    void theWorkflowNodesDefaultIsItsPlainTextBody() {
        assertThat(InputPlacement.defaultFor(Route.WORKFLOW), equalTo(InputPlacement.WORKFLOW_PLAIN_TEXT));
    }

    @Test
    void eachPlacementBelongsToItsRoute() {
        assertThat(InputPlacement.PLUGIN_PARAMETER_MAPPING.route(), equalTo(Route.PLUGIN));
        assertThat(InputPlacement.WORKFLOW_PLAIN_TEXT.route(), equalTo(Route.WORKFLOW));
        assertThat(InputPlacement.WORKFLOW_ESCAPED.route(), equalTo(Route.WORKFLOW));
    }

    @Test
    void thePluginAndThePlainTextBodyTakeTheInputAsTyped() {
        String typed = "Say \"hi\"\nthen\tstop C:\\Users";
        assertThat(InputPlacement.PLUGIN_PARAMETER_MAPPING.variable(typed), equalTo(typed));
        assertThat(InputPlacement.WORKFLOW_PLAIN_TEXT.variable(typed), equalTo(typed));
    }

    @Test
    void theEscapedVariableHoldsTheTextJsonEscapedWithoutItsQuotes() {
        assertThat(InputPlacement.WORKFLOW_ESCAPED.variable("Say \"hi\"\nC:\\Users\tx"), equalTo("Say \\\"hi\\\"\\nC:\\\\Users\\tx"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = UserInput.class, names = "OVERSIZED", mode = EnumSource.Mode.EXCLUDE)
    void anEscapedVariableInTheGuidesBodyParsesAndCarriesTheTextIntact(UserInput input) {
        String escaped = InputPlacement.WORKFLOW_ESCAPED.variable(input.text());
        OutgoingRequest request = WorkflowHttpNode.guide(TOKEN).render(Map.of("model", "gpt-5.4", "input", escaped), PUBLIC);
        assertThat(Json.parse(request.body()).orElseThrow().path("messages").path(0).path("content").asText(), equalTo(input.text()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(InputPlacement.class)
    void eachPlacementIsFoundByItsWords(InputPlacement placement) {
        assertThat(InputPlacement.fromWords(" " + placement.words().toUpperCase() + " "), equalTo(placement));
    }

    @Test
    void unknownWordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputPlacement.fromWords("a carrier pigeon"));
    }
}
