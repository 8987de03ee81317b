package com.crazyrouter.coze.testsupport;

import com.crazyrouter.coze.ContractRun;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The contract run in a JVM of its own, with the environment and -D settings a user would give it, output captured,
 * and how long it took.
 */
public record ChildRun(int exitCode, String output, Path workDir, Duration took) {
    /** A hang guard, not a measurement: the longest child run takes 15 s on a quiet machine, two and a half minutes at load 35. */
    private static final Duration LONGEST = Duration.ofMinutes(10);
    /**
     * How long a run stopped by a signal may take to write its summary and end: a hang guard, not a measurement (a
     * second on a quiet machine, several on a loaded one, where 10 s was close).
     */
    private static final Duration ENDS_AFTER_SIGNAL = Duration.ofMinutes(1);
    private static final String CONSOLE = "console.log";

    public static ChildRun run(Path workDir, Map<String, String> properties, Map<String, String> environment) throws IOException, InterruptedException {
        return run(workDir, properties, environment, LONGEST);
    }

    /** A run that has not ended within {@code bound} is destroyed, and the test fails saying so. */
    public static ChildRun run(Path workDir, Map<String, String> properties, Map<String, String> environment, Duration bound)
            throws IOException, InterruptedException {
        Process process = start(workDir, properties, environment);
        long started = System.nanoTime();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The contract run did not finish within " + bound.toSeconds() + " s and was stopped; see " + workDir.resolve(CONSOLE));
        }
        return ended(process, workDir, started);
    }

    /**
     * A run stopped as Ctrl-C or a kill signal stops it (SIGTERM: the JVM's shutdown hooks run) once its output shows
     * {@code when}; it must then end within {@link #ENDS_AFTER_SIGNAL}.
     */
    public static ChildRun interrupted(Path workDir, Map<String, String> properties, Map<String, String> environment, String when, Duration bound)
            throws IOException, InterruptedException {
        Process process = start(workDir, properties, environment);
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        while (!Files.readString(workDir.resolve(CONSOLE), StandardCharsets.UTF_8).contains(when)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("The contract run " + (process.isAlive() ? "never showed" : "ended before showing") + " '" + when + "'; see "
                        + workDir.resolve(CONSOLE));
            }
            Thread.sleep(50);
        }
        process.destroy();
        if (!process.waitFor(ENDS_AFTER_SIGNAL.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The interrupted contract run did not end within " + ENDS_AFTER_SIGNAL.toSeconds() + " s; see "
                    + workDir.resolve(CONSOLE));
        }
        return ended(process, workDir, started);
    }

    private static ChildRun ended(Process process, Path workDir, long started) throws IOException {
        return new ChildRun(process.exitValue(), Files.readString(workDir.resolve(CONSOLE), StandardCharsets.UTF_8), workDir,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Process start(Path workDir, Map<String, String> properties, Map<String, String> environment) throws IOException {
        deleteTree(workDir); // an earlier run's reports would be searched for tokens and read as this run's
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(ChildJvm.command());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-D" + Settings.MODEL_TABLE + "=" + ModelTable.DEFAULT.toAbsolutePath());
        command.add(ContractRun.class.getName());
        command.add(Path.of("features").toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CRAZYROUTER_"));
        builder.environment().putAll(environment);
        builder.redirectOutput(workDir.resolve(CONSOLE).toFile());
        return builder.start();
    }

    /** The settings of a live run against {@code gateway}, two scenarios at a time as `mvn verify -Plive` runs them. */
    public static Map<String, String> live(URI gateway) {
        return Map.of("crazyrouter.target", "live", "crazyrouter.baseUrl", gateway.toString(),
                "cucumber.execution.parallel.config.fixed.parallelism", "2", "cucumber.execution.parallel.config.fixed.max-pool-size", "2");
    }

    /** The last {@code count} lines of the output that are not blank. */
    public String lastLines(int count) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The run's reports/summary.md. */
    public String summary() throws IOException {
        return Files.readString(workDir.resolve("reports").resolve("summary.md"), StandardCharsets.UTF_8);
    }

    /** Deletes a folder and everything in it, if it is there. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
