package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken stub file is named, with what is wrong in it, before the stub gateway starts; the mappings name tokens by
 * placeholder only, and the gateway fills them with the stub set's fakes.
 */
class StubGatewayTest {
    private static final Path STUBS = Path.of("stubs");

    @TempDir
    Path root;

    @BeforeEach
    void aStubSetHasItsFakeTokens() throws IOException {
        Files.copy(STUBS.resolve("tokens.properties"), root.resolve("tokens.properties"));
    }

    @Test
    void invalidJsonIsNamedWithItsLine() throws IOException {
        Path file = mapping("broken.json", "{\n  \"request\": {\"method\": \"GET\"\n  \"response\": {}\n}");
        String message = assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage();
        assertThat(message, allOf(containsString("Malformed stub " + file), containsString("line 3")));
    }

    @Test
    void invalidJsonIsNamedWithTheFilesOwnColumnWhenAPlaceholderComesFirst() throws IOException {
        String text = "{\"request\": {\"headers\": {\"Authorization\": {\"matches\": \"${token.dedicated}\"}} \"response\": {}}";
        Path file = mapping("broken.json", text);
        String message = assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage();
        int column = text.indexOf("\"response") + 1; // the missing comma, counted in the file, not in the filled text
        assertThat(message, allOf(containsString("Malformed stub " + file), containsString("line 1, column " + column + " ")));
    }

