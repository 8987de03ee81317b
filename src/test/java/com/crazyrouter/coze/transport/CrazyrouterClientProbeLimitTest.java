package com.crazyrouter.coze.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.run.RequestBudget;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live run's output limit (crazyrouter.probeMaxTokens) is for the harness's own capability probes only: what a
 * scenario sends goes on the wire exactly as Coze rendered it (checklist 6 sends the guide's smallest body, live too).
 */
class CrazyrouterClientProbeLimitTest {
    private static final String TOKEN = "sk-testProbeLimit0000000000000000000000000";
    private static final String SMALLEST_BODY = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
    private static final String CAPPED = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}],\"max_tokens\":256}";

    private final WireMockServer gateway = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));

    @BeforeEach
    void start() {
        gateway.start();
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"object\":\"chat.completion\"}")));
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void aScenarioRequestGoesAsRenderedInALiveRun() {
        client().send(chat(SMALLEST_BODY));
        client().stream(chat(SMALLEST_BODY));

        assertThat(sentBodies(), contains(SMALLEST_BODY, SMALLEST_BODY));
    }

    @Test
    void aCapabilityProbeGetsTheOutputLimit() {
        client().sendProbe(chat(SMALLEST_BODY));
        client().streamProbe(chat(SMALLEST_BODY));

        assertThat(sentBodies(), contains(CAPPED, CAPPED));
    }

    @Test
    void aProbeThatSetsItsOwnLimitKeepsIt() {
        String limited = "{\"model\":\"gpt-5.4\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Count from 1 to 50\"}]}";

        client().sendProbe(chat(limited));

        assertThat(sentBodies(), contains(limited));
    }

    @Test
    void noLimitIsAddedWhenItIsTurnedOff() {
        Settings off = Settings.load(
                Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.baseUrl(), Settings.PROBE_MAX_TOKENS, "0", Settings.MODEL_TABLE,
                        ModelTable.GUIDE_MODELS.toString()),
                Map.of("CRAZYROUTER_API_KEY", TOKEN));

        new CrazyrouterClient(off, new Redactor(off.tokens().values()), new RequestBudget(10, 1_000)).sendProbe(chat(SMALLEST_BODY));

        assertThat(sentBodies(), contains(SMALLEST_BODY));
        assertThat(off.probeMaxTokens().isPresent(), equalTo(false));
    }

    /** The live default: crazyrouter.probeMaxTokens is 256 unless set. */
    private CrazyrouterClient client() {
        Settings settings = Settings.load(
                Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.baseUrl(), Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()),
                Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(10, 1_000));
    }

    private OutgoingRequest chat(String body) {
        return new OutgoingRequest("POST", URI.create(gateway.baseUrl() + "/v1/chat/completions"),
                List.of(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN), new OutgoingRequest.Header("Content-Type", "application/json")),
                body);
    }

    private List<String> sentBodies() {
        return gateway.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream().map(LoggedRequest::getBodyAsString).toList();
    }
}
