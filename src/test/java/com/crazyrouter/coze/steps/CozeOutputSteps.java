package com.crazyrouter.coze.steps;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.contract.Diagnosis;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.route.NodeOutputs;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.transport.GatewayReply;
import io.cucumber.java.en.Then;
import java.util.Optional;

/** What a Coze route hands on to the next node, and where the builder reads the reply text. */
public class CozeOutputSteps {
    private final ScenarioState state;

    public CozeOutputSteps(ScenarioState state) {
        this.state = state;
    }

    /**
     * Decided from what Coze hands on for the answer received: the body string holds the reply at
     * choices[0].message.content, and a mapping into the string misses it. A body with no reply in it is no mapping
     * mistake, and fails here with what the node handed on.
     */
    @Then("a downstream node that reads the node's body.choices[0].message.content finds nothing, though the body holds the reply")
    public void mappingTheBodyStringFindsNothing() {
        NodeOutputs outputs = NodeOutputs.of(state.lastReply());
        NodeOutputs.MappingIntoBody met = outputs.mappingIntoBody("choices[0].message.content");
        String why = switch (met) {
            case MISSES_THE_REPLY_IN_THE_STRING -> "";
            case FINDS_IT -> "A mapping into the node's body found the reply, so the body was handed on as an object; a workflow HTTP node hands "
                    + "it on as a string (coze-studio, httprequester).";
            case NO_REPLY_IN_THE_BODY -> "The node's body holds no reply at choices[0].message.content even once parsed, so there is nothing a "
                    + "mapping or a code node could find: the answer, not the mapping, is what broke.";
        };
        ContractViolation.assertThat("The workflow node's output body is the reply as a string: the reply text is inside it, and a mapping into it finds "
                + "nothing until a code node parses it. " + why + " Outputs: " + outputs.describe(), met,
                equalTo(NodeOutputs.MappingIntoBody.MISSES_THE_REPLY_IN_THE_STRING), Optional.of(CommonError.MAPPING_INCONSISTENT),
                state.lastAttempt().cozeShows());
    }

    @Then("after a code node parses the node's body, choices[0].message.content holds the reply")
    public void aCodeNodeParsesTheBody() {
        NodeOutputs outputs = NodeOutputs.of(state.lastReply());
        ContractViolation.assertThat("A code node that parses the body string finds the reply text at choices[0].message.content. Outputs: "
                + outputs.describe(), outputs.parsedBody("choices[0].message.content"), not(blankOrNullString()), CommonError.MAPPING_INCONSISTENT);
    }

    @Then("the plugin tool fails because the reply is not a JSON object")
    public void pluginFailsOnAStream() {
        Attempt attempt = state.lastAttempt();
        ContractViolation.assertDiagnosed("Crazyrouter answered the stream (HTTP 200), and Coze's plugin accepts only a JSON object. " + attempt.cozeShows(),
                attempt.cozeShows(), containsString("response is not object"), streamFinding(), attempt.cozeShows());
    }

    @Then("the node passes on the raw event stream as its body, not a chat reply")
    public void nodePassesOnTheStream() {
        NodeOutputs outputs = NodeOutputs.of(state.lastReply());
        ContractViolation.assertDiagnosed("The workflow node reads the whole answer and passes it on as a string: the event stream's data: lines. Outputs: "
                + outputs.describe(), outputs.bodyIsEventStream(), equalTo(true), streamFinding(), state.lastAttempt().cozeShows());
    }

    /** Common Errors 5 for what Coze makes of a stream, unless a page from the site's front came instead: then that is what it was. */
    private Optional<Finding> streamFinding() {
        GatewayReply reply = state.lastReply();
        return reply.form().cameFromTheFront()
                ? Diagnosis.verdictOf(reply).map(Diagnosis.Verdict::finding)
                : Optional.of(Finding.of(CommonError.MAPPING_INCONSISTENT));
    }
}