    @Test
    void aMappingWithoutAResponseIsNamed() throws IOException {
        mapping("half.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                containsString("needs a \"request\" and a \"response\""));
    }

    @Test
    void aMissingBodyFileIsNamed() throws IOException {
        mapping("answer.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}, \"response\": {\"status\": 200, \"bodyFileName\": \"nowhere.json\"}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                containsString("__files/nowhere.json, which does not exist"));
    }

    @Test
    void tokenPlaceholdersAreFilledFromTheStubSet() {
        String filled = StubTokens.fill("Bearer ${token.dedicated} / ${token.dedicated.withoutSk}",
                Map.of(TokenKind.DEDICATED, new Secret("sk-testFill")));
        assertThat(filled, containsString("Bearer sk-testFill / testFill"));
    }

    @Test
    void theKeyFormIsThePartNewApiLooksUp() {
        Map<String, String> forms = StubTokens.forms(TokenKind.UNRESTRICTED, new Secret("sk-testFill-channel7"));
        assertThat(forms.get("${token.unrestricted.key}"), equalTo("testFill"));
        assertThat(forms.get("${token.unrestricted.withoutSk}"), equalTo("testFill-channel7"));
        assertThat("longest form first", new ArrayList<>(forms.keySet()), equalTo(List.of("${token.unrestricted}",
                "${token.unrestricted.withoutSk}", "${token.unrestricted.firstHalf}", "${token.unrestricted.key}")));
    }

    @Test
    void aPlaceholderInABaseMappingIsFilledAndMatchesTheFakeToken() throws Exception {
        mapping("who.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/who\", \"headers\": {\"Authorization\":"
                + " {\"matches\": \"^(Bearer )?(sk-)?${token.dedicated.key}(-.*)?$\"}}}, \"response\": {\"status\": 200, \"body\": \"dedicated\"}}");
        Map<TokenKind, Secret> fakes = Settings.stubTokens(root);
        try (StubGateway gateway = StubGateway.start(root, Optional.empty())) {
            assertThat(get(gateway, "/who", fakes.get(TokenKind.DEDICATED)), equalTo(200));
            assertThat(get(gateway, "/who", fakes.get(TokenKind.UNRESTRICTED)), equalTo(404));
        }
    }

    @Test
    void theStubSetRecognisesItsFakeTokensAndNoOther() throws Exception {
        Map<TokenKind, Secret> fakes = Settings.stubTokens(STUBS);
        try (StubGateway gateway = StubGateway.start(STUBS, Optional.empty())) {
            assertThat(get(gateway, "/v1/models", fakes.get(TokenKind.DEDICATED)), equalTo(200));
            assertThat(get(gateway, "/v1/models", fakes.get(TokenKind.UNRESTRICTED)), equalTo(200));
            assertThat(get(gateway, "/v1/models", fakes.get(TokenKind.EXPIRED)), equalTo(401));
            assertThat(get(gateway, "/v1/models", new Secret("sk-${token.dedicated.key}")), equalTo(401));
            // a known key with more after a "-": TokenAuth's channel id, refused for a user's token (docs/GATEWAY.md §5)
            assertThat(get(gateway, "/v1/models", new Secret(fakes.get(TokenKind.DEDICATED).reveal() + "-1")), equalTo(403));
            assertThat(get(gateway, "/v1/dashboard/billing/subscription", new Secret(fakes.get(TokenKind.UNRESTRICTED).reveal() + "-x")), equalTo(403));
        }
    }

    // new-api's RelayNotFound builds "Invalid URL (METHOD path)" with no request id (docs/GATEWAY.md §3)
    @Test
    void theStubsInvalidUrlCarriesNoRequestIdAsNewApisRelayNotFound() throws Exception {
        Map<TokenKind, Secret> fakes = Settings.stubTokens(STUBS);
        try (StubGateway gateway = StubGateway.start(STUBS, Optional.empty())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/chat")).header("Authorization", "Bearer "
                    + fakes.get(TokenKind.DEDICATED).reveal()).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode(), equalTo(404));
            assertThat(answer.body(),
                    equalTo("{\"error\":{\"message\":\"Invalid URL (POST /v1/chat)\",\"type\":\"invalid_request_error\",\"param\":\"\",\"code\":\"\"}}"));
        }
    }

    // new-api's default MAX_REQUEST_BODY_MB is 128 (common/init.go, docs/GATEWAY.md §4), refused by Distribute with 400:
    // the stub's 400 starts one byte above, as contract/Diagnosis reads it
    @Test
    void theStubsBodyTooLargeStartsAboveNewApisDefault128Megabytes() throws IOException {
        String mapping = Files.readString(STUBS.resolve("mappings/chat/400-body-too-large.json"), StandardCharsets.UTF_8);
        assertThat(mapping, containsString("\"(?s).{" + (128L * 1024 * 1024 + 1) + ",}\""));
        assertThat(mapping, containsString("\"status\": 400"));
    }

    @Test
    void noStubFileHoldsAFakeTokenOnlyPlaceholders() throws IOException {
        List<String> needles = new ArrayList<>();
        for (Map.Entry<TokenKind, Secret> fake : Settings.stubTokens(STUBS).entrySet()) {
            needles.addAll(StubTokens.forms(fake.getKey(), fake.getValue()).values());
            String key = fake.getValue().key();
            needles.add(key.substring(0, key.length() / 2));
        }
        List<String> hits = new ArrayList<>();
        for (Path dir : List.of(STUBS.resolve("mappings"), STUBS.resolve("__files"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    needles.stream().distinct().filter(text::contains).forEach(needle -> hits.add(file + " holds " + needle));
                }
            }
        }
        assertThat("stub files that hold a fake token instead of its placeholder", hits, is(empty()));
    }

    @Test
    void anUnknownPlaceholderIsNamedWithItsFile() throws IOException {
        Path file = mapping("nope.json",
                "{\"request\": {\"method\": \"GET\", \"url\": \"/\", \"headers\": {\"Authorization\": {\"equalTo\": \"Bearer ${token.nope}\"}}},"
                        + " \"response\": {\"status\": 200}}");
        String message = assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage();
        assertThat(message, allOf(containsString("Stub " + file), containsString("unknown token placeholder: ${token.nope}"),
                containsString("${token.dedicated.key}")));
    }

    @Test
    void anUnknownPlaceholderInAnOverlayIsNamedToo() throws IOException {
        mapping("ok.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}, \"response\": {\"status\": 200}}");
        Path overlay = root.resolve("overlay");
        Files.createDirectories(overlay);
        Path file = Files.writeString(overlay.resolve("fault.json"),
                "{\"request\": {\"method\": \"GET\", \"url\": \"/${token.dedicated.lastHalf}\"}, \"response\": {\"status\": 500}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.of(overlay))).getMessage(),
                allOf(containsString("Stub " + file), containsString("${token.dedicated.lastHalf}")));
    }

    @Test
    void aPlaceholderInABodyFileIsRefusedBecauseBodyFilesAreNotFilled() throws IOException {
        mapping("answer.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}, \"response\": {\"status\": 200, \"bodyFileName\": \"echo.json\"}}");
        Files.writeString(root.resolve("__files").resolve("echo.json"), "{\"key\": \"${token.dedicated}\"}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                allOf(containsString("__files/echo.json, which names a token placeholder"), not(containsString("sk-"))));
    }

    @Test
    void twoMappingsWithOneIdAreNamed() throws IOException {
        String id = "\"id\": \"8c5db8b0-2db4-4ad7-a99f-38c9b4c5a1a1\", ";
        mapping("one.json", "{" + id + "\"request\": {\"method\": \"GET\", \"url\": \"/one\"}, \"response\": {\"status\": 200}}");
        Path two = mapping("two.json", "{" + id + "\"request\": {\"method\": \"GET\", \"url\": \"/two\"}, \"response\": {\"status\": 200}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                allOf(containsString("WireMock refused stub " + two + ": Duplicate stub mapping ID"), containsString("1 of the 2 mappings were loaded")));
    }

    private static int get(StubGateway gateway, String path, Secret token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("Authorization", "Bearer " + token.reveal()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Path mapping(String name, String text) throws IOException {
        Files.createDirectories(root.resolve("__files"));
        Path file = root.resolve("mappings").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aModelAddedToTheModelTableRunsOfflineWithNoStubEdits(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("recommended-models.feature");
        String text = Files.readString(ModelTable.GUIDE_MODELS, StandardCharsets.UTF_8);
        Files.writeString(table, text.stripTrailing() + "\n      | qwen3-max            | API plugin         | yes                        | no        |\n",
                StandardCharsets.UTF_8);
        String token = Settings.stubTokens(STUBS).get(TokenKind.DEDICATED).reveal();
        try (StubGateway gateway = StubGateway.start(STUBS, Optional.empty(), ModelTable.load(table))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"qwen3-max\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chat.body(), chat.statusCode(), equalTo(200));
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/models"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.body(), allOf(containsString("\"qwen3-max\""), containsString("\"gpt-5.4\""), not(containsString("gemini"))));
        }
    }
}
