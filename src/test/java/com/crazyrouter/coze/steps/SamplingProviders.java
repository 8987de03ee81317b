package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.wiring.RunSlot;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/**
 * The run's request cap, for the sampling scenario: its samples go out through a client of their own (one that does
 * not retry a status, as Coze does not) and must still count against the run's cap. Like steps/RunProviders, a reader
 * of the run slot on PicoContainer's behalf.
 */
public final class SamplingProviders {
    private SamplingProviders() {
    }

    @CucumberPicoProvider
    public static class RequestBudgetProvider implements Provider {
        public RequestBudget provide() {
            return RunSlot.current().budget();
        }
    }
}
