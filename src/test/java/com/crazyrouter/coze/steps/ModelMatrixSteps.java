package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.coze.CozeHttpSetup;
import com.crazyrouter.coze.coze.InputPlacement;
import com.crazyrouter.coze.coze.Route;
import com.crazyrouter.coze.models.Capability;
import com.crazyrouter.coze.models.CapabilityProbe;
import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.report.Evidence;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model matrix: what each model can do through each route, cell by cell, with evidence. */
public class ModelMatrixSteps {
    private final ScenarioState state;
    private final List<Cell> cells = new ArrayList<>();

    public ModelMatrixSteps(ScenarioState state) {
        this.state = state;
    }

    @When("Coze probes what {model} can do through the {route}, expecting JSON mode: {word}")
    public void probe(String model, Route route, String jsonMode) {
        Optional<Secret> token = tokenThatAllows(model);
        if (token.isEmpty()) {
            cells.add(new Cell(model, route.title(), Capability.PLAIN_REPLY, Cell.Verdict.NOT_PROBED,
                    "no token at hand allows " + model + " (set CRAZYROUTER_UNRESTRICTED_API_KEY)", Optional.empty(), 0));
        } else {
            CozeHttpSetup setup = CozeHttpSetup.guide(token.get().reveal());
            InputPlacement placement = InputPlacement.defaultFor(route);
            CapabilityProbe probe = new CapabilityProbe(body -> setup.withBody(body).render(state.harness().gatewayUrl(), model, "", placement),
                    state::sendMarked, state::streamMarked);
            cells.addAll(probe.probe(model, route.title(), jsonMode.equalsIgnoreCase("yes"), state.harness().settings().samples()));
        }
        for (Cell cell : cells) {
            state.harness().ledger().record(cell);
            if (cell.verdict() != Cell.Verdict.LATENCY_SAMPLE) {
                Evidence.step(cell.capability().words() + ": " + cell.verdict().words() + " — " + cell.evidence()
                        + cell.timing().map(t -> " (" + t.words() + (cell.tokens() > 0 ? ", " + cell.tokens() + " tokens" : "") + ")").orElse(""),
                        status(cell.verdict()));
            }
        }
    }

    @Then("every capability {model} claims works")
    public void everyClaimedCapabilityWorks(String model) {
        List<Cell> failed = cells.stream().filter(c -> c.verdict() == Cell.Verdict.FAIL).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError(model + " through the " + failed.get(0).route() + " fails " + failed.size() + " capability check(s):\n"
                    + failed.stream().map(c -> "- " + c.capability().words() + ": " + c.evidence()).collect(Collectors.joining("\n"))
                    + (failed.stream().anyMatch(c -> c.capability() == Capability.PLAIN_REPLY)
                            ? "\nIf the model was renamed or retired, switch back to gpt-5.4 and revalidate (guide, Common Errors @error-4)."
                            : "\nThe model answers, so it has not gone: what fails above is broken for this model. Leave it out of the Coze "
                                    + "setup (e.g. no streaming) and report it to Crazyrouter with the request from the report."));
        }
    }

    /** The dedicated token when its allowlist has the model, otherwise a token without an allowlist, if there is one. */
    private Optional<Secret> tokenThatAllows(String model) {
        if (state.allowlistOf(TokenKind.DEDICATED).allows(model)) {
            return state.harness().settings().token(TokenKind.DEDICATED);
        }
        return state.harness().settings().token(TokenKind.UNRESTRICTED);
    }

    private static Status status(Cell.Verdict verdict) {
        return switch (verdict) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            default -> Status.SKIPPED;
        };
    }
}
