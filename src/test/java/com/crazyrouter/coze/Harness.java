package com.crazyrouter.coze;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.gateway.CrazyrouterClient;
import com.crazyrouter.coze.gateway.Redactor;
import com.crazyrouter.coze.gateway.RequestBudget;
import com.crazyrouter.coze.stubs.StubGateway;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one run shares across scenarios: its settings, the client (with its redactor and request cap), and,
 * in the stub profile, the embedded gateway. Per-scenario state lives in steps.ScenarioState instead.
 */
public final class Harness implements AutoCloseable {
    /**
     * The run's one slot. Cucumber's only run-wide hooks (@BeforeAll/@AfterAll) are static, so the run's
     * resources need one static home; it is set once at the start of a run and cleared at its end.
     */
    private static final AtomicReference<Harness> RUN = new AtomicReference<>();

    private final Settings settings;
    private final Redactor redactor;
    private final RequestBudget budget;
    private final CrazyrouterClient client;
    private final Optional<StubGateway> stub;
    private final URI gatewayUrl;

    private Harness(Settings settings, Optional<StubGateway> stub) {
        this.settings = settings;
        this.stub = stub;
        this.redactor = new Redactor(settings.tokens().values());
        this.budget = new RequestBudget(settings.maxRequests());
        this.client = new CrazyrouterClient(settings.connectTimeout(), settings.readTimeout(), redactor, budget);
        this.gatewayUrl = stub.map(StubGateway::baseUrl).orElseGet(() -> settings.baseUrl().orElse(Settings.PUBLIC_BASE_URL));
    }

    public static Harness start() {
        Settings settings = Settings.fromEnvironment();
        Optional<StubGateway> stub = settings.target().isStub() && settings.baseUrl().isEmpty()
                ? Optional.of(StubGateway.start(settings.stubRoot(), settings.stubOverlay()))
                : Optional.empty();
        Harness harness = new Harness(settings, stub);
        if (!RUN.compareAndSet(null, harness)) {
            harness.close();
            throw new IllegalStateException("A run is already going on in this JVM");
        }
        return harness;
    }

    public static Harness current() {
        Harness harness = RUN.get();
        if (harness == null) {
            throw new ConfigurationException("The harness did not start; see the first error of this run.");
        }
        return harness;
    }

    public static void finish() {
        Optional.ofNullable(RUN.getAndSet(null)).ifPresent(Harness::close);
    }

    public Settings settings() {
        return settings;
    }

    public Redactor redactor() {
        return redactor;
    }

    public RequestBudget budget() {
        return budget;
    }

    public CrazyrouterClient client() {
        return client;
    }

    /** The embedded stub gateway, present in the stub profile only. */
    public Optional<StubGateway> stub() {
        return stub;
    }

    /** Where this run's requests go: the embedded stub, or the live base URL. */
    public URI gatewayUrl() {
        return gatewayUrl;
    }

    @Override
    public void close() {
        stub.ifPresent(StubGateway::close);
    }
}
