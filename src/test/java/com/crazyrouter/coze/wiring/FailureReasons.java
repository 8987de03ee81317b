package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.report.RunLedger;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.net.URI;
import java.util.Optional;

/**
 * Hands the summary why each red scenario failed, and the guide row the failed assertion named, and why each skipped
 * one was skipped: Cucumber tells plugins the failure, hooks only the status; plugins are not made by PicoContainer, so
 * this one finds the run in the run slot. A concurrent listener hears of each scenario as it ends, before the run's
 * closing summary is written.
 */
public class FailureReasons implements ConcurrentEventListener {
    /** What JUnit's assumptions put before the reason a scenario gave for skipping. */
    private static final String ASSUMPTION = "Assumption failed: ";

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, event -> {
            Throwable error = event.getResult().getError();
            if (event.getResult().getStatus() == Status.SKIPPED && error != null && error.getMessage() != null) {
                String reason = error.getMessage().startsWith(ASSUMPTION) ? error.getMessage().substring(ASSUMPTION.length()) : error.getMessage();
                RunSlot.running().ifPresent(run -> run.ledger().recordSkipped(location(event.getTestCase().getUri(),
                        event.getTestCase().getLocation().getLine()), run.redactor().redact(reason)));
                return;
            }
            if (event.getResult().getStatus() != Status.FAILED || error == null) {
                return;
            }
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            Optional<ContractViolation> violation = Optional.of(error).filter(ContractViolation.class::isInstance).map(ContractViolation.class::cast);
            RunSlot.running().ifPresent(run -> run.ledger().recordFailure(location(event.getTestCase().getUri(), event.getTestCase().getLocation().getLine()),
                    new RunLedger.Failure(run.redactor().redact(message), violation.flatMap(ContractViolation::finding),
                            violation.flatMap(ContractViolation::cozeShows).map(run.redactor()::redact))));
        });
    }

    public static String location(URI feature, int line) {
        return feature + ":" + line;
    }
}
