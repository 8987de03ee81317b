package com.crazyrouter.coze.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.Tokens;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sample whose answer came but passed one of the harness's limits is counted as what it was — the status and the
 * limit — in the sampling table, never as "no answer": the gateway did answer.
 */
@Timeout(30) // a guard against a hang, not a measurement: each test ends within a few seconds, on a loaded machine too
class CozeMinimalRequestsLimitsTest {
    private static final String TOKEN = "sk-testMinimalRequestsLimits0000000000000";

    /** A limit below measures the gateway, not the loading of the JVM's HTTP client (ScriptedGateway#warmUpHttpClient). */
    @BeforeAll
    static void warmUp() throws Exception {
        ScriptedGateway.warmUpHttpClient();
    }

    @Test
    void anAnswerLargerThanTheCapIsCountedByItsStatusAndTheCap() throws Exception {
        byte[] body = ("{\"object\":\"chat.completion\",\"padding\":\"" + "x".repeat(256 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.answering("application/json", body))) {
            SampleStats.Sample sample = requests(gateway, Limits.MAX_BODY, "64KB").send("gpt-5.4", Route.PLUGIN);

            assertThat(sample.answer(), equalTo("200 (the body is larger than 64 KB)"));
            assertThat(sample.failed(), is(true));
            assertThat(SampleStats.of(List.of(sample)).answerWords(), equalTo("200 (the body is larger than 64 KB): 1"));
        }
    }

    @Test
    void aBodyThatDoesNotEndInTimeIsCountedAsSuch() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(out -> out.write(ScriptedGateway.head("application/json", 100)))) {
            // the headers, sent at once, must come within the limit the body passes: 1 s holds on a loaded machine
            SampleStats.Sample sample = requests(gateway, Limits.REQUEST_TIMEOUT, "1s").send("gpt-5.4", Route.WORKFLOW);

            assertThat(sample.answer(), equalTo("200 (the body did not end within 1 s)"));
            assertThat(sample.cozeShows(), containsString("What the Coze builder sees"));
        }
    }

    private static CozeMinimalRequests requests(ScriptedGateway gateway, String limit, String value) {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString(), limit, value,
                Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString()), Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CozeMinimalRequests(settings, new Tokens(settings), new GatewayUrl(gateway.url("")), new Redactor(settings.tokens().values()),
                new RequestBudget(10, 1_000));
    }
}
