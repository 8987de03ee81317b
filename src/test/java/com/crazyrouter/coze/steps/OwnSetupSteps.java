package com.crazyrouter.coze.steps;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.UserInput;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.setup.DownstreamNode;
import com.crazyrouter.coze.setup.SetupCheck;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

/** A builder's own setup (-Dcoze.setup): checked against the Validation Checklist from the file, then sent through. */
public class OwnSetupSteps {
    private static final String GUIDE_MODEL = "gpt-5.4";
    private final ScenarioState state;
    private final CozeNode node;
    private final Settings settings;
    private final RunLedger ledger;
    private final BuilderSetup own;

    public OwnSetupSteps(ScenarioState state, CozeNode node, Settings settings, RunLedger ledger, BuilderSetup own) {
        this.state = state;
        this.node = node;
        this.settings = settings;
        this.ledger = ledger;
        this.own = own;
    }

    @Given("the builder's own Coze setup")
    public void ownSetup() {
        node.useOwnSetup(own);
        state.addressed(own.route().title(), model());
    }

    @Then("every Validation Checklist line that a setup file can show passes")
    public void everyCheckableLinePasses() {
        SetupCheck.Report report = SetupCheck.Report.of(own, settings.modelTable().models());
        report.lines().forEach(AllureSteps::step);
        AllureSteps.attach("Setup check", "text/markdown", report.markdown());
        ledger.note("Your Coze setup", report.markdown());
        List<SetupCheck.Line> failed = report.lines().stream().filter(l -> l.verdict() == SetupCheck.Verdict.FAILED).toList();
        // the FAILED lines by their titles: the report above says what each found, what Coze will do and the fix
        List<String> failedTitles = failed.stream().map(l -> l.line().title()).toList();
        ContractViolation.assertThat(report.plainText(), failedTitles, empty(), Optional.empty(), failed.isEmpty() ? "" : failed.get(0).cozeWill());
    }

    @When("the builder's setup sends {string}")
    public void ownSetupSends(String text) {
        node.send(InputPlacement.defaultFor(own.route()), model(), text);
    }

    @When("a bot user types {input} into the builder's setup")
    public void botUserTypes(UserInput input) {
        node.send(InputPlacement.defaultFor(own.route()), model(), input.text());
    }

    /** What the setup sends as the model: the one the file fixes (Coze sends that, not the guide's), else the guide's. */
    private String model() {
        return own.fixedModel().orElse(GUIDE_MODEL);
    }

    @Then("the next node gets the reply text")
    public void nextNodeGetsTheReply() {
        DownstreamNode next = DownstreamNode.of(own, state.lastReply());
        ContractViolation.assertThat("What the next node reads from the " + own.route().words() + " (" + next.describe() + ")", next.replyText(),
                not(blankOrNullString()), Optional.of(CommonError.MAPPING_INCONSISTENT), cozeHandsOn());
    }

    /** What Coze hands the next node: the attempt's view, except for a tool whose response declares no reply (Coze keeps only declared fields). */
    private String cozeHandsOn() {
        if (own instanceof BuilderSetup.PluginSetup plugin && !plugin.replyTextInOutput()
                && state.lastAttempt().reply().filter(r -> r.status() == 200).isPresent()) {
            return "Coze passes on {} to the bot or the next node: the tool's response \"200\" declares no choices[].message.content "
                    + "(the tool's Debug still shows the whole reply)";
        }
        return state.lastAttempt().cozeShows();
    }
}
