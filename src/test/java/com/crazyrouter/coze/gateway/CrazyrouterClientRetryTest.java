package com.crazyrouter.coze.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client follows its {@link RetryPolicy}: it sends again, counts the retry and says so on the console. */
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
    void aRetryAfterLongerThanTheLongestWaitIsNotWaitedFor() {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));

        assertThat(client("1s").send(chat()).status(), equalTo(429));

        assertThat(budget.requests(), equalTo(1));
        assertThat(budget.retries(), equalTo(0));
    }

    private CrazyrouterClient client(String longestRetryWait) {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.baseUrl(),
                Settings.RETRIES, "2", Settings.LONGEST_RETRY_WAIT, longestRetryWait, Settings.PROBE_MAX_TOKENS, "0", Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()),
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
