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

    @Test
    void everyFaultIsCaughtForTheRightReason() throws IOException {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        InProcessRun control = InProcessRun.of(common(), OUTPUT.resolve("control.rerun"));
        if (!control.failures().isEmpty()) {
            problems.add("control run (no fault) failed: " + control.failures().stream().map(InProcessRun.Failure::scenario).toList());
        }
        StringBuilder table = new StringBuilder(String.format("%n%-30s | %-9s | %6s | %s%n", "fault", "scenarios", "time", "caught by (guide lines of the failed scenarios)"));
        int detected = 0;
        List<Path> faults = faults();
        for (Path fault : faults) {
            Map<String, String> settings = common();
            settings.put(Settings.STUB_OVERLAY, fault.resolve("mappings").toString());
            settings.putAll(extraSettings(fault));
            String name = fault.getFileName().toString();
            long faultStarted = System.nanoTime();
            InProcessRun run = InProcessRun.of(settings, OUTPUT.resolve(name + ".rerun"));
            TreeSet<String> lines = run.failures().stream().flatMap(f -> f.tags().stream())
                    .filter(t -> t.matches("@(checklist|error)-\\d|@smoke|@models|@token")).collect(Collectors.toCollection(TreeSet::new));
            table.append(String.format("%-30s | %4d/%-4d | %5.1fs | %s%n", name, run.failures().size(), run.scenarios(),
                    (System.nanoTime() - faultStarted) / 1e9, String.join(" ", lines)));
            if (run.failures().isEmpty()) {
                problems.add(name + " (" + description(fault) + ") went unnoticed: no scenario failed");
            } else {
                detected++;
            }
            run.failures().stream().filter(f -> !(f.cause() instanceof AssertionError))
                    .forEach(f -> problems.add(name + ": '" + f.scenario() + "' failed for the wrong reason, not a contract assertion: " + f.cause()));
        }
        table.append(String.format("detected %d of %d faults in %.1f s%n", detected, faults.size(), (System.nanoTime() - started) / 1e9));
        System.out.println(table);
        assertThat("Faults the suite does not catch, or catches for the wrong reason:" + table, problems, empty());
    }

    private static Map<String, String> common() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.TARGET, "stub");
        settings.put("allure.results.directory", OUTPUT.resolve("no-allure").toString());
        settings.put(Settings.REPORTS, OUTPUT.resolve("reports").toString());
        return settings;
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
