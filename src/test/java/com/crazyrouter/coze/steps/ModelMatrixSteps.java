package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.models.CapabilityProbe;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.models.MatrixVerdict;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.Tokens;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The model matrix: what each model can do through each route, cell by cell, with evidence. */
public class ModelMatrixSteps {
    private final CozeNode node;
    private final Tokens tokens;
    private final Settings settings;
    private final RunLedger ledger;
    private List<Cell> cells = List.of();

    public ModelMatrixSteps(CozeNode node, Tokens tokens, Settings settings, RunLedger ledger) {
        this.node = node;
        this.tokens = tokens;
        this.settings = settings;
        this.ledger = ledger;
    }

    /**
     * A probe that cannot run checks nothing: its row is "not checked" in the matrix and the scenario is skipped, not
     * passed; so is a row the run's stop cut short before anything in it failed. Either way the row stays in the matrix.
     */
    @When("Coze probes what {model} can do through the {route}, expecting JSON mode: {yesNo}")
    public void probe(String model, Route route, boolean jsonMode) {
        Optional<Secret> token = tokenThatAllows(model);
        String noToken = "no token at hand allows " + model + "; set " + TokenKind.UNRESTRICTED.environmentVariable();
        cells = token.map(t -> CapabilityProbe.through(node, t, route).probe(model, route.title(), jsonMode, settings.samples()))
                .orElseGet(() -> List.of(Cell.notProbed(model, route.title(), noToken)));
        cells.forEach(ledger::record);
        cells.forEach(AllureSteps::step);
        Assumptions.assumeTrue(token.isPresent(), () -> "not checked: " + noToken);
        MatrixVerdict.cutShort(cells).ifPresent(Assumptions::abort);
    }

    /** Red with each failed cell in a reader's words (MatrixVerdict), not a matcher's account of a list of cells. */
    @Then("every capability {model} claims works")
    public void everyClaimedCapabilityWorks(String model) {
        MatrixVerdict.of(model, cells).check();
    }

    /** The dedicated token when its allowlist has the model, otherwise a token without an allowlist, if there is one. */
    private Optional<Secret> tokenThatAllows(String model) {
        return tokens.allowlistOf(TokenKind.DEDICATED).allows(model) ? tokens.find(TokenKind.DEDICATED) : tokens.find(TokenKind.UNRESTRICTED);
    }
}
