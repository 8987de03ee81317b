package com.crazyrouter.coze.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.standalone.CommandLineOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lower-case "bearer" after a "Bearer" on the same kept-alive connection still reaches the stub as sent, both in the
 * embedded stub's server and in WireMock standalone started as the local gateway starts it (the factory named in
 * {@code --extensions}). WireMock 4's standalone runner ignores a server factory named there (docs/STUBS.md, "WireMock's
 * bundled server"): this test is what tells an upgrade that the local gateway lost it.
 */
class ExactHeaderValuesTest {
    private static final String FAKE = "sk-testExactHeaders";

    @Test
    void theEmbeddedServerSeesALowerCaseBearerAsSent() throws Exception {
        assertThat(statusesOnOneConnection(options().httpServerFactory(new ExactHeaderValues()).bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false))), contains(200, 404, 200));
    }

    @Test
    void theStandaloneServerSeesALowerCaseBearerAsSent(@TempDir Path root) throws Exception {
        assertThat(statusesOnOneConnection(new CommandLineOptions("--extensions", ExactHeaderValues.class.getName(), "--port", "0",
                "--bind-address", "127.0.0.1", "--root-dir", root.toString(), "--disable-banner")), contains(200, 404, 200));
    }

    /** "Bearer", "bearer", "Bearer", one after the other over one HTTP/1.1 client, against a stub that wants "Bearer". */
    private static List<Integer> statusesOnOneConnection(Options options) throws Exception {
        WireMockServer server = new WireMockServer(options);
        server.start();
        try {
            server.stubFor(get("/who").withHeader("Authorization", equalTo("Bearer " + FAKE)).willReturn(aResponse().withStatus(200)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Integer> statuses = new ArrayList<>();
            for (String scheme : List.of("Bearer", "bearer", "Bearer")) {
                statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/who"))
                        .header("Authorization", scheme + " " + FAKE).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            return statuses;
        } finally {
            server.stop();
        }
    }
}
