package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.report.ConsoleLines;
import com.crazyrouter.coze.report.SummaryWriter;
import com.crazyrouter.coze.run.RunStop;
import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.setup.OwnSetup;
import com.crazyrouter.coze.stubs.StubGateway;
import com.crazyrouter.coze.transport.Redactor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The harness's one static: where the run going on lives. Cucumber's run-wide hooks (@BeforeAll/@AfterAll) are
 * static and its plugins are not made by PicoContainer, so they need a static home; scenarios get the run's parts
 * injected instead (steps/RunProviders). A `mvn verify` has one run per JVM; an in-process run (the fault catalogue)
 * binds its own settings, and so its own run, to the thread it runs on, so several can go on side by side.
 */
public final class RunSlot {
    private static final RunSlot SLOT = new RunSlot();

    private final AtomicReference<Run> jvmRun = new AtomicReference<>();
    private final ThreadLocal<Settings> threadSettings = new ThreadLocal<>();
    private final ThreadLocal<Run> threadRun = new ThreadLocal<>();
    private final AtomicReference<Long> jvmPlan = new AtomicReference<>();
    private final ThreadLocal<Long> threadPlan = new ThreadLocal<>();
    private final AtomicReference<Thread> whenKilled = new AtomicReference<>();
    private final AtomicReference<HeadStart> headStart = new AtomicReference<>();

    /** The stub gateway of the run about to start, starting while Cucumber reads the features; empty where it cannot. */
    private record HeadStart(CompletableFuture<Optional<Started>> started) {
        void discard() {
            started.thenAccept(stub -> stub.ifPresent(s -> s.gateway().close()));
        }
    }

    private record Started(Settings settings, StubGateway gateway) {
        boolean servesFor(Settings run) {
            return settings.stubRoot().equals(run.stubRoot()) && settings.stubOverlay().equals(run.stubOverlay())
                    && settings.modelTable().equals(run.modelTable());
        }
    }

    private RunSlot() {
    }

    /**
     * Starts the run: with the settings bound to this thread, if any, otherwise with -D settings and the environment. A
     * run of this JVM that is killed (Ctrl-C, a kill signal) still writes its summary, saying it was interrupted.
     */
    public static Run open() {
        Settings bound = SLOT.threadSettings.get();
        if (bound != null) {
            Run run = start(bound.reportsDir(), () -> bound, false);
            SLOT.threadRun.set(run);
            return run;
        }
        Path reports = Settings.reportsDirAsked();
        AtomicBoolean starting = new AtomicBoolean(true);
        SLOT.summariseIfKilled(reports, starting);
        Run run;
        try {
            run = start(reports, Settings::fromEnvironment, true);
        } catch (RuntimeException notStarted) {
            starting.set(false); // start() wrote why
            Optional.ofNullable(SLOT.whenKilled.getAndSet(null)).ifPresent(RunSlot::forget);
            throw notStarted;
        }
        if (!SLOT.jvmRun.compareAndSet(null, run)) {
            run.close();
            throw new IllegalStateException("A run is already going on in this JVM");
        }
        starting.set(false);
        return run;
    }

    /**
     * Removes the previous run's summary before anything else, then starts; a run that cannot start (a setting, the
     * builder's setup file, the preflight) writes a summary that says why, so no earlier run's summary passes for this one's.
     */
    private static Run start(Path reports, Supplier<Settings> settings, boolean mayTakeHeadStart) {
        SummaryWriter.removePrevious(reports);
        Settings loaded;
        Optional<BuilderSetup> ownSetup;
        try {
            loaded = settings.get();
        } catch (ConfigurationException wrong) {
            SummaryWriter.writeNotStarted(reports, String.valueOf(wrong.getMessage()));
            throw saidOnce("a setting is wrong. Nothing was sent.", wrong.getMessage(), reports);
        } catch (RuntimeException notStarted) {
            SummaryWriter.writeNotStarted(reports, String.valueOf(notStarted.getMessage()));
            throw notStarted;
        }
        try {
            ownSetup = OwnSetup.read(loaded);
        } catch (ConfigurationException refused) {
            // said once, here; Cucumber and Maven repeat only the one line of the RedRun, without a stack trace
            SummaryWriter.writeNotStarted(loaded.reportsDir(), refused.getMessage());
            ConsoleLines.setupRefused(refused.getMessage()).forEach(System.out::println);
            throw new RedRun("The run did not start: the setup file " + loaded.cozeSetupFile().map(String::valueOf).orElse("") + " was refused; "
                    + "what to change is printed above and in " + loaded.reportsDir().resolve("summary.html") + ".");
        }
        try {
            return Run.start(loaded, ownSetup, mayTakeHeadStart ? takeHeadStart(loaded) : Optional.empty());
        } catch (RuntimeException notStarted) {
            Redactor redactor = new Redactor(loaded.tokens().values());
            String why = redactor.redact(String.valueOf(notStarted.getMessage()));
            SummaryWriter.writeNotStarted(loaded.reportsDir(), why, redactor);
            if (notStarted instanceof ConfigurationException) {
                throw saidOnce("the preflight stopped it.", why, loaded.reportsDir());
            }
            // a skip here (the deadline passed before the preflight) would leave a run of nothing but skips: green
            throw notStarted instanceof TestAbortedException ? new RedRun(why) : notStarted;
        }
    }

