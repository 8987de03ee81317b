package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.models.CozeMinimalRequests;
import com.crazyrouter.coze.models.Sampler;
import com.crazyrouter.coze.models.SamplingReport;
import com.crazyrouter.coze.report.AllureLabels;
import com.crazyrouter.coze.report.AllureSteps;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.ScenarioState;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.model.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Common error 6 measured: the guide's minimal test, -Dsamples times per model, route and mode (models/Sampler). */
public class SamplingSteps {
    private final CozeMinimalRequests requests;
    private final ScenarioState state;
    private final Settings settings;
    private final RunLedger ledger;
    private List<String> models = List.of();
    private SamplingReport report;

    public SamplingSteps(CozeMinimalRequests requests, ScenarioState state, Settings settings, RunLedger ledger) {
        this.requests = requests;
        this.state = state;
        this.settings = settings;
        this.ledger = ledger;
    }

    @Given("the guide's minimal test, \"Reply only OK\" with the guide's setup, for each model under test on both Coze routes")
    public void minimalTest() {
        Assumptions.assumeTrue(settings.samples() > 1, "Skipped: sampling needs -D" + Settings.SAMPLES + "=N with N above 1");
        models = settings.modelsUnderTest().stream().filter(model -> requests.whyNot(model).isEmpty()).toList();
        models.forEach(model -> List.of(Route.values()).forEach(route -> state.addressed(route.title(), model)));
        AllureLabels.apply(state.reportRoute(), state.reportModel(settings.modelsUnderTest()), CommonError.INTERMITTENT.title(), settings.target().label());
    }

    @When("Coze runs it the chosen number of times one after another, then as many times again, several at a time")
    public void sample() {
        Sampler sampler = new Sampler(requests, settings.samples(), settings.samplesConcurrency());
        report = new SamplingReport(sampler.sample(models, requests.requestsLeft()), notSampled());
        report.rows().forEach(row -> AllureSteps.step(row.words(), row.stats().failed() == 0 ? Status.PASSED : Status.FAILED));
        AllureSteps.attach(SamplingReport.TITLE, "text/plain", report.markdown());
        ledger.note(SamplingReport.TITLE, report.markdown());
        System.out.println("\n" + SamplingReport.TITLE + "\n\n" + report.markdown());
    }

    @Then("every run of the minimal test gets a chat reply")
    public void everyRunGetsAChatReply() {
        report.failure().ifPresent(message -> {
            throw new ContractViolation(message, Optional.of(CommonError.INTERMITTENT), report.cozeShows());
        });
    }

    private Map<String, String> notSampled() {
        return settings.modelsUnderTest().stream().filter(model -> requests.whyNot(model).isPresent())
                .collect(Collectors.toMap(model -> model, model -> requests.whyNot(model).orElseThrow()));
    }
}
