package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad configuration stops the run in one message that names the setting and says how to set it. */
class SettingsTest {
    private static final Map<String, String> LIVE = Map.of(Settings.TARGET, "live");
    private static final Map<String, String> TOKEN = Map.of("CRAZYROUTER_API_KEY", "sk-testSettings000000000000");

    @Test
    void aLiveRunWithoutATokenSaysHowToSetIt() {
        assertThat(failure(LIVE, Map.of()), containsString("CRAZYROUTER_API_KEY is not set"));
        assertThat(failure(LIVE, Map.of("CRAZYROUTER_API_KEY", "  ")), containsString("export CRAZYROUTER_API_KEY=sk-..."));
    }

    @Test
    void theGuidesPlaceholderIsNotAToken() {
        for (String placeholder : List.of("sk-xxx", "Bearer sk-xxx", "sk-xxxxxxxx", "<your key>")) {
            assertThat(placeholder, failure(LIVE, Map.of("CRAZYROUTER_API_KEY", placeholder)), containsString("placeholder"));
        }
    }

    @Test
    void aTokenPastedWithWhitespaceIsTrimmed() {
        Settings settings = Settings.load(LIVE, Map.of("CRAZYROUTER_API_KEY", " sk-testTrimmed0000000000\n"));
        assertThat(settings.token(TokenKind.DEDICATED).orElseThrow().reveal(), equalTo("sk-testTrimmed0000000000"));
    }

    @Test
    void aBaseUrlNeedsASchemeAndNoPath() {
        assertThat(failure(live(Settings.BASE_URL, "crazyrouter.com"), TOKEN), containsString("needs http:// or https://"));
        assertThat(failure(live(Settings.BASE_URL, "https://crazyrouter.com/v1"), TOKEN), containsString("base URL only"));
        assertThat(failure(live(Settings.BASE_URL, "http://exa mple"), TOKEN), containsString("is not a URL"));
        assertThat(Settings.load(live(Settings.BASE_URL, "http://127.0.0.1:8080/"), TOKEN).baseUrl().orElseThrow(),
                equalTo(URI.create("http://127.0.0.1:8080")));
    }

    @Test
    void aStubRunTalksOnlyToTheEmbeddedStubGateway() {
        assertThat(failure(with(Settings.BASE_URL, "http://127.0.0.1:8080"), Map.of()), containsString("add -Plive"));
        assertThat(Settings.load(Map.of(), Map.of(Settings.BASE_URL_ENV, "https://crazyrouter.com")).baseUrl().isPresent(), is(false));
    }

    @Test
    void anUnknownTargetListsTheKnownOnes() {
        assertThat(failure(Map.of(Settings.TARGET, "lvie"), Map.of()), containsString("Use one of stub, live, record"));
    }

    @Test
    void anEmptyModelListIsRefused() {
        assertThat(failure(with(Settings.MODELS, " , "), Map.of()), containsString("lists no model"));
        assertThat(failure(with(Settings.MODELS, "gpt 5"), Map.of()), containsString("not a model id"));
    }

    @Test
    void numbersAndDurationsAreChecked() {
        assertThat(failure(with(Limits.READ_TIMEOUT, "soon"), Map.of()), containsString("is not a duration"));
        assertThat(failure(with(Settings.MAX_REQUESTS, "0"), Map.of()), containsString("positive whole number"));
        assertThat(failure(with(Settings.RETRIES, "9"), Map.of()), containsString("from 0 to 2"));
    }

    @Test
    void samplingIsBounded() {
        assertThat(failure(with(Settings.SAMPLES, "201"), Map.of()), containsString("samples='201' is more than 200"));
        assertThat(failure(with(Settings.SAMPLES, "0"), Map.of()), containsString("positive whole number"));
        for (String wrong : List.of("0", "33", "many")) {
            assertThat(wrong, failure(with(Settings.SAMPLES_CONCURRENCY, wrong), Map.of()),
                    containsString("samples.concurrency='" + wrong + "' must be a whole number from 1 to 32"));
        }
        Settings settings = Settings.load(with(Settings.SAMPLES, "200"), Map.of());
        assertThat(settings.samples(), is(200));
        assertThat(settings.samplesConcurrency(), is(4));
    }

    @Test
    void samplingSettingsHaveNoRetries() {
        Settings settings = Settings.load(Map.of(Settings.TARGET, "live", Settings.SAMPLES, "20", Settings.SAMPLES_CONCURRENCY, "8"), TOKEN);
        assertThat(settings.retries(), is(2));
        Settings sampling = settings.withoutRetries();
        assertThat(sampling.retries(), is(0));
        assertThat(sampling.samples(), is(20));
        assertThat(sampling.samplesConcurrency(), is(8));
        assertThat(sampling.maxRequests(), is(settings.maxRequests()));
        assertThat(sampling.probeMaxTokens(), equalTo(settings.probeMaxTokens()));
    }

    @Test
    void aStubFolderWithoutMappingsIsNamed() {
        assertThat(failure(with(Settings.STUBS, "no/such/folder"), Map.of()), containsString("no/such/folder"));
    }

    @Test
    void aStubRunNeedsNoSecretFromTheEnvironment() {
        Settings settings = Settings.load(Map.of(), Map.of());
        assertThat(settings.target(), is(Target.STUB));
        assertThat(settings.retries(), is(0));
        assertThat(settings.probeMaxTokens().isPresent(), is(false));
    }

    private static Map<String, String> live(String key, String value) {
        Map<String, String> properties = with(key, value);
        properties.put(Settings.TARGET, "live");
        return properties;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = new HashMap<>();
        properties.put(key, value);
        return properties;
    }

    private static String failure(Map<String, String> properties, Map<String, String> environment) {
        return assertThrows(ConfigurationException.class, () -> Settings.load(properties, environment)).getMessage();
    }
}
