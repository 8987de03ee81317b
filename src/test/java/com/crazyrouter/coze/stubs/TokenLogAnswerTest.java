package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub's token log lists what the stub really answered, for the key in the Authorization header only. */
class TokenLogAnswerTest {
    private static final Path STUBS = Path.of("stubs");
    private static final String DEDICATED = Settings.stubTokens(STUBS).get(TokenKind.DEDICATED).reveal();
    private static final String UNRESTRICTED = Settings.stubTokens(STUBS).get(TokenKind.UNRESTRICTED).reveal();
    private final HttpClient http = HttpClient.newHttpClient();
    private StubGateway gateway;

    @BeforeEach
    void start() {
        gateway = StubGateway.start(STUBS, Optional.empty());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theLogListsEachChatRequestTheStubAnsweredNewestFirstWithItsRequestId() throws Exception {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> first = chat("Bearer " + DEDICATED, "gpt-5.4");
        HttpResponse<String> second = chat("Bearer " + DEDICATED, "claude-sonnet-4-6");
        chat("Bearer " + UNRESTRICTED, "gpt-5.4");
        chat("Bearer " + DEDICATED, "gpt-4o"); // 403: not in the allowlist, so no consumption

        JsonNode log = log("Bearer " + DEDICATED);

        assertThat(log.path("success").asBoolean(), is(true));
        assertThat(log.path("message").asText(), equalTo(""));
        assertThat(log.path("data").size(), equalTo(2));
        JsonNode newest = log.path("data").path(0);
        assertThat(newest.path("model_name").asText(), equalTo("claude-sonnet-4-6"));
        assertThat(newest.path("request_id").asText(), equalTo(second.headers().firstValue("X-Oneapi-Request-Id").orElseThrow()));
        assertThat(log.path("data").path(1).path("request_id").asText(), equalTo(first.headers().firstValue("X-Oneapi-Request-Id").orElseThrow()));
        assertThat(newest.path("created_at").asLong(), allOf(greaterThanOrEqualTo(before), lessThanOrEqualTo(Instant.now().getEpochSecond())));
        assertThat("a lower-case scheme reads the same log, as new-api's TokenAuthReadOnly does", log("bearer " + DEDICATED), equalTo(log));
    }

    @Test
    void aTokenThatSentNothingHasAnEmptyLog() throws Exception {
        chat("Bearer " + DEDICATED, "gpt-5.4");

        assertThat(log("Bearer " + UNRESTRICTED).path("data").size(), equalTo(0));
    }

    @Test
    void anUnknownKeyOrAKeyInTheUrlGetsNewApisAnswerForAnUnknownToken() throws Exception {
        chat("Bearer " + DEDICATED, "gpt-5.4");

        JsonNode unknown = log("Bearer sk-testSomeoneElse00000000000000000000");
        // the one key in a URL in this harness, on purpose: the stub's fake, to show the stub does not read it there
        HttpResponse<String> inUrl = http.send(HttpRequest.newBuilder(gateway.baseUrl().resolve("/api/log/token?key=" + DEDICATED)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.path("success").asBoolean(), is(false));
        assertThat(unknown.path("message").asText(), equalTo("invalid token"));
        assertThat(Json.parse(inUrl.body()).orElseThrow(), equalTo(unknown));
    }

    private HttpResponse<String> chat(String authorization, String model) throws IOException, InterruptedException {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
        return http.send(HttpRequest.newBuilder(gateway.baseUrl().resolve("/v1/chat/completions")).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode log(String authorization) throws IOException, InterruptedException {
        URI log = gateway.baseUrl().resolve("/api/log/token");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(log).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode(), equalTo(200));
        return Json.parse(answer.body()).orElseThrow();
    }
}
