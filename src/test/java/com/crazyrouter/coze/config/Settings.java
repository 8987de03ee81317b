package com.crazyrouter.coze.config;

import static com.crazyrouter.coze.config.SettingValues.between;
import static com.crazyrouter.coze.config.SettingValues.duration;
import static com.crazyrouter.coze.config.SettingValues.modelList;
import static com.crazyrouter.coze.config.SettingValues.positive;
import static com.crazyrouter.coze.config.SettingValues.text;
import static com.crazyrouter.coze.config.SettingValues.yesOrNo;
import static com.crazyrouter.coze.config.SettingValues.zeroOrMore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting of a run, read once from system properties (-D...) and the environment, validated, and
 * failing fast with a message that names the setting and how to set it. Secrets come from the environment
 * only (or, for the stub target, from the stub set's own fake tokens).
 */
public record Settings(
        Target target,
        Optional<URI> baseUrl,
        Path stubRoot,
        Optional<Path> stubOverlay,
        Path recordInto,
        Path reportsDir,
        Limits limits,
        List<String> expectedAllowlist,
        List<String> modelsUnderTest,
        ModelTable modelTable,
        int samples,
        int samplesConcurrency,
        int maxRequests,
        int maxTokensPerRun,
        int retries,
        Duration longestRetryWait,
        OptionalInt probeMaxTokens,
        boolean acceptBaseline,
        Optional<Path> cozeSetupFile,
        Optional<String> cozeSetupTool,
        Map<TokenKind, Secret> tokens,
        Path historyDir,
        int latencyChangePercent) {

    public static final String TARGET = "crazyrouter.target";
    public static final String BASE_URL = "crazyrouter.baseUrl";
    public static final String BASE_URL_ENV = "CRAZYROUTER_BASE_URL";
    public static final String STUBS = "crazyrouter.stubs";
    public static final String STUB_OVERLAY = "crazyrouter.stubs.overlay";
    public static final String RECORD_INTO = "crazyrouter.recordInto";
    public static final String REPORTS = "crazyrouter.reports";
    public static final String ALLOWED_MODELS = "crazyrouter.token.allowedModels";
    public static final String MODELS = "models";
    public static final String MODEL_TABLE = "crazyrouter.modelTable";
    public static final String SAMPLES = "samples";
    public static final String SAMPLES_CONCURRENCY = "samples.concurrency";
    /** At most this many samples per model, route and mode: the sampling scenario sends 4 × samples requests per model. */
    public static final int MOST_SAMPLES = 200;
    /** At most this many minimal requests at a time in the sampling scenario's concurrent mode. */
    public static final int MOST_CONCURRENCY = 32;
    public static final String MAX_REQUESTS = "crazyrouter.maxRequests";
    public static final String MAX_TOKENS_PER_RUN = "crazyrouter.maxTokensPerRun";
    public static final String RETRIES = "crazyrouter.retries";
    public static final String LONGEST_RETRY_WAIT = "crazyrouter.longestRetryWait";
    public static final String PROBE_MAX_TOKENS = "crazyrouter.probeMaxTokens";
    public static final String ACCEPT_BASELINE = "models.acceptBaseline";
    public static final String COZE_SETUP = "coze.setup";
    /** Which tool of a setup file with several to check (its operationId, or "POST /v1/chat/completions"), when the choice is not obvious. */
    public static final String COZE_SETUP_TOOL = "coze.setup.tool";
    /** Cucumber's own tag selection; the harness reads it too, to plan and to explain an empty selection. */
    public static final String TAG_SELECTION = "cucumber.filter.tags";
    public static final String STUB_HEAD_START = "harness.stubHeadStart";
    /** Where the run history is kept (report/RunHistory), one file per target; reports/history unless set. */
    public static final String HISTORY = "crazyrouter.history";
    /** How far (percent) a model and route's median total time must move for "Changed since the previous run" to name it. */
    public static final String LATENCY_CHANGE = "crazyrouter.history.latencyChange";

    /** The public gateway the guide documents. */
    public static final URI PUBLIC_BASE_URL = URI.create("https://crazyrouter.com");

    /** Whether the run was given a builder's own setup (-Dcoze.setup), for planning which scenarios run. */
    public static boolean ownSetupGiven() {
        return !System.getProperty(COZE_SETUP, "").isBlank();
    }

    /**
     * Whether the run asks for the sampling scenario (-Dsamples above 1), for planning which scenarios run. A value
     * that is not a number plans no sampling; the run itself then stops on it, naming the setting.
     */
    public static boolean samplingAsked() {
        try {
            return Integer.parseInt(System.getProperty(SAMPLES, "1").trim()) > 1;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** -Dcrazyrouter.reports as given, before any other setting is checked: where a run that cannot start says so. */
    public static Path reportsDirAsked() {
        return Path.of(System.getProperty(REPORTS, "reports"));
    }

    /** Whether the POM asks for the stub gateway to start while Cucumber reads the features (the contract run; run/StubHeadStart). */
    public static boolean stubHeadStartAsked() {
        return Boolean.parseBoolean(System.getProperty(STUB_HEAD_START, "false"));
    }

    /** -Dcucumber.filter.tags, trimmed; empty when the run selects every scenario. */
    public static String tagSelection() {
        return System.getProperty(TAG_SELECTION, "").trim();
    }

    public static Settings fromEnvironment() {
        BaseUrlSetting.hideCredentialsInTheProperty();
        return load(System.getProperties().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))),
                System.getenv());
    }

    public static Settings load(Map<String, String> properties, Map<String, String> environment) {
        Target target = Target.parse(properties.getOrDefault(TARGET, "stub"));
        Optional<URI> baseUrl = BaseUrlSetting.read(target, properties, environment);
        Path stubRoot = Path.of(properties.getOrDefault(STUBS, "stubs"));
        Optional<Path> overlay = text(properties.get(STUB_OVERLAY)).map(Path::of);
        Path reportsDir = Path.of(properties.getOrDefault(REPORTS, "reports"));
        Path recordInto = Path.of(properties.getOrDefault(RECORD_INTO, "stubs/recorded/mappings"));
        Limits limits = Limits.read(properties);
        ModelTable table = ModelTable.load(Path.of(properties.getOrDefault(MODEL_TABLE, ModelTable.DEFAULT.toString())));
        List<String> allowlist = properties.containsKey(ALLOWED_MODELS)
                ? modelList(ALLOWED_MODELS, properties.get(ALLOWED_MODELS), true)
                : table.allowedModels();
        List<String> models = properties.containsKey(MODELS) ? modelList(MODELS, properties.get(MODELS), false) : table.models();
        boolean acceptBaseline = yesOrNo(ACCEPT_BASELINE, properties.getOrDefault(ACCEPT_BASELINE, "false"));
        models.stream().filter(m -> !table.models().contains(m)).findFirst().ifPresent(unknown -> {
            throw new ConfigurationException("-D" + MODELS + " names '" + unknown + "', which is not in the model table " + table.file()
                    + " (" + String.join(", ", table.models()) + "). Add a row for it there first.");
        });
        int samples = positive(SAMPLES, properties.getOrDefault(SAMPLES, "1"));
        if (samples > MOST_SAMPLES) {
            throw new ConfigurationException(SAMPLES + "='" + properties.get(SAMPLES).trim() + "' is more than " + MOST_SAMPLES + ": the sampling "
                    + "scenario sends samples × 2 routes × 2 modes minimal requests for each model under test (" + samples * 4 * models.size()
                    + " here), all counted against " + MAX_REQUESTS + ". Give -D" + SAMPLES + "=2 … " + MOST_SAMPLES
                    + " ; 20 is enough to see a 5 % failure rate.");
        }
        int concurrency = between(SAMPLES_CONCURRENCY, properties.getOrDefault(SAMPLES_CONCURRENCY, "4"), 1, MOST_CONCURRENCY,
                "how many minimal requests the sampling scenario sends at a time");
        int maxRequests = positive(MAX_REQUESTS, properties.getOrDefault(MAX_REQUESTS, "300"));
        int maxTokensPerRun = positive(MAX_TOKENS_PER_RUN, properties.getOrDefault(MAX_TOKENS_PER_RUN, "50000"));
        // The stub answers deterministically, so retrying there would only hide a broken stub.
        int retries = zeroOrMore(RETRIES, properties.getOrDefault(RETRIES, target.isStub() ? "0" : "2"), 2);
        Duration longestWait = duration(properties, LONGEST_RETRY_WAIT, "30s", Duration.ofMinutes(10));
        // Only live probes get a max_tokens: recorded bodies must stay exactly what the stub run sends.
        int probeMaxTokens = zeroOrMore(PROBE_MAX_TOKENS, properties.getOrDefault(PROBE_MAX_TOKENS, target == Target.LIVE ? "256" : "0"), Integer.MAX_VALUE);
        OptionalInt probeLimit = probeMaxTokens == 0 ? OptionalInt.empty() : OptionalInt.of(probeMaxTokens);
        Map<TokenKind, Secret> tokens = target.isStub() ? TokenReading.fromStubSet(stubRoot) : TokenReading.fromEnvironment(environment);
        if (target.isStub() && !Files.isDirectory(stubRoot.resolve("mappings"))) {
            throw new ConfigurationException(STUBS + "='" + stubRoot + "' has no mappings/ folder: point -D" + STUBS
                    + " at a WireMock root (mappings/ and __files/), or leave it unset to use stubs/.");
        }
        overlay.filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new ConfigurationException(STUB_OVERLAY + "='" + dir + "' is not a folder of extra stub mappings.");
        });
        // read as the run starts (setup/OwnSetup), where the file's token placeholder gets the run's dedicated token
        Optional<Path> cozeSetupFile = text(properties.get(COZE_SETUP)).map(Path::of);
        Optional<String> cozeSetupTool = text(properties.get(COZE_SETUP_TOOL));
        if (cozeSetupTool.isPresent() && cozeSetupFile.isEmpty()) {
            throw new ConfigurationException("-D" + COZE_SETUP_TOOL + " names a tool of a setup file, but no -D" + COZE_SETUP + "=FILE was given.");
        }
        Path historyDir = text(properties.get(HISTORY)).map(Path::of).orElse(reportsDir.resolve("history"));
        int latencyChange = between(LATENCY_CHANGE, properties.getOrDefault(LATENCY_CHANGE, "50"), 1, 1000,
                "how far (percent) a median total time must move to be named as changed since the previous run");
        return new Settings(target, baseUrl, stubRoot, overlay, recordInto, reportsDir, limits, allowlist, models, table, samples, concurrency, maxRequests,
                maxTokensPerRun,
                retries, longestWait, probeLimit, acceptBaseline, cozeSetupFile, cozeSetupTool, Map.copyOf(tokens), historyDir, latencyChange);
    }

    /**
     * These settings with no retry of a 429 or 502/503/504: the sampling scenario measures what a Coze node gets, and
     * Coze never retries on a status, so a retry by the harness would hide the very failure being counted.
     */
    public Settings withoutRetries() {
        return sendingWith(limits, 0);
    }

    /**
     * These settings for the preflight: its connection, headers and whole exchange get at least the default limits. The
     * limits model how long Coze waits for an answer, and Coze never asks for the model list; and the preflight, the
     * run's first request, also pays for loading the harness's HTTP client, which on a loaded machine took longer than a
     * limit of a few seconds set for chat answers (the run did not start, blaming the gateway).
     */
    public Settings forThePreflight() {
        return sendingWith(limits.atLeastForAnExchange(Limits.read(Map.of())), retries);
    }

    /** These settings with other limits and retries for a client to send with; every other setting stays. */
    private Settings sendingWith(Limits otherLimits, int otherRetries) {
        return new Settings(target, baseUrl, stubRoot, stubOverlay, recordInto, reportsDir, otherLimits, expectedAllowlist, modelsUnderTest,
                modelTable, samples, samplesConcurrency, maxRequests, maxTokensPerRun, otherRetries, longestRetryWait, probeMaxTokens,
                acceptBaseline, cozeSetupFile, cozeSetupTool, tokens, historyDir, latencyChangePercent);
    }

    public Optional<Secret> token(TokenKind kind) {
        return Optional.ofNullable(tokens.get(kind));
    }

    public boolean isUnderTest(String model) {
        return modelsUnderTest.contains(model);
    }

    /** The fake tokens a stub set declares in its tokens.properties. */
    public static Map<TokenKind, Secret> stubTokens(Path stubRoot) {
        return TokenReading.fromStubSet(stubRoot);
    }

    /** Where Allure's results go (allure.properties points there): a report is written only when the folder exists. */
    public Path allureResults() {
        return reportsDir.resolve("allure-results");
    }
}
