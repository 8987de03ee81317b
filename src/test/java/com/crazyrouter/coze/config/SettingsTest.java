package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad configuration stops the run in one message that names the setting and says how to set it. */
@Isolated // one test sets a system property that every run reads; the other test classes run side by side
class SettingsTest {
    private static final Map<String, String> LIVE = Map.of(Settings.TARGET, "live");
    private static final Map<String, String> TOKEN = Map.of("CRAZYROUTER_API_KEY", "sk-testSettings000000000000");

    @Test
    void aLiveRunTakesItsTokensFromTheEnvironment() {
        assertThat(failure(LIVE, Map.of()), containsString("CRAZYROUTER_API_KEY is not set"));
        assertThat(load(LIVE, TOKEN).token(TokenKind.DEDICATED).orElseThrow().reveal(), equalTo("sk-testSettings000000000000"));
    }

    @Test
    void aBaseUrlNeedsASchemeAndAHost() {
        assertThat(failure(live(Settings.BASE_URL, "crazyrouter.com"), TOKEN), containsString("needs http:// or https://"));
        assertThat(failure(live(Settings.BASE_URL, "ftp://crazyrouter.com"), TOKEN), containsString("needs http:// or https://"));
        assertThat(failure(live(Settings.BASE_URL, "http://exa mple"), TOKEN), containsString("is not a URL"));
        assertThat(failure(live(Settings.BASE_URL, "http://127.0.0.1:99999"), TOKEN), containsString("a port is at most 65535"));
    }

