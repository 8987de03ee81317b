package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stub tells a scenario's requests apart without a mark on the wire for the workflow node (nothing Coze would not send). */
class ScenarioMarksTest {
    private static final Path STUBS = Path.of("stubs");
    private static final String BODY = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";

    private static int post(URI url, List<OutgoingRequest.Header> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(BODY));
        headers.forEach(h -> builder.header(h.name(), h.value()));
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aNodeRequestIsKnownByWhatIsInFlightAndAPluginCallByItsLogId() throws Exception {
        try (StubGateway stub = StubGateway.start(STUBS, Optional.empty())) {
            URI url = stub.baseUrl().resolve("/v1/chat/completions");
            List<OutgoingRequest.Header> node = List.of(new OutgoingRequest.Header("Content-Type", "application/json"),
                    new OutgoingRequest.Header("User-Agent", "Go-http-client/1.1"));
            OutgoingRequest request = new OutgoingRequest("POST", url, node, BODY);
            stub.marks().sending(request, "0000aaaa-node", () -> {
                try {
                    return post(url, node);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            post(url, node); // the same request, sent by no scenario
            post(url, List.of(new OutgoingRequest.Header("X-Tt-Logid", "1111bbbb-plug-4c1e-9a2b-0123456789ab")));

            assertThat(stub.requestsMarked("0000aaaa-node"), hasSize(1));
            assertThat(stub.requestsMarked("1111bbbb-plug"), hasSize(1));
            assertThat("nothing of the mark was on the wire", stub.requestsMarked("0000aaaa-node").get(0).getHeader("User-Agent"),
                    equalTo("Go-http-client/1.1"));
        }
    }
}
