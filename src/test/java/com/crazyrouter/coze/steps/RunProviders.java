package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.contract.RequestJournal;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OffWireMarks;
import com.crazyrouter.coze.transport.Redactor;
import com.crazyrouter.coze.wiring.RunSlot;
import io.cucumber.picocontainer.CucumberPicoProvider;
import java.util.Optional;
import org.picocontainer.injectors.Provider;

/**
 * How the run's parts reach a scenario: PicoContainer asks these providers for them, so a step class names what it
 * uses in its constructor. They are the only readers of the run slot besides Cucumber's run-wide hooks and plugins.
 */
public final class RunProviders {
    private RunProviders() {
    }

    @CucumberPicoProvider
    public static class SettingsProvider implements Provider {
        public Settings provide() {
            return RunSlot.current().settings();
        }
    }

    @CucumberPicoProvider
    public static class ClientProvider implements Provider {
        public CrazyrouterClient provide() {
            return RunSlot.current().client();
        }
    }

    @CucumberPicoProvider
    public static class GatewayUrlProvider implements Provider {
        public GatewayUrl provide() {
            return RunSlot.current().gatewayUrl();
        }
    }

    @CucumberPicoProvider
    public static class ModelListsProvider implements Provider {
        public ModelLists provide() {
            return RunSlot.current().modelLists();
        }
    }

    @CucumberPicoProvider
    public static class LedgerProvider implements Provider {
        public RunLedger provide() {
            return RunSlot.current().ledger();
        }
    }

    @CucumberPicoProvider
    public static class RunStopProvider implements Provider {
        public RunStop provide() {
            return RunSlot.current().stop();
        }
    }

    @CucumberPicoProvider
    public static class RedactorProvider implements Provider {
        public Redactor provide() {
            return RunSlot.current().redactor();
        }
    }

    /** The stub gateway's request log in a stub run; elsewhere a journal that says it cannot see. */
    @CucumberPicoProvider
    public static class RequestJournalProvider implements Provider {
        public RequestJournal provide() {
            return RunSlot.current().stub().<RequestJournal>map(stub -> mark -> Optional.of(stub.requestsMarked(mark).size()))
                    .orElse(RequestJournal.NOT_OBSERVABLE);
        }
    }

    /** How the embedded stub is told which scenario sends a request that carries no mark of its own; elsewhere nothing is told. */
    @CucumberPicoProvider
    public static class OffWireMarksProvider implements Provider {
        public OffWireMarks provide() {
            return RunSlot.current().stub().map(StubGateway::marks).orElse(OffWireMarks.NONE);
        }
    }

    /** Only steps of @setup scenarios ask for it; a run given no setup file leaves those scenarios out (config/ScenarioSelection). */
    @CucumberPicoProvider
    public static class OwnSetupProvider implements Provider {
        public BuilderSetup provide() {
            return RunSlot.current().ownSetup().orElseThrow(() -> new IllegalStateException(
                    "@setup scenarios run only with -D" + Settings.COZE_SETUP + "=FILE"));
        }
    }

    /** Only steps of @stub-only scenarios ask for it; in any other run those scenarios are skipped before their steps. */
    @CucumberPicoProvider
    public static class StubGatewayProvider implements Provider {
        public StubGateway provide() {
            return RunSlot.current().stub().orElseThrow(() -> new IllegalStateException(
                    "This step needs the embedded stub gateway; tag the scenario @stub-only"));
        }
    }
}
