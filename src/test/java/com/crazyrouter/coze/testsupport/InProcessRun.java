package com.crazyrouter.coze.testsupport;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.wiring.RunSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The features run in this JVM, on the calling thread, with the given settings — e.g. against the stub set plus a
 * fault overlay — and no report written but the summary (with what each red scenario was diagnosed as). The settings go to the run as an object (RunSlot.with), so several such
 * runs can go on at once on different threads.
 */
public record InProcessRun(int scenarios, List<Failure> failures) {

    /** A failed scenario, with its tags (as written in the feature: @error-1) and why it failed. */
    public record Failure(String scenario, List<String> tags, Throwable cause) {
    }

    /** {@code rerunFile}: where Cucumber lists the failed scenarios (file:line), the only output such a run writes. */
    public static InProcessRun of(Settings settings, Path rerunFile) {
        return of(settings, rerunFile, "");
    }

    /** {@code tags}: a Cucumber tag expression the scenarios must match; empty for all. */
    public static InProcessRun of(Settings settings, Path rerunFile, String tags) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        if (!tags.isBlank()) {
            builder.configurationParameter("cucumber.filter.tags", tags);
        }
        LauncherDiscoveryRequest request = builder
                .selectors(selectDirectory(Path.of("features").toAbsolutePath().toFile()))
                .filters(includeEngines("cucumber"))
                // FailureReasons hands the summary what each red scenario was diagnosed as, as in a run of its own
                .configurationParameter("cucumber.plugin", "rerun:" + rerunFile + ", com.crazyrouter.coze.wiring.FailureReasons")
                // the run's settings are bound to this thread, so its scenarios run on it too
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .build();
        List<Failure> failures = new ArrayList<>();
        AtomicInteger scenarios = new AtomicInteger();
        RunSlot.with(settings, () -> {
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        scenarios.incrementAndGet();
                    }
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        List<String> tags = test.getTags().stream().map(TestTag::getName).map(t -> "@" + t).sorted().toList();
                        failures.add(new Failure(test.getDisplayName(), tags, result.getThrowable().orElse(null)));
                    }
                }
            });
            return null;
        });
        return new InProcessRun(scenarios.get(), List.copyOf(failures));
    }
}
