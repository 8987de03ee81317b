package com.crazyrouter.coze.steps;

import static org.hamcrest.Matchers.hasItems;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.ModelList;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.models.ModelListBaseline;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.Tokens;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Model-list drift: GET /v1/models against a committed baseline, per target. */
public class ModelListDriftSteps {
    private final CozeNode node;
    private final Tokens tokens;
    private final Settings settings;
    private final RunLedger ledger;
    private ModelList listed;

    public ModelListDriftSteps(CozeNode node, Tokens tokens, Settings settings, RunLedger ledger) {
        this.node = node;
        this.tokens = tokens;
        this.settings = settings;
        this.ledger = ledger;
    }

    @Given("the token that sees the most models")
    public void widestToken() {
        node.useToken(tokens.find(TokenKind.UNRESTRICTED).isPresent() ? TokenKind.UNRESTRICTED : TokenKind.DEDICATED);
    }

    @When("Coze fetches Crazyrouter's model list")
    public void fetchList() {
        listed = ModelList.from(node.fetch("/v1/models"));
        ledger.recordModelList(listed.ids());
    }

    /** Report only: the baseline's differences are shown, never judged; the next step judges the models under test. */
    @Then("the report shows the models added to and removed from the committed baseline \\(report only: a change alone is not a failure\\)")
    public void compareWithBaseline() {
        ModelListBaseline baseline = new ModelListBaseline(settings.modelTable().file(), settings.target());
        String drift = settings.acceptBaseline() ? baseline.accept(listed.ids()) : baseline.compare(listed.ids());
        AllureSteps.attach("Model-list drift", "text/markdown", drift);
        ledger.note("Model-list drift", drift);
    }

    @Then("every model under test is still listed")
    public void modelsUnderTestListed() {
        String[] expected = settings.modelsUnderTest().stream().filter(node.allowlist()::allows).toArray(String[]::new);
        ContractViolation.assertThat("Crazyrouter should still list every model under test for this token. If one was renamed or retired, update the "
                + "model table (features/models/recommended-models.feature); meanwhile switch back to gpt-5.4 and revalidate (guide, Common Errors "
                + CommonError.MODEL_NOT_FOUND.tag() + ")", listed.ids(), hasItems(expected), CommonError.MODEL_NOT_FOUND);
    }
}
