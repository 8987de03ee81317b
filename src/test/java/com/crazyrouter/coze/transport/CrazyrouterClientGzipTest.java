package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.testsupport.ScriptedGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** The client reads a gzip reply as Go does for Coze when the route asked for gzip: decoded, a broken one failing, a bomb capped. */
@Timeout(30) // a guard against a hang, not a measurement
class CrazyrouterClientGzipTest {
    private static final String TOKEN = "sk-testClientGzip000000000000000000000000000";
    private static final String REPLY = "{\"choices\":[{\"message\":{\"content\":\"OK\"}}]}";
    private ScriptedGateway gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void answers(byte[] body) throws IOException {
        gateway = new ScriptedGateway(out -> {
            out.write(ScriptedGateway.head(200, "application/json", body.length, "Content-Encoding: gzip"));
            out.write(body);
        });
    }

    @Test
    void aGzipReplyToARouteThatAskedForGzipIsReadDecodedWithoutItsEncodingHeaders() throws Exception {
        answers(GzipBodyTest.gzip(REPLY.getBytes(StandardCharsets.UTF_8)));
        GatewayReply reply = client(Limits.MAX_BODY, "1MB").send(chat(true));
        assertThat(reply.body(), equalTo(REPLY));
        assertThat(reply.header("Content-Encoding"), equalTo(Optional.empty()));
        assertThat(reply.header("Content-Length"), equalTo(Optional.empty()));
    }

    @Test
    void aRequestThatDidNotAskForGzipGetsTheBytesAsTheyCame() throws Exception {
        answers(REPLY.getBytes(StandardCharsets.UTF_8));
        assertThat(client(Limits.MAX_BODY, "1MB").send(chat(false)).body(), equalTo(REPLY));
    }

    @Test
    void aBrokenGzipReplyFailsWithGosError() throws Exception {
        answers(REPLY.getBytes(StandardCharsets.UTF_8));
        UndecodableBody broken = org.junit.jupiter.api.Assertions.assertThrows(UndecodableBody.class, send(chat(true)));
        assertThat(broken.goError(), equalTo("gzip: invalid header"));
        assertThat(broken.reply().status(), is(200));
        assertThat(broken.getMessage(),
                containsString("with Content-Encoding: gzip, but the body does not decode as gzip: Go's reader fails with \"gzip: invalid header\""));
    }

    @Test
    void aGzipBombStopsAtTheBodyCapAppliedToTheDecodedBytes() throws Exception {
        answers(GzipBodyTest.gzip(new byte[4 * 1024 * 1024]));
        AnswerBeyondLimits stopped = org.junit.jupiter.api.Assertions.assertThrows(AnswerBeyondLimits.class, send(chat(true)));
        assertThat(stopped.limit(), is(AnswerBeyondLimits.Limit.MAX_BODY));
        assertThat(stopped.getMessage(), containsString("that decodes to more than 64 KB (crazyrouter.maxBody, applied to the decoded body too)"));
    }

    private Executable send(OutgoingRequest request) {
        return () -> client(Limits.MAX_BODY, "64KB").send(request);
    }

    private OutgoingRequest chat(boolean asksForGzip) {
        List<OutgoingRequest.Header> headers = new java.util.ArrayList<>(List.of(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN),
                new OutgoingRequest.Header("Content-Type", "application/json")));
        if (asksForGzip) {
            headers.add(new OutgoingRequest.Header("Accept-Encoding", "gzip"));
        }
        return new OutgoingRequest("POST", gateway.url("/v1/chat/completions"), headers, "{\"model\":\"gpt-5.4\",\"messages\":[]}");
    }

    private CrazyrouterClient client(String... limits) {
        Map<String, String> properties = new HashMap<>(Map.of(Settings.TARGET, "live", Settings.BASE_URL, gateway.url("").toString(),
                Settings.PROBE_MAX_TOKENS, "0"));
        for (int i = 0; i < limits.length; i += 2) {
            properties.put(limits[i], limits[i + 1]);
        }
        Settings settings = Settings.load(properties, Map.of("CRAZYROUTER_API_KEY", TOKEN));
        return new CrazyrouterClient(settings, new Redactor(settings.tokens().values()), new RequestBudget(10, 1_000));
    }
}