    @Test
    void aBaseUrlIsSchemeHostAndPortOnly() {
        assertThat(load(live(Settings.BASE_URL, "http://127.0.0.1:8080/"), TOKEN).baseUrl().orElseThrow(),
                equalTo(URI.create("http://127.0.0.1:8080")));
        assertThat(load(live(Settings.BASE_URL, " HTTPS://Crazyrouter.com "), TOKEN).baseUrl().orElseThrow(),
                equalTo(URI.create("https://Crazyrouter.com")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://crazyrouter.com/v1", "https://crazyrouter.com/V1", "https://crazyrouter.com/v1/"})
    void aBaseUrlEndingInV1IsRefusedBeforeAnythingIsSent(String url) {
        assertThat(failure(live(Settings.BASE_URL, url), TOKEN), allOf(containsString("the harness adds /v1/chat/completions itself"),
                containsString("drop /"), containsString("Nothing was sent.")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://crazyrouter.com/gateway", "https://crazyrouter.com/v1/chat/completions", "http://127.0.0.1:8080//"})
    void aBaseUrlWithAnyOtherPathIsRefused(String url) {
        assertThat(failure(live(Settings.BASE_URL, url), TOKEN),
                allOf(containsString("has a path"), containsString("to the gateway's scheme, host and port only")));
    }

    @Test
    void aBaseUrlWithAQueryOrFragmentIsRefusedWithoutShowingIt() {
        String query = failure(live(Settings.BASE_URL, "https://crazyrouter.com?key=querySecret000"), TOKEN);
        assertThat(query, allOf(containsString("has a query"), containsString("https://crazyrouter.com?…"), not(containsString("querySecret000"))));
        assertThat(failure(live(Settings.BASE_URL, "https://crazyrouter.com/#top"), TOKEN), containsString("has a fragment"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://testuser:testpass@127.0.0.1:8080", "https://testuser@crazyrouter.com", "http://testuser:testpass@127.0.0.1:8080/v1",
            "http://testuser:test/pass@127.0.0.1:8080", "testuser:testpass@127.0.0.1:8080", "http://testuser:test pass@127.0.0.1"})
    void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem(String url) {
        String message = failure(live(Settings.BASE_URL, url), TOKEN);
        assertThat(message, allOf(not(containsString("testuser")), not(containsString("testpass")), not(containsString("pass@"))));
        if (url.startsWith("http://testuser:testpass@127.0.0.1:8080")) {
            assertThat(message, allOf(containsString("the base URL contains a user name or password; put credentials nowhere in the URL"),
                    containsString("http://***@127.0.0.1:8080")));
        }
    }

    @Test
    void theBaseUrlPropertyLosesItsCredentialsBeforeATestReportCanCopyIt() {
        String before = System.getProperty(Settings.BASE_URL);
        System.setProperty(Settings.BASE_URL, "http://testuser:testpass@127.0.0.1:9");
        try {
            assertThrows(ConfigurationException.class, Settings::fromEnvironment);
            assertThat(System.getProperty(Settings.BASE_URL), equalTo("http://***@127.0.0.1:9"));
        } finally {
            if (before == null) {
                System.clearProperty(Settings.BASE_URL);
            } else {
                System.setProperty(Settings.BASE_URL, before);
            }
        }
    }

    @Test
    void aStubRunNamingABaseUrlWithCredentialsDoesNotShowThem() {
        assertThat(failure(with(Settings.BASE_URL, "http://testuser:testpass@127.0.0.1:8080"), Map.of()),
                allOf(containsString("http://***@127.0.0.1:8080"), not(containsString("testpass"))));
    }

    @Test
    void aStubRunTalksOnlyToTheEmbeddedStubGateway() {
        assertThat(failure(with(Settings.BASE_URL, "http://127.0.0.1:8080"), Map.of()), containsString("add -Plive"));
        assertThat(load(Map.of(), Map.of(Settings.BASE_URL_ENV, "https://crazyrouter.com")).baseUrl().isPresent(), is(false));
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
        assertThat(failure(with(Limits.READ_TIMEOUT, "0s"), Map.of()), containsString("is not a duration"));
        assertThat(failure(with(Settings.MAX_REQUESTS, "0"), Map.of()), containsString("positive whole number"));
        assertThat(failure(with(Settings.RETRIES, "9"), Map.of()), containsString("from 0 to 2"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"crazyrouter.readTimeout, 9999999999s, longer than 1 h", "crazyrouter.readTimeout, 99999999999999999999ms, longer than 1 h",
            "crazyrouter.connectTimeout, 2h, longer than 5 min", "crazyrouter.runDeadline, 25h, longer than 24 h",
            "crazyrouter.longestRetryWait, 11m, longer than 10 min", "crazyrouter.maxBody, 2GB, more than 1024MB",
            "crazyrouter.maxBody, 99999999999999999999, more than 1024MB", "crazyrouter.maxBody, 10 MiB, is not a size"})
    void anAbsurdDurationOrSizeNamesTheSetting(String setting, String value, String why) {
        assertThat(failure(with(setting, value), Map.of()), allOf(containsString(setting + "='" + value + "'"), containsString(why)));
    }

    @Test
    void durationsAndSizesTakeTheirUnits() {
        Limits limits = load(Map.of(Limits.RUN_DEADLINE, "1h", Limits.READ_TIMEOUT, "500ms", Limits.MAX_BODY, "512KB"), Map.of()).limits();
        assertThat(limits.runDeadline(), equalTo(Duration.ofHours(1)));
        assertThat(limits.readTimeout(), equalTo(Duration.ofMillis(500)));
        assertThat(limits.maxBodyBytes(), equalTo(512L * 1024));
    }

    @Test
    void thePreflightWaitsAtLeastTheDefaultLimitsForItsExchangeAndKeepsEveryOtherLimit() {
        Settings settings = load(Map.of(Limits.CONNECT_TIMEOUT, "1s", Limits.READ_TIMEOUT, "2m", Limits.REQUEST_TIMEOUT, "500ms",
                Limits.STREAM_TIMEOUT, "2s", Limits.MAX_BODY, "1MB", Limits.RUN_DEADLINE, "2s"), Map.of());

        Limits preflight = settings.forThePreflight().limits();

        assertThat(preflight.connectTimeout(), equalTo(Duration.ofSeconds(5)));
        assertThat("a longer limit than the default stays", preflight.readTimeout(), equalTo(Duration.ofMinutes(2)));
        assertThat(preflight.requestTimeout(), equalTo(Duration.ofSeconds(60)));
        assertThat(preflight.streamTimeout(), equalTo(Duration.ofSeconds(2)));
        assertThat(preflight.maxBodyBytes(), equalTo(Limits.MEGABYTE));
        assertThat(preflight.runDeadline(), equalTo(Duration.ofSeconds(2)));
        assertThat("the run's own limits are unchanged", settings.limits().requestTimeout(), equalTo(Duration.ofMillis(500)));
    }

    @Test
    void samplingIsBounded() {
        assertThat(failure(with(Settings.SAMPLES, "201"), Map.of()), containsString("samples='201' is more than 200"));
        assertThat(failure(with(Settings.SAMPLES, "0"), Map.of()), containsString("positive whole number"));
        for (String wrong : List.of("0", "33", "many")) {
            assertThat(wrong, failure(with(Settings.SAMPLES_CONCURRENCY, wrong), Map.of()),
                    containsString("samples.concurrency='" + wrong + "' must be a whole number from 1 to 32"));
        }
        Settings settings = load(with(Settings.SAMPLES, "200"), Map.of());
        assertThat(settings.samples(), is(200));
        assertThat(settings.samplesConcurrency(), is(4));
    }

    @Test
    void samplingSettingsHaveNoRetries() {
        Settings settings = load(Map.of(Settings.TARGET, "live", Settings.SAMPLES, "20", Settings.SAMPLES_CONCURRENCY, "8"), TOKEN);
        assertThat(settings.retries(), is(2));
        Settings sampling = settings.withoutRetries();
        assertThat(sampling.retries(), is(0));
        assertThat(sampling.samples(), is(20));
        assertThat(sampling.samplesConcurrency(), is(8));
        assertThat(sampling.maxRequests(), is(settings.maxRequests()));
        assertThat(sampling.probeMaxTokens(), equalTo(settings.probeMaxTokens()));
    }

    @Test
    void aCopyForSendingChangesOnlyItsLimitsOrRetries() {
        Map<String, String> live = new HashMap<>(Map.of(Settings.TARGET, "live", Settings.SAMPLES, "20", Settings.MAX_REQUESTS, "40",
                Settings.MAX_TOKENS_PER_RUN, "900", Limits.CONNECT_TIMEOUT, "1s", Limits.REQUEST_TIMEOUT, "2m", Settings.COZE_SETUP, "own.yaml"));
        Settings settings = load(live, TOKEN);
        live.put(Settings.RETRIES, "0");
        assertThat(settings.withoutRetries(), equalTo(load(live, TOKEN)));
        live.put(Settings.RETRIES, "2");
        live.put(Limits.CONNECT_TIMEOUT, "5s");
        assertThat(settings.forThePreflight(), equalTo(load(live, TOKEN)));
    }

    @Test
    void aStubFolderWithoutMappingsIsNamed() {
        assertThat(failure(with(Settings.STUBS, "no/such/folder"), Map.of()), containsString("no/such/folder"));
    }

    @Test
    void aStubRunNeedsNoSecretFromTheEnvironment() {
        Settings settings = load(Map.of(), Map.of());
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

    /** Loads with the guide's model table unless a test names one: these tests are about settings, not about the table people edit. */
    private static Settings load(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> withTable = new HashMap<>(properties);
        withTable.putIfAbsent(Settings.MODEL_TABLE, ModelTable.GUIDE_MODELS.toString());
        return Settings.load(withTable, environment);
    }

    private static String failure(Map<String, String> properties, Map<String, String> environment) {
        return assertThrows(ConfigurationException.class, () -> load(properties, environment)).getMessage();
    }
}
