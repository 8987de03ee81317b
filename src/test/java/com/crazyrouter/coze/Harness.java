package com.crazyrouter.coze;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.Preflight;
import com.crazyrouter.coze.stubs.Recorder;
import com.crazyrouter.coze.gateway.CrazyrouterClient;
import com.crazyrouter.coze.gateway.Redactor;
import com.crazyrouter.coze.gateway.RequestBudget;
import com.crazyrouter.coze.report.RunLedger;
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
    private final RunLedger ledger = new RunLedger();
    private final CrazyrouterClient client;
    private final Optional<StubGateway> stub;
    private final Optional<Recorder> recorder;
    private final URI gatewayUrl;

    private Harness(Settings settings) {
        this.settings = settings;
        this.redactor = new Redactor(settings.tokens().values());
        this.budget = new RequestBudget(settings.maxRequests(), settings.maxTokensPerRun());
        this.client = new CrazyrouterClient(settings, redactor, budget);
        URI live = settings.baseUrl().orElse(Settings.PUBLIC_BASE_URL);
        if (!settings.target().isStub()) {
            System.out.println(Preflight.check(client, live, settings.token(TokenKind.DEDICATED).orElseThrow()));
        }
        this.stub = settings.target().isStub()
                ? Optional.of(StubGateway.start(settings.stubRoot(), settings.stubOverlay()))
                : Optional.empty();
        this.recorder = settings.target() == Target.RECORD
                ? Optional.of(Recorder.start(live, settings.tokens(), redactor, settings.recordInto()))
                : Optional.empty();
        this.gatewayUrl = stub.map(StubGateway::baseUrl).or(() -> recorder.map(Recorder::baseUrl)).orElse(live);
    }

    public static Harness start() {
        Harness harness = new Harness(Settings.fromEnvironment());
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

    /** The run going on, if one started (plugins hear of scenarios whether or not it did). */
    public static Optional<Harness> running() {
        return Optional.ofNullable(RUN.get());
    }

    /** Ends the run, if one started, and hands back what it was for a closing summary. */
    public static Optional<Harness> finish() {
        Optional<Harness> harness = Optional.ofNullable(RUN.getAndSet(null));
        harness.ifPresent(Harness::close);
        return harness;
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

    /** What the run found, for the summary written at its end. */
    public RunLedger ledger() {
        return ledger;
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

    public Optional<Recorder> recorder() {
        return recorder;
    }

    @Override
    public void close() {
        stub.ifPresent(StubGateway::close);
        recorder.ifPresent(r -> {
            int files = r.save();
            System.out.println("Recorded " + files + " stub mappings into " + r.into() + "; replay them with: mvn verify -D"
                    + Settings.STUB_OVERLAY + "=" + r.into());
            r.close();
        });
    }
}
