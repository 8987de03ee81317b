package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.contract.Preflight;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.FailureStreak;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.stubs.Recorder;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one run shares across its scenarios: its settings, the client (with its redactor and request cap), its stop
 * (the deadline, a gateway that stopped answering), the ledger the summary is written from, and, in the stub profile,
 * the embedded gateway. Scenarios reach these
 * through PicoContainer providers (steps/RunProviders); per-scenario state is {@link ScenarioState}.
 */
public final class Run implements AutoCloseable {
    private final Settings settings;
    private final Optional<BuilderSetup> ownSetup;
    private final Redactor redactor;
    private final RunStop stop;
    private final RequestBudget budget;
    private final RunLedger ledger = new RunLedger();
    private final CrazyrouterClient client;
    private final Optional<StubGateway> stub;
    private final Optional<Recorder> recorder;
    private final GatewayUrl gatewayUrl;
    private final ModelLists modelLists;

    private Run(Settings settings, Optional<BuilderSetup> ownSetup, Optional<StubGateway> started) {
        this.settings = settings;
        this.ownSetup = ownSetup;
        this.redactor = new Redactor(settings.tokens().values());
        this.stop = RunStop.startingNow(settings.limits().runDeadline());
        // The stub answers 429 and 5xx on purpose (Common Errors 6, the fault catalogue), each scenario red for its own
        // reason; only a gateway out there can stop answering, and only there does a failure per request cost minutes.
        Optional<FailureStreak> streak = settings.target().isStub()
                ? Optional.empty()
                : Optional.of(new FailureStreak(settings.limits().stopAfterFailures(), stop));
        this.budget = new RequestBudget(settings.maxRequests(), settings.maxTokensPerRun(), RequestBudget.RETRIES_PER_RUN, stop, streak);
        this.client = new CrazyrouterClient(settings, redactor, budget, ledger.conformance());
        GatewayUrl live = new GatewayUrl(settings.baseUrl().orElse(Settings.PUBLIC_BASE_URL));
        List<String> preflightList = new ArrayList<>();
        if (!settings.target().isStub()) {
            CrazyrouterClient preflight = new CrazyrouterClient(settings.forThePreflight(), redactor, budget.forThePreflight());
            System.out.println(Preflight.check(preflight, live, settings.token(TokenKind.DEDICATED).orElseThrow(), preflightList::addAll));
        }
        this.stub = settings.target().isStub()
                ? Optional.of(started.orElseGet(() -> StubGateway.start(settings.stubRoot(), settings.stubOverlay(), settings.modelTable())))
                : Optional.empty();
        this.recorder = settings.target() == Target.RECORD
                ? Optional.of(Recorder.start(live.base(), settings.tokens(), redactor, settings.recordInto()))
                : Optional.empty();
        this.gatewayUrl = stub.map(StubGateway::baseUrl).or(() -> recorder.map(Recorder::baseUrl)).map(GatewayUrl::new).orElse(live);
        this.modelLists = ModelLists.from(client, settings::token, () -> gatewayUrl);
        if (!preflightList.isEmpty()) {
            modelLists.seed(TokenKind.DEDICATED, preflightList);
        }
    }

    /**
     * {@code ownSetup}: the builder's setup file (-Dcoze.setup), read with the settings; {@code started}: the stub gateway,
     * if one was started ahead for these settings (RunSlot.headStart).
     */
    static Run start(Settings settings, Optional<BuilderSetup> ownSetup, Optional<StubGateway> started) {
        return new Run(settings, ownSetup, started);
    }

    public Settings settings() {
        return settings;
    }

    /** The builder's own setup (-Dcoze.setup), if the run was given one. */
    public Optional<BuilderSetup> ownSetup() {
        return ownSetup;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** When the run stops sending and starting scenarios: its deadline, or a gateway that stopped answering. */
    public RunStop stop() {
        return stop;
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

    /** Where this run's requests go: the embedded stub, the recording proxy, or the live base URL. */
    public GatewayUrl gatewayUrl() {
        return gatewayUrl;
    }

    /** Each token's model list, read when a diagnosis first needs it. */
    public ModelLists modelLists() {
        return modelLists;
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
