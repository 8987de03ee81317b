package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.Tokens;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sampler against the fault fails-one-in-five (every 5th ordinary chat reply is a 502), through Coze's two
 * routes, as the sampling scenario runs it: one after another, exactly 4 of 20 samples fail on each route (any 20
 * requests in a row hold 4 turns of a cycle of 5). Side by side, WireMock's scenario state may skip or repeat a turn
 * between requests in flight, so only "some failed, all with 200 or 502" is certain there.
 */
class SamplerAgainstFailsOneInFiveTest {
    private static final Path FAULT = Path.of("src", "test", "resources", "faults", "fails-one-in-five", "mappings");

    @Test
    void oneInFiveSamplesFailsAndTheReportSaysSo() {
        Settings settings = Settings.load(
                Map.of(Settings.STUB_OVERLAY, FAULT.toString(), Settings.SAMPLES, "20", Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()), Map.of());
        try (StubGateway stub = StubGateway.start(settings.stubRoot(), settings.stubOverlay())) {
            RequestBudget budget = new RequestBudget(settings.maxRequests(), settings.maxTokensPerRun());
            CozeMinimalRequests requests = new CozeMinimalRequests(settings, new Tokens(settings), new GatewayUrl(stub.baseUrl()),
                    new Redactor(settings.tokens().values()), budget);
            List<Sampler.Row> rows = new Sampler(requests, settings.samples(), settings.samplesConcurrency())
                    .sample(List.of("gpt-5.4"), requests.requestsLeft());
            SamplingReport report = new SamplingReport(rows, Map.of());
            System.out.println(report.markdown());

            assertThat(rows.stream().map(r -> r.route() + " / " + r.mode()).toList(), contains("PLUGIN / one after another", "PLUGIN / 4 at a time",
                    "WORKFLOW / one after another", "WORKFLOW / 4 at a time"));
            for (Sampler.Row sequential : List.of(rows.get(0), rows.get(2))) {
                assertThat(sequential.words(), sequential.stats().outcomeWords(), equalTo("200: 16, 502: 4 → 20 % failed"));
            }
            for (Sampler.Row concurrent : List.of(rows.get(1), rows.get(3))) {
                assertThat(concurrent.words(), concurrent.stats().failed(), greaterThan(0));
                assertThat(concurrent.words(), concurrent.stats().answers().keySet(), everyItem(oneOf("200", "502")));
            }
            assertThat(budget.requests(), is(80));
            String failure = report.failure().orElseThrow();
            assertThat(failure, containsString("gpt-5.4 / API plugin / one after another: 200: 16, 502: 4 → 20 % failed"));
            assertThat(failure, containsString("Fix: Shrink the input and return to a minimal test."));
            assertThat(report.cozeShows().orElseThrow(), containsString("502"));
        }
    }

    /** The default run's probe: 5 requests in a row hold exactly one turn of the cycle of 5, so it always fails here. */
    @Test
    void theDefaultProbeOfFiveInARowCatchesIt() {
        Settings settings = Settings.load(Map.of(Settings.STUB_OVERLAY, FAULT.toString(), Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()), Map.of());
        try (StubGateway stub = StubGateway.start(settings.stubRoot(), settings.stubOverlay())) {
            RequestBudget budget = new RequestBudget(settings.maxRequests(), settings.maxTokensPerRun());
            CozeMinimalRequests requests = new CozeMinimalRequests(settings, new Tokens(settings), new GatewayUrl(stub.baseUrl()),
                    new Redactor(settings.tokens().values()), budget);
            IntermittentProbe probe = new IntermittentProbe(new Sampler(requests, IntermittentProbe.REQUESTS, 1).oneAfterAnother("gpt-5.4", Route.WORKFLOW));

            assertThat(probe.words(), probe.row().stats().outcomeWords(), equalTo("200: 4, 502: 1 → 20 % failed"));
            assertThat(probe.failure().orElseThrow(), containsString("Fix: Shrink the input and return to a minimal test."));
            assertThat(budget.requests(), is(IntermittentProbe.REQUESTS));
        }
    }

    @Test
    void thePlainStubSetNeverFails() {
        Settings settings = Settings.load(Map.of(Settings.SAMPLES, "5", Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()), Map.of());
        try (StubGateway stub = StubGateway.start(settings.stubRoot(), settings.stubOverlay())) {
            RequestBudget budget = new RequestBudget(settings.maxRequests(), settings.maxTokensPerRun());
            CozeMinimalRequests requests = new CozeMinimalRequests(settings, new Tokens(settings), new GatewayUrl(stub.baseUrl()),
                    new Redactor(settings.tokens().values()), budget);
            SamplingReport report = new SamplingReport(new Sampler(requests, 5, 2).sample(settings.modelsUnderTest(), requests.requestsLeft()), Map.of());
            assertThat(report.requests(), is(5 * 4 * settings.modelsUnderTest().size()));
            assertThat(report.failure().isPresent(), is(false));
            assertThat(report.rows().get(0).route(), is(Route.PLUGIN));
        }
    }
}
