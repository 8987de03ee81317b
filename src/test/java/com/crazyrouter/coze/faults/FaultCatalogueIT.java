package com.crazyrouter.coze.faults;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import com.crazyrouter.coze.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite must catch a broken gateway. Each folder under src/test/resources/faults/ is a small stub overlay that
 * breaks one part of the contract (description.txt says which; settings.properties may change a setting for it).
 * The ordinary features run against the stub set plus that overlay and must fail, with assertion failures that
 * name the contract; a fault that no scenario notices, or one that makes scenarios crash instead, fails the build.
 */
class FaultCatalogueIT {
    private static final Path CATALOGUE = Path.of("src", "test", "resources", "faults");
    private static final Path OUTPUT = Path.of("target", "fault-catalogue");
    /**
     * Each fault run is one thread (its scenarios one after another). Much of a run is waiting (a Retry-After, the
     * token log's second look), so more runs than cores pay: on 2 cores 1 at a time took 92 s, 2: 52 s, 4: 39 s, 8: 35 s.
     */
    private static final int PARALLEL_FAULTS = 4 * Runtime.getRuntime().availableProcessors();

    @Test
    void everyFaultIsCaughtForTheRightReason() throws Exception {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<Path> faults = faults();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_FAULTS);
        try {
            Future<Outcome> control = pool.submit(() -> run("control", common(OUTPUT.resolve("control"))));
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (Path fault : faults) {
                outcomes.add(pool.submit(() -> run(fault.getFileName().toString(), faultSettings(fault))));
            }
            if (!control.get().run().failures().isEmpty()) {
                problems.add("control run (no fault) failed: " + control.get().run().failures().stream().map(InProcessRun.Failure::scenario).toList());
            }
            StringBuilder table = new StringBuilder(String.format("%n%-30s | %-9s | %6s | %s%n", "fault", "scenarios", "time", "caught by (guide lines of the failed scenarios)"));
            int detected = 0;
            for (int i = 0; i < faults.size(); i++) {
                Outcome outcome = outcomes.get(i).get();
                InProcessRun run = outcome.run();
                TreeSet<String> lines = run.failures().stream().flatMap(f -> f.tags().stream())
                        .filter(t -> t.matches("@(checklist|error)-\\d|@smoke|@models|@token")).collect(Collectors.toCollection(TreeSet::new));
                table.append(String.format("%-30s | %4d/%-4d | %5.1fs | %s%n", outcome.name(), run.failures().size(), run.scenarios(),
                        outcome.seconds(), String.join(" ", lines)));
                if (run.failures().isEmpty()) {
                    problems.add(outcome.name() + " (" + description(faults.get(i)) + ") went unnoticed: no scenario failed");
                } else {
                    detected++;
                }
                run.failures().stream().filter(f -> !(f.cause() instanceof AssertionError))
                        .forEach(f -> problems.add(outcome.name() + ": '" + f.scenario() + "' failed for the wrong reason, not a contract assertion: " + f.cause()));
            }
            table.append(String.format("detected %d of %d faults in %.1f s (%d at a time)%n", detected, faults.size(), (System.nanoTime() - started) / 1e9,
                    PARALLEL_FAULTS));
            System.out.println(table);
            assertThat("Faults the suite does not catch, or catches for the wrong reason:" + table, problems, empty());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(String name, InProcessRun run, double seconds) {
    }

    private static Outcome run(String name, Settings settings) {
        long started = System.nanoTime();
        InProcessRun run = InProcessRun.of(settings, OUTPUT.resolve(name).resolve("rerun.txt"));
        return new Outcome(name, run, (System.nanoTime() - started) / 1e9);
    }

    private static Settings faultSettings(Path fault) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.STUB_OVERLAY, fault.resolve("mappings").toString());
        settings.putAll(extraSettings(fault));
        return common(OUTPUT.resolve(fault.getFileName().toString()), settings);
    }

    private static Settings common(Path output) {
        return common(output, Map.of());
    }

    /** Each run writes its summary into a folder of its own, so runs side by side do not share a file. */
    private static Settings common(Path output, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.TARGET, "stub");
        settings.put(Settings.REPORTS, output.resolve("reports").toString());
        settings.putAll(extra);
        return Settings.load(settings, Map.of());
    }

    private static List<Path> faults() throws IOException {
        try (Stream<Path> dirs = Files.list(CATALOGUE)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String description(Path fault) throws IOException {
        return Files.readString(fault.resolve("description.txt"), StandardCharsets.UTF_8).trim();
    }

    private static Map<String, String> extraSettings(Path fault) throws IOException {
        Path file = fault.resolve("settings.properties");
        Map<String, String> settings = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k)));
        }
        return settings;
    }
}
