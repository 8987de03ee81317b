package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.crazyrouter.coze.contract.Diagnosis;
import com.crazyrouter.coze.contract.Outcome;
import com.crazyrouter.coze.contract.RequestJournal;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.OnlyReply;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import io.cucumber.java.en.Then;
import java.util.Optional;

/** What the Coze builder sees come back. */
public class ReplySteps {
    private final ScenarioState state;
    private final CozeNode node;
    private final RequestJournal journal;
    private final RunLedger ledger;

    public ReplySteps(ScenarioState state, CozeNode node, RequestJournal journal, RunLedger ledger) {
        this.state = state;
        this.node = node;
        this.journal = journal;
        this.ledger = ledger;
    }

    /** A rejection's wording (its code or none, its message) is reported before the check, which never reads it. */
    @Then("{outcome}")
    public void outcome(Outcome outcome) {
        outcome.wording(state.lastAttempt(), node.allowlist()).ifPresent(w -> ledger.releaseFact(w.tried(), w.observed()));
        outcome.verify(state.lastAttempt(), node.allowlist(), node::listedModels);
        if (outcome.failsInCoze()) {
            journal.requestsMarked(state.mark()).ifPresent(arrived -> assertThat(
                    "Requests from this scenario in the stub gateway's request log: Coze failed before sending, so none may arrive", arrived, equalTo(0)));
        }
    }

    @Then("the reply text is available at choices[0].message.content")
    public void replyTextAtGuidePath() {
        GatewayReply reply = state.lastReply();
        ContractViolation.assertDiagnosed("Coze's output mapping reads the reply at choices[0].message.content. Reply: " + reply.describe(),
                reply.replyText().orElse(null), not(blankOrNullString()), Diagnosis.ofAReplyCheck(reply, CommonError.MAPPING_INCONSISTENT),
                state.lastAttempt().cozeShows());
    }

    /** Only the word, as guide/OnlyReply reads it: "look" or "OK, here is …" is another answer. */
    @Then("the reply says OK")
    public void replySaysOk() {
        String text = state.lastReply().replyText().orElse("");
        ContractViolation.assertDiagnosed("The model was asked to reply only OK, and a reply of only that word (any case, with a closing full stop at most) "
                + "is what standalone debugging should show; \"" + text + "\" is another answer. Reply: " + state.lastReply().describe(),
                OnlyReply.says("OK", text), equalTo(true), Diagnosis.ofAReplyCheck(state.lastReply(), ChecklistLine.STANDALONE_DEBUGGING),
                state.lastAttempt().cozeShows());
    }

    @Then("an output mapped to {string} finds no reply text")
    public void outputMappingFindsNothing(String path) {
        ContractViolation.assertThat(
                "An output mapping to '" + path + "' should find nothing in a chat reply (that mismatch is what breaks a plugin inside a bot)",
                state.lastReply().json().flatMap(json -> Json.at(json, path)).orElse(null), nullValue(), Optional.empty());
    }
}