    /** Why the run did not start, said once on the console; Cucumber and Maven repeat only the RedRun's one line, without a stack trace. */
    private static RedRun saidOnce(String what, String why, Path reports) {
        ConsoleLines.notStarted(what, String.valueOf(why)).forEach(System.out::println);
        return new RedRun(
                "The run did not start: " + what.replaceFirst("\\..*", "") + "; why is printed above and in " + reports.resolve("summary.html") + ".");
    }

    /** Killed while it starts (the settings, the preflight, the stub gateway) or while it runs, the run still writes a summary saying so. */
    private void summariseIfKilled(Path reports, AtomicBoolean starting) {
        Thread hook = new Thread(() -> {
            Run unfinished = jvmRun.getAndSet(null);
            if (unfinished != null) {
                unfinished.stop().stop(new RunStop.Stop("the run was interrupted",
                        "The run was interrupted (Ctrl-C or a kill signal) before its end; this summary is what it had found by then."));
                RunSummary.publish(unfinished);
            } else if (starting.get()) {
                SummaryWriter.writeNotStarted(reports, "the run was interrupted (Ctrl-C or a kill signal) while it was starting "
                        + "(reading its settings, the preflight, starting the stub gateway).");
            }
        }, "summary-when-killed");
        Runtime.getRuntime().addShutdownHook(hook);
        whenKilled.set(hook);
    }

    public static Run current() {
        return running().orElseThrow(() -> new ConfigurationException("The harness did not start; see the first error of this run."));
    }

    /** The run going on, if one started (plugins hear of scenarios whether or not it did). */
    public static Optional<Run> running() {
        return Optional.ofNullable(SLOT.threadRun.get()).or(() -> Optional.ofNullable(SLOT.jvmRun.get()));
    }

    /**
     * How many scenarios the run about to start will run, told by the JUnit plan (wiring/PlannedScenarios) before the
     * run opens; scenarios finish on Cucumber's threads, which read it from here for their progress lines.
     */
    public static void plan(long scenarios) {
        if (SLOT.threadSettings.get() != null) {
            SLOT.threadPlan.set(scenarios);
        } else {
            SLOT.jvmPlan.set(scenarios);
        }
    }

    /** How many scenarios the run going on will run, if a JUnit plan said so. */
    public static OptionalLong planned() {
        Long planned = Optional.ofNullable(SLOT.threadPlan.get()).orElseGet(SLOT.jvmPlan::get);
        return planned == null ? OptionalLong.empty() : OptionalLong.of(planned);
    }

    /** Ends the run, if one started, and hands back what it was for a closing summary. */
    public static Optional<Run> close() {
        Optional<Run> run = Optional.ofNullable(SLOT.threadRun.get());
        if (run.isPresent()) {
            SLOT.threadRun.remove();
        } else {
            run = Optional.ofNullable(SLOT.jvmRun.getAndSet(null));
            Optional.ofNullable(SLOT.whenKilled.getAndSet(null)).ifPresent(RunSlot::forget);
        }
        run.ifPresent(Run::close);
        return run;
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already on its way out; the hook finds no run left to summarise
        }
    }

    /**
     * Starts the stub gateway of this JVM's run before the run opens, on a thread of its own: its start (Jetty, the
     * mappings, the templates; 0.7 s) then overlaps Cucumber's reading of the features instead of following it. Only
     * for a stub run whose settings load; anything else is left to the run itself, which reports it.
     */
    public static void headStart() {
        HeadStart started = new HeadStart(CompletableFuture.supplyAsync(() -> {
            Settings settings;
            try {
                settings = Settings.fromEnvironment();
            } catch (RuntimeException badSetting) {
                return Optional.empty(); // the run stops on it, with its own message
            }
            return settings.target().isStub()
                    ? Optional.of(new Started(settings, StubGateway.start(settings.stubRoot(), settings.stubOverlay(), settings.modelTable())))
                    : Optional.empty();
        }));
        Optional.ofNullable(SLOT.headStart.getAndSet(started)).ifPresent(HeadStart::discard);
    }

    /** Stops a head-started stub gateway no run took (the selection was empty, the run did not start). */
    public static void dropHeadStart() {
        Optional.ofNullable(SLOT.headStart.getAndSet(null)).ifPresent(HeadStart::discard);
    }

    private static Optional<StubGateway> takeHeadStart(Settings run) {
        HeadStart head = SLOT.headStart.getAndSet(null);
        if (head == null) {
            return Optional.empty();
        }
        Optional<Started> started;
        try {
            started = head.started().join();
        } catch (CompletionException failed) {
            return Optional.empty(); // the run starts it again and stops with the failure's own message
        }
        if (started.isPresent() && !started.get().servesFor(run)) {
            started.get().gateway().close();
            return Optional.empty();
        }
        return started.map(Started::gateway);
    }

    /** Runs {@code body} (which runs the features on this thread) with these settings instead of -D settings. */
    public static <T> T with(Settings settings, Supplier<T> body) {
        SLOT.threadSettings.set(settings);
        try {
            return body.get();
        } finally {
            SLOT.threadSettings.remove();
            SLOT.threadPlan.remove();
            if (SLOT.threadRun.get() != null) {
                close();
            }
        }
    }
}
