package com.crazyrouter.coze.faults;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The features run in this JVM with some settings changed — e.g. against the stub set plus a fault overlay — and
 * no report written. The harness reads its settings from system properties, so they are set for the run and put
 * back afterwards; runs are one after another, never at the same time.
 */
public record InProcessRun(int scenarios, List<Failure> failures) {

    /** A failed scenario, with its tags (as written in the feature: @error-1) and why it failed. */
    public record Failure(String scenario, List<String> tags, Throwable cause) {
    }

    /** {@code rerunFile}: where Cucumber lists the failed scenarios (file:line), the only output such a run writes. */
    public static InProcessRun of(Map<String, String> settings, Path rerunFile) {
        Map<String, String> previous = new HashMap<>();
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectDirectory(Path.of("features").toAbsolutePath().toFile()))
                    .filters(includeEngines("cucumber"))
                    .configurationParameter("cucumber.plugin", "rerun:" + rerunFile)
                    .build();
            List<Failure> failures = new ArrayList<>();
            AtomicInteger scenarios = new AtomicInteger();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        scenarios.incrementAndGet();
                    }
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        List<String> tags = test.getTags().stream().map(TestTag::getName).map(t -> "@" + t).sorted().toList();
                        synchronized (failures) {
                            failures.add(new Failure(test.getDisplayName(), tags, result.getThrowable().orElse(null)));
                        }
                    }
                }
            });
            return new InProcessRun(scenarios.get(), List.copyOf(failures));
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
