package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.report.ConsoleLines;
import com.crazyrouter.coze.report.RunLedger;
import com.crazyrouter.coze.run.RunStop;
import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A live run against a slow model takes minutes, so the console says how far it is: "[ 12/101] passed   …" as each
 * scenario finishes, and at the end the summary to open and, when red, the first red scenario's guide row and fix.
 * Listed in cucumber.plugin in junit-platform.properties only: runs that set their own plugins (the fault catalogue's
 * in-process runs) stay quiet. Plugins are not made by PicoContainer, so this one finds the run in the run slot.
 */
public class Progress implements ConcurrentEventListener {
    /** What the lines need from the run: its ledger, where it writes the summary, and why it stopped, if it did. */
    record RunView(RunLedger ledger, Path reportsDir, Optional<String> stopped) {
        RunView(RunLedger ledger, Path reportsDir) {
            this(ledger, reportsDir, Optional.empty());
        }
    }

    private final PrintStream out;
    private final Supplier<OptionalLong> planned;
    private final Supplier<Optional<RunView>> running;
    // The run slot is empty once the run has closed, before Cucumber says the run finished.
    private final AtomicReference<RunView> lastRun = new AtomicReference<>();
    private long finished;

    public Progress() {
        this(System.out, RunSlot::planned, () -> RunSlot.running().map(run -> new RunView(run.ledger(), run.settings().reportsDir(),
                run.stop().stopped().map(RunStop.Stop::message))));
    }

    Progress(PrintStream out, Supplier<OptionalLong> planned, Supplier<Optional<RunView>> running) {
        this.out = out;
        this.planned = planned;
        this.running = running;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        // The run's end as a message, not as an event: Cucumber's summary prints on the message, and this plugin, listed
        // after it, hears it next, so the run's last line is the summary to open.
        publisher.registerHandlerFor(Envelope.class, message -> message.getTestRunFinished()
                .flatMap(finished -> Optional.ofNullable(lastRun.get())).ifPresent(this::close));
    }

    // Scenarios finish on several threads: counting and printing as one step keeps the lines numbered in order.
    private synchronized void finished(TestCaseFinished event) {
        Optional<RunView> run = running.get();
        run.ifPresent(lastRun::set);
        TestCase scenario = event.getTestCase();
        Optional<String> retryNote = run.flatMap(r -> r.ledger().retriedNote(FailureReasons.location(scenario.getUri(), scenario.getLocation().getLine())));
        out.println(ConsoleLines.progress(++finished, planned.get(), ConsoleLines.verdict(event.getResult().getStatus(), retryNote),
                scenario.getTags(), scenario.getName()));
    }

    private void close(RunView run) {
        out.println();
        ConsoleLines.closing(run.reportsDir(), run.ledger(), run.stopped()).forEach(out::println);
    }
}
