package com.crazyrouter.coze.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.run.RunStopped;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The client follows its {@link RetryPolicy}: it sends again, counts the retry and says so on the console. */
@Isolated // it reads the console, which every test class writes to; the other test classes run side by side
class CrazyrouterClientRetryTest {
    private static final String TOKEN = "sk-testRetryClient000000000000000000000000";
    private static final String MODEL_NOT_FOUND = "{\"error\":{\"message\":\"No available channel for model gpt-x\",\"type\":\"new_api_error\",\"code\":\"model_not_found\"}}";

    private final WireMockServer gateway = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
    private final RequestBudget budget = new RequestBudget(10, 1_000);

    @BeforeEach
    void start() {
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void aBusyAnswerIsSentAgainAfterTheWaitRetryAfterAsksFor() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("recovered"));
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"object\":\"chat.completion\"}")));

        String console = consoleOf(() -> assertThat(client("30s").send(chat()).status(), equalTo(200)));

        assertThat(console, containsString("[retry] POST " + gateway.baseUrl() + "/v1/chat/completions: "
                + "Retry 1 of 2 after HTTP 503: waited 0 ms as Retry-After asked"));
        assertThat(budget.requests(), equalTo(2));
        assertThat(budget.retries(), equalTo(1));
    }

    @Test
    void aModelWithoutAChannelIsAnAnswerNotAHiccup() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(MODEL_NOT_FOUND)));

        String console = consoleOf(() -> assertThat(client("30s").send(chat()).status(), equalTo(503)));

        assertThat(console, not(containsString("[retry]")));
        assertThat(budget.requests(), equalTo(1));
        assertThat(budget.retries(), equalTo(0));
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsNotWaitedForAndTheConsoleSaysSo() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        String console = consoleOf(() -> assertThat(client("30s").send(chat()).status(), equalTo(429)));

        assertThat(console, containsString("[retry] POST " + gateway.baseUrl() + "/v1/chat/completions: HTTP 429: Crazyrouter asked to wait 3600 s "
                + "(Retry-After), longer than crazyrouter.longestRetryWait=30s: not retried"));
        assertThat(budget.requests(), equalTo(1));
        assertThat(budget.retries(), equalTo(0));
    }

    @Test
    void aRetryTheRequestCapHoldsBackIsNotCountedAsSent() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        RequestBudget oneRequest = new RequestBudget(1, 1_000);

        AssertionError capped = assertThrows(AssertionError.class, () -> client("30s", oneRequest).send(chat()));

        assertThat(capped.getMessage(), containsString("crazyrouter.maxRequests"));
        assertThat(oneRequest.retries(), equalTo(0));
    }

    @Test
    void theRunsRetriesAreSharedByItsRequestsAndARetryNotSentSaysWhy() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        RequestBudget oneRetry = new RequestBudget(10, 1_000, 1, RunStop.never(), Optional.empty());
        CrazyrouterClient client = client("30s", oneRetry);

        String console = consoleOf(() -> {
            assertThat(client.send(chat()).retries(), equalTo(1));
            assertThat(client.send(chat()).retries(), equalTo(0));
        });

        assertThat(console, containsString("Retry 1 of 2 after HTTP 503"));
        assertThat(console, containsString("HTTP 503: this run's 1 retries are used up (at most 1 per run): not retried"));
        assertThat(oneRetry.requests(), equalTo(3));
        assertThat(oneRetry.retries(), equalTo(1));
    }

    @Test
    void aRetryDueOnceTheRunHasStoppedIsNeitherAnnouncedNorSentAndTheScenarioIsSkipped() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        // the deadline passes while the first answer comes back
        RunStop stop = new RunStop(Duration.ofMinutes(10), () -> gateway.getAllServeEvents().isEmpty() ? 0L : Duration.ofHours(1).toNanos());
        RequestBudget stopping = new RequestBudget(10, 1_000, 10, stop, Optional.empty());

        String console = consoleOf(() -> assertThrows(RunStopped.class, () -> client("30s", stopping).send(chat())));

        assertThat(console, not(containsString("[retry]")));
        assertThat(gateway.getAllServeEvents().size(), equalTo(1));
        assertThat(stopping.retries(), equalTo(0));
    }

    private CrazyrouterClient client(String longestRetryWait) {
        return client(longestRetryWait, budget);
    }

    private CrazyrouterClient client(String longestRetryWait, RequestBudget budget) {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.baseUrl(),
                Settings.RETRIES, "2", Settings.LONGEST_RETRY_WAIT, longestRetryWait, Settings.PROBE_MAX_TOKENS, "0", Settings.MODEL_TABLE,
                ModelTable.GUIDE_MODELS.toString()),
                Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), budget);
    }

    private OutgoingRequest chat() {
        return new OutgoingRequest("POST", URI.create(gateway.baseUrl() + "/v1/chat/completions"),
                List.of(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN), new OutgoingRequest.Header("Content-Type", "application/json")),
                "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}");
    }

    private static String consoleOf(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
