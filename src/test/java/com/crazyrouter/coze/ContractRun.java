package com.crazyrouter.coze;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the features in a JVM of its own, as `mvn verify` would, from whatever working directory it is started in
 * (reports/ are written there). The live-profile tests start it as a separate process, so that its environment
 * (the token) and its output can be set and captured the way a user's run has them.
 * Exit code: 0 all scenarios passed or were skipped, 1 some failed, 2 nothing ran.
 */
public final class ContractRun {
    private ContractRun() {
    }

    public static void main(String[] args) {
        Path features = Path.of(args.length > 0 ? args[0] : "features").toAbsolutePath();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(features.toFile()))
                .filters(includeEngines("cucumber"))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        result.getFailures().forEach(f -> System.out.println("FAILED " + f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage()));
        System.out.printf("contract run: %d scenarios, %d succeeded, %d failed, %d skipped%n", result.getTestsFoundCount(),
                result.getTestsSucceededCount(), result.getTotalFailureCount(), result.getTestsSkippedCount() + result.getTestsAbortedCount());
        System.exit(result.getTestsFoundCount() == 0 ? 2 : result.getTotalFailureCount() > 0 ? 1 : 0);
    }
}
