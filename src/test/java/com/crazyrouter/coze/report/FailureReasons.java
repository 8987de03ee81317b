package com.crazyrouter.coze.report;

import com.crazyrouter.coze.Harness;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.net.URI;

/**
 * Hands the summary why each red scenario failed: Cucumber tells plugins the failure, hooks only the status.
 * A concurrent listener hears of each scenario as it ends, before the run's closing summary is written.
 */
public class FailureReasons implements ConcurrentEventListener {
    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, event -> {
            Throwable error = event.getResult().getError();
            if (event.getResult().getStatus() != Status.FAILED || error == null) {
                return;
            }
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            Harness.running().ifPresent(harness -> harness.ledger().recordFailure(
                    location(event.getTestCase().getUri(), event.getTestCase().getLocation().getLine()), harness.redactor().redact(message)));
        });
    }

    public static String location(URI feature, int line) {
        return feature + ":" + line;
    }
}
