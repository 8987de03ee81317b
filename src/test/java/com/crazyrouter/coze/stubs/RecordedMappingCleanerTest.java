package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordedMappingCleanerTest {
    private static final String DEDICATED = "sk-testRecorderLive000000000000000000000";
    private static final String UNRESTRICTED = "sk-testRecorderUnrestricted00000000000000";
    private static final String FOREIGN = "sk-testRecorderForeign000000000000000000";
    private static final Map<TokenKind, Secret> LIVE = Map.of(TokenKind.DEDICATED, new Secret(DEDICATED), TokenKind.UNRESTRICTED, new Secret(UNRESTRICTED));
    private static final String CHAT = "{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}";
    private static final String COMPLETION = "{\"id\":\"chatcmpl-Bx9LiveId\",\"object\":\"chat.completion\",\"created\": 1767312345,\"model\":\"gpt-5.4\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}]}";
    private static final String MODEL_NOT_FOUND = "{\"error\":{\"message\":\"No available channel for model gpt-x under group default "
            + "(request id: 20261127025301abcdefgh)\",\"type\":\"new_api_error\",\"code\":\"model_not_found\"}}";
    /** An upstream's 503 passed on by new-api's relay (its OpenAIError struct, with param): transient, unlike new-api's own "no channel". */
    private static final String BUSY = "{\"error\":{\"message\":\"upstream busy (request id: 20261127025301abcdefgh)\",\"type\":\"upstream_error\","
            + "\"param\":\"503\",\"code\":\"bad_response_status_code\"}}";

    private static final Path STUBS = Path.of("stubs");

    private final RecordedMappingCleaner cleaner = new RecordedMappingCleaner(LIVE, new Redactor(LIVE.values()));

    @Test
    void liveTokensBecomeThePlaceholderOfTheirKindInHeaderUrlAndBody() {
        // the harness never puts a token in a URL; a builder's own setup might (a plugin sending it as a query parameter)
        StubMapping recorded = recorded("GET", "/v1/models?api_key=" + DEDICATED.substring(3), "Bearer " + UNRESTRICTED,
                "{\"token\":\"" + DEDICATED + "\"}", 200, "{\"echo\":\"" + UNRESTRICTED + "\"}", Map.of());

        ObjectNode cleaned = cleaner.clean(recorded);

        assertThat(cleaned.path("request").path("url").asText(), equalTo("/v1/models?api_key=${token.dedicated.withoutSk}"));
        assertThat(cleaned.path("request").path("headers").path("Authorization").path("equalTo").asText(), equalTo("Bearer ${token.unrestricted}"));
        assertThat(cleaned.path("request").path("bodyPatterns").toString(), containsString("${token.dedicated}"));
        assertThat(cleaned.path("response").path("body").asText(), equalTo("{\"echo\":\"${token.unrestricted}\"}"));
        String file = cleaner.files(List.of(recorded)).values().iterator().next();
        assertThat(file, allOf(not(containsString("testRecorderLive")), not(containsString("testRecorderUnrestricted"))));
    }

    @Test
    void aTruncatedPasteOfALiveTokenIsRecordedAsItsFirstHalf() {
        StubMapping truncated = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED.substring(0, DEDICATED.length() / 2), CHAT, 401,
                "{\"error\":{\"message\":\"invalid token\",\"type\":\"new_api_error\"}}", Map.of());

        String file = cleaner.files(List.of(truncated)).values().iterator().next();

        assertThat(file, containsString("\"equalTo\" : \"Bearer ${token.dedicated.firstHalf}\""));
    }

    @Test
    void aRequestCarryingACredentialTheRunDoesNotOwnIsNotRecorded() {
        StubMapping foreign = recorded("POST", "/v1/chat/completions", "Bearer " + FOREIGN, CHAT, 401,
                "{\"error\":{\"message\":\"invalid token\",\"type\":\"new_api_error\"}}", Map.of());

        assertThat(cleaner.files(List.of(foreign)), anEmptyMap());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void aRateLimitOrABusyGatewayIsNotRecorded(int status) {
        StubMapping hiccup = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, status, BUSY, Map.of());

        assertThat(cleaner.files(List.of(hiccup)), anEmptyMap());
    }

    @Test
    void a503ForAModelWithoutAChannelIsRecorded() {
        StubMapping unknownModel = recorded("POST", "/v1/chat/completions", "Bearer " + UNRESTRICTED, CHAT, 503, MODEL_NOT_FOUND, Map.of());

        assertThat(cleaner.files(List.of(unknownModel)).keySet(), contains(matchesPattern("post-v1-chat-completions-503-[0-9a-f]{12}\\.json")));
    }

    /** new-api v0.6.x: the same "no channel" 503 without a code and in Chinese is an answer too, recorded. */
    @Test
    void anOlderReleases503ForAModelWithoutAChannelIsRecorded() {
        String older = "{\"error\":{\"message\":\"当前分组 default 下对于模型 gpt-x 无可用渠道 (request id: 20261127025301abcdefgh)\",\"type\":\"new_api_error\"}}";
        StubMapping unknownModel = recorded("POST", "/v1/chat/completions", "Bearer " + UNRESTRICTED, CHAT, 503, older, Map.of());

        assertThat(cleaner.files(List.of(unknownModel)).keySet(), contains(matchesPattern("post-v1-chat-completions-503-[0-9a-f]{12}\\.json")));
    }

    @Test
    void completionIdsTimestampsAndRequestIdsAreNormalised() {
        JsonNode completion = cleaner.clean(recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION, Map.of()))
                .path("response").path("body");
        JsonNode error = cleaner.clean(recorded("POST", "/v1/chat/completions", "Bearer " + UNRESTRICTED, CHAT, 503, MODEL_NOT_FOUND, Map.of()))
                .path("response").path("body");

        assertThat(completion.asText(), allOf(containsString("\"id\":\"chatcmpl-recorded\""), containsString("\"created\":{{now format='unix'}}"),
                not(containsString("Bx9LiveId")), not(containsString("1767312345"))));
        assertThat(error.asText(), allOf(containsString("(request id: recorded)"), not(containsString("abcdefgh"))));
    }

    @Test
    void aTokenLogsEntriesAreLoggedNowOnEveryReplayAndTheirRequestIdsAreFixed() {
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        ObjectNode cleaned = cleaner.clean(recorded("GET", "/api/log/token", "Bearer " + DEDICATED, null, 200, tokenLog(anHourAgo), Map.of()));

        String body = cleaned.path("response").path("body").asText();
        assertThat(body, allOf(containsString("\"created_at\":{{now format='unix'}}"), containsString("\"request_id\":\"recorded\""),
                not(containsString(String.valueOf(anHourAgo))), not(containsString("20261127025301abcdefgh"))));
        assertThat(cleaned.path("response").path("transformers").toString(), equalTo("[\"response-template\"]"));
        String pretty = tokenLog(anHourAgo).replace("\"created_at\":", "\"created_at\" : ").replace("\"request_id\":", "\"request_id\" : ");
        assertThat("a pretty-printed log too", cleaner.clean(recorded("GET", "/api/log/token", "Bearer " + DEDICATED, null, 200, pretty, Map.of()))
                .path("response").path("body").asText(), equalTo(body));
    }

    /** The clock, simulated: a log recorded an hour ago replays with its entries logged just now, so checklist 9 stays green. */
    @Test
    void aLogRecordedAnHourAgoReplaysAsLoggedNow(@TempDir Path overlay) throws Exception {
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        StubMapping recorded = recorded("GET", "/api/log/token", "Bearer " + DEDICATED, null, 200, tokenLog(anHourAgo),
                Map.of("Content-Type", "application/json"));
        for (Map.Entry<String, String> file : cleaner.files(List.of(recorded)).entrySet()) {
            Files.writeString(overlay.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }

        try (StubGateway replay = StubGateway.start(STUBS, Optional.of(overlay))) {
            String fake = Settings.stubTokens(STUBS).get(TokenKind.DEDICATED).reveal();
            HttpResponse<String> log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replay.baseUrl().resolve("/api/log/token"))
                    .header("Authorization", "Bearer " + fake).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode entry = Json.parse(log.body()).orElseThrow().path("data").path(0);
            long now = Instant.now().getEpochSecond();
            assertThat("created_at of the replayed entry, seconds before now", now - entry.path("created_at").asLong(),
                    allOf(greaterThanOrEqualTo(0L), lessThan(60L)));
            assertThat(entry.path("request_id").asText(), equalTo("recorded"));
            assertThat(entry.path("model_name").asText(), equalTo("gpt-5.4"));
        }
    }

    @Test
    void aLiteralDoubleBraceInATemplatedReplyStaysLiteral(@TempDir Path overlay) throws Exception {
        String braces = COMPLETION.replace("\"OK\"", "\"use {{input}} here\"");
        for (Map.Entry<String, String> file : cleaner.files(List.of(recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, braces,
                Map.of("Content-Type", "application/json")))).entrySet()) {
            Files.writeString(overlay.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }

        try (StubGateway replay = StubGateway.start(STUBS, Optional.of(overlay))) {
            String fake = Settings.stubTokens(STUBS).get(TokenKind.DEDICATED).reveal();
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replay.baseUrl().resolve("/v1/chat/completions"))
                    .header("Authorization", "Bearer " + fake).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHAT))
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode completion = Json.parse(reply.body()).orElseThrow();
            assertThat(completion.path("choices").path(0).path("message").path("content").asText(), equalTo("use {{input}} here"));
            assertThat(Instant.now().getEpochSecond() - completion.path("created").asLong(), allOf(greaterThanOrEqualTo(0L), lessThan(60L)));
        }
    }

    @Test
    void aModelsCreationDateIsNotWhenItWasAnswered() {
        String models = "{\"success\":true,\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4\",\"object\":\"model\",\"created\":1626777600,\"owned_by\":\"openai\"}]}";
        ObjectNode cleaned = cleaner.clean(recorded("GET", "/v1/models", "Bearer " + DEDICATED, null, 200, models, Map.of()));

        assertThat(cleaned.path("response").path("body").asText(), containsString("\"created\":1767225600"));
        assertThat(cleaned.path("response").has("transformers"), is(false));
    }

    @Test
    void cookiesAndVolatileResponseHeadersAreDroppedAndTheRequestIdIsFixed() {
        Map<String, String> live = headers("Content-Type", "application/json; charset=utf-8", "Retry-After", "3", "X-Oneapi-Request-Id",
                "20261127025301abcdefgh",
                "Set-Cookie", "session=live; Path=/", "Date", "Fri, 27 Nov 2026 02:53:01 GMT", "Cf-Ray", "8f00000000000000-AMS", "Content-Length", "287");

        JsonNode headers = cleaner.clean(recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION, live))
                .path("response").path("headers");

        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);
        assertThat(names, contains("Content-Type", "Retry-After", "X-Oneapi-Request-Id"));
        assertThat(headers.path("Content-Type").asText(), equalTo("application/json; charset=utf-8"));
        assertThat(headers.path("Retry-After").asText(), equalTo("3"));
        assertThat(headers.path("X-Oneapi-Request-Id").asText(), equalTo("recorded"));
    }

    @Test
    void aRedirectKeepsItsLocationSoAReplayCanBeFollowed() {
        // new-api answers a trailing slash with gin's 307 (docs/GATEWAY.md); the plugin follows it on replay too
        JsonNode headers = cleaner.clean(recorded("POST", "/v1/chat/completions/", "Bearer " + DEDICATED, CHAT, 307, "",
                headers("Location", "/v1/chat/completions"))).path("response").path("headers");
        assertThat(headers.path("Location").asText(), equalTo("/v1/chat/completions"));
    }

    @Test
    void theSameRequestRecordedTwiceIsOneFileWithTheLatestAnswer() {
        StubMapping first = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION, Map.of());
        StubMapping again = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION.replace("\"OK\"", "\"OK again\""), Map.of());

        Map<String, String> files = cleaner.files(List.of(first, again));

        assertThat(files, aMapWithSize(1));
        assertThat(files.values().iterator().next(), containsString("OK again"));
        assertThat(cleaner.files(List.of(first)).keySet(), equalTo(files.keySet()));
    }

    @Test
    void aDifferentRequestGetsADifferentFile() {
        StubMapping dedicated = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION, Map.of());
        StubMapping unrestricted = recorded("POST", "/v1/chat/completions", "Bearer " + UNRESTRICTED, CHAT, 200, COMPLETION, Map.of());
        StubMapping otherBody = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT.replace("gpt-5.4", "claude-sonnet-4-6"), 200, COMPLETION,
                Map.of());

        assertThat(cleaner.files(List.of(dedicated, unrestricted, otherBody)), aMapWithSize(3));
    }

    @Test
    void anAuthorizationOrContentTypeTheRequestLackedMustBeAbsentOnReplay() {
        StubMapping bare = StubMapping.buildFrom("{\"request\":{\"url\":\"/v1/models\",\"method\":\"GET\"},\"response\":{\"status\":401,\"body\":\"\"}}");

        JsonNode headers = cleaner.clean(bare).path("request").path("headers");

        assertThat(headers.path("Authorization").toString(), equalTo("{\"absent\":true}"));
        assertThat(headers.path("Content-Type").toString(), equalTo("{\"absent\":true}"));
        assertThat("nothing to hide, so it is recorded", cleaner.files(List.of(bare)), aMapWithSize(1));
    }

    /** Recorded files are committed, so re-recording must rewrite them byte for byte, not just to equal JSON. */
    @Test
    void aRecordedFileReadsExactlyAsBefore() {
        StubMapping recorded = recorded("POST", "/v1/chat/completions", "Bearer " + DEDICATED, CHAT, 200, COMPLETION,
                headers("Content-Type", "application/json", "X-Oneapi-Request-Id", "20261127025301abcdefgh"));
        String expected = """
                {
                  "request" : {
                    "url" : "/v1/chat/completions",
                    "method" : "POST",
                    "headers" : {
                      "Authorization" : {
                        "equalTo" : "Bearer ${token.dedicated}"
                      },
                      "Content-Type" : {
                        "equalTo" : "application/json"
                      }
                    },
                    "bodyPatterns" : [ {
                      "equalToJson" : "{\\"model\\":\\"gpt-5.4\\",\\"messages\\":[{\\"role\\":\\"user\\",\\"content\\":\\"Reply only OK\\"}]}",
                      "ignoreArrayOrder" : true,
                      "ignoreExtraElements" : true
                    } ]
                  },
                  "response" : {
                    "status" : 200,
                    "body" : "{\\"id\\":\\"chatcmpl-recorded\\",\\"object\\":\\"chat.completion\\",\\"created\\":{{now format='unix'}},\\"model\\":\\"gpt-5.4\\",\\"choices\\":[{\\"index\\":0,\\"message\\":{\\"role\\":\\"assistant\\",\\"content\\":\\"OK\\"},\\"finish_reason\\":\\"stop\\"}]}",
                    "headers" : {
                      "Content-Type" : "application/json",
                      "X-Oneapi-Request-Id" : "recorded"
                    },
                    "transformers" : [ "response-template" ]
                  },
                  "name" : "recorded: POST /v1/chat/completions -> 200",
                  "priority" : 1
                }""";

        Map<String, String> files = cleaner.files(List.of(recorded));

        // Jackson's pretty printer ends lines the platform's way; the file's last newline is the recorder's own.
        assertThat(files, equalTo(Map.of("post-v1-chat-completions-200-ee0e5ae1fe87.json", expected.replace("\n", System.lineSeparator()) + "\n")));
    }

    private static String tokenLog(long createdAt) {
        return "{\"success\":true,\"message\":\"\",\"data\":[{\"id\":1,\"created_at\":" + createdAt + ",\"type\":2,\"content\":\"\",\"token_name\":\"coze\","
                + "\"model_name\":\"gpt-5.4\",\"quota\":12,\"prompt_tokens\":11,\"completion_tokens\":1,\"request_id\":\"20261127025301abcdefgh\",\"other\":\"{}\"}]}";
    }

    private static StubMapping recorded(String method, String url, String authorization, String body, int status, String responseBody,
            Map<String, String> responseHeaders) {
        ObjectNode mapping = Json.MAPPER.createObjectNode();
        mapping.put("id", "2d5e2d46-7a5c-4c55-9d1e-6b0b4b0c0f01").put("uuid", "2d5e2d46-7a5c-4c55-9d1e-6b0b4b0c0f01").put("persistent", false);
        ObjectNode request = mapping.putObject("request").put("url", url).put("method", method);
        ObjectNode headers = request.putObject("headers");
        headers.putObject("Authorization").put("equalTo", authorization);
        if (body != null) {
            headers.putObject("Content-Type").put("equalTo", "application/json");
            request.putArray("bodyPatterns").addObject().put("equalToJson", body).put("ignoreArrayOrder", true).put("ignoreExtraElements", true);
        }
        ObjectNode response = mapping.putObject("response").put("status", status).put("body", responseBody);
        if (!responseHeaders.isEmpty()) {
            ObjectNode kept = response.putObject("headers");
            responseHeaders.forEach(kept::put);
        }
        return StubMapping.buildFrom(mapping.toString());
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
