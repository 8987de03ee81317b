package com.crazyrouter.coze.faults;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.testsupport.InProcessRun;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite must catch a broken gateway. Each folder under src/test/resources/faults/ is a small stub overlay that
 * breaks one part of the contract (description.txt says which; settings.properties may change a setting for it).
 * The ordinary features run against the stub set plus that overlay and must fail, with assertion failures that
 * name the contract; a fault that no scenario notices, or one that makes scenarios crash instead, fails the build.
 * A folder with expected-green.txt is a control instead: a gateway release that differs harmlessly, which must turn
 * nothing red and must be reported in the summary.
 * expected-row.txt names the guide row one failure at least must name; expected-words.txt, words (one a line) that
 * failure must also hold (the fix for the builder's own mistake, e.g. the model id to use instead) — or, without
 * expected-row.txt, that one contract failure must hold (what happened, for a fault no guide row fixes).
 * expected-no-row.txt says why no guide row's fix applies: then no failure may carry a row or quote one's citation.
 */
class FaultCatalogueIT {
    private static final Path CATALOGUE = Path.of("src", "test", "resources", "faults");
    private static final Path OUTPUT = Path.of("target", "fault-catalogue");
    private static final String STILL_GIVES_A_ROW = "still gives a row:";
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
            StringBuilder table = new StringBuilder(
                    String.format("%n%-30s | %-9s | %6s | %s%n", "fault", "scenarios", "time", "caught by (guide lines of the failed scenarios)"));
            int detected = 0;
            int controls = 0;
            for (int i = 0; i < faults.size(); i++) {
                Outcome outcome = outcomes.get(i).get();
                InProcessRun run = outcome.run();
                TreeSet<String> lines = run.failures().stream().flatMap(f -> f.tags().stream())
                        .filter(t -> t.matches("@(checklist|error)-\\d|@smoke|@models|@token")).collect(Collectors.toCollection(TreeSet::new));
                Optional<String> green = expectedGreen(faults.get(i));
                table.append(String.format("%-30s | %4d/%-4d | %5.1fs | %s%n", outcome.name(), run.failures().size(), run.scenarios(),
                        outcome.seconds(), green.isPresent() ? "(control: must stay green) " + String.join(" ", lines) : String.join(" ", lines)));
                if (green.isPresent()) {
                    controls++;
                    if (!run.failures().isEmpty()) {
                        problems.add(outcome.name() + " (" + description(faults.get(i)) + ") is a gateway release that harms no Coze builder, yet turned red: "
                                + run.failures().stream().map(InProcessRun.Failure::scenario).toList());
                    }
                    String summary = Files.readString(OUTPUT.resolve(outcome.name()).resolve("reports").resolve("summary.md"), StandardCharsets.UTF_8);
                    if (!summary.contains(green.get())) {
                        problems.add(outcome.name() + ": the summary does not report what this release does (expected-green.txt: \"" + green.get() + "\")");
                    }
                    continue;
                }
                if (run.failures().isEmpty()) {
                    problems.add(outcome.name() + " (" + description(faults.get(i)) + ") went unnoticed: no scenario failed");
                } else {
                    detected++;
                }
                run.failures().stream().filter(f -> !(f.cause() instanceof AssertionError))
                        .forEach(f -> problems
                                .add(outcome.name() + ": '" + f.scenario() + "' failed for the wrong reason, not a contract assertion: " + f.cause()));
                expectedRow(faults.get(i)).filter(row -> run.failures().stream().map(InProcessRun.Failure::cause)
                        .filter(ContractViolation.class::isInstance).map(c -> ((ContractViolation) c).row())
                        .noneMatch(r -> r.map(GuideLine::tag).orElse("").equals(row)))
                        .ifPresent(row -> problems.add(outcome.name() + ": no failure names the guide row " + row + " (expected-row.txt), so the summary "
                                + "would quote another fix"));
                Path fault = faults.get(i);
                List<String> words = expectedWords(fault);
                Optional<String> namedRow = expectedRow(fault);
                List<ContractViolation> violations = run.failures().stream().map(InProcessRun.Failure::cause).filter(ContractViolation.class::isInstance)
                        .map(ContractViolation.class::cast).toList();
                if (!words.isEmpty() && violations.stream().filter(c -> namedRow.isEmpty() || c.row().map(GuideLine::tag).orElse("").equals(namedRow.get()))
                        .noneMatch(c -> words.stream().allMatch(String.valueOf(c.getMessage())::contains))) {
                    problems.add(outcome.name() + ": no failure" + namedRow.map(r -> " that names " + r).orElse("") + " says " + words
                            + " (expected-words.txt), so the builder is not told what happened and what to change");
                }
                if (expectedNoRow(fault)) {
                    List<String> left = stillGivesARow(fault);
                    run.failures().stream().filter(f -> left.stream().noneMatch(f.scenario()::startsWith))
                            .map(f -> rowGiven(f).map(given -> "'" + f.scenario() + "' gives " + given)).flatMap(Optional::stream)
                            .forEach(given -> problems.add(outcome.name() + ": " + given + ", where no guide row's fix applies (expected-no-row.txt: "
                                    + firstLine(fault.resolve("expected-no-row.txt")) + ")"));
                    left.stream()
                            .filter(scenario -> run.failures().stream().filter(f -> f.scenario().startsWith(scenario)).allMatch(f -> rowGiven(f).isEmpty()))
                            .forEach(scenario -> problems.add(outcome.name() + ": '" + scenario + "' gives no row now: take it off expected-no-row.txt's "
                                    + "\"" + STILL_GIVES_A_ROW + "\" lines"));
                }
            }
            // the 429 scenario shows what Coze sees with no retry at all, so it is left out of a run that retries
            InProcessRun retriedRun = InProcessRun.of(faultSettings(CATALOGUE.resolve("bad-gateway-once"), Map.of(Settings.RETRIES, "1")),
                    OUTPUT.resolve("bad-gateway-once.retried").resolve("rerun.txt"), "not @error-6");
            Outcome retried = new Outcome("bad-gateway-once.retried", retriedRun, 0);
            String summary = Files.readString(OUTPUT.resolve("bad-gateway-once.retried").resolve("reports").resolve("summary.md"), StandardCharsets.UTF_8);
            if (!retried.run().failures().isEmpty() || !summary.contains("Passed only after retries")) {
                problems.add("bad-gateway-once with " + Settings.RETRIES + "=1 should pass, marked as passed only after a retry; failures: "
                        + retried.run().failures().stream().map(InProcessRun.Failure::scenario).toList());
            }
            table.append(
                    String.format("detected %d of %d faults, %d control(s) green, in %.1f s (%d at a time)%n", detected, faults.size() - controls, controls,
                            (System.nanoTime() - started) / 1e9, PARALLEL_FAULTS));
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
        return faultSettings(fault, Map.of());
    }

    private static Settings faultSettings(Path fault, Map<String, String> more) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.STUB_OVERLAY, fault.resolve("mappings").toString());
        settings.putAll(extraSettings(fault));
        settings.putAll(more);
        return common(OUTPUT.resolve(fault.getFileName().toString() + (more.isEmpty() ? "" : ".retried")), settings);
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

    /** The guide row (e.g. @error-6) at least one failure must name, where the fault's folder says (expected-row.txt). */
    private static Optional<String> expectedRow(Path fault) throws IOException {
        Path file = fault.resolve("expected-row.txt");
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
    }

    /**
     * A control, not a fault: a gateway release that differs from the stub set and harms no Coze builder. Its
     * expected-green.txt holds a line the run's summary must contain (what the run reports of that release); no
     * scenario may fail.
     */
    private static Optional<String> expectedGreen(Path fault) throws IOException {
        Path file = fault.resolve("expected-green.txt");
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
    }

    /**
     * Words one failure must hold, each line of expected-words.txt: what happened and the fix for the builder's own
     * mistake. Beside expected-row.txt, a failure that names that row must hold them; alone, any contract failure.
     */
    private static List<String> expectedWords(Path fault) throws IOException {
        Path file = fault.resolve("expected-words.txt");
        return Files.exists(file)
                ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
                : List.of();
    }

    /** A fault whose failures must give no guide row's fix at all (expected-no-row.txt says why): a CDN's page, a byte-order mark. */
    private static boolean expectedNoRow(Path fault) {
        return Files.exists(fault.resolve("expected-no-row.txt"));
    }

    /**
     * The scenarios (names as they start) that expected-no-row.txt lists as still giving a row: ones whose row is decided
     * where the answer's form does not reach yet, each named on a line "still gives a row: <scenario> — <where>". A listed
     * scenario that gives none any more fails the check, so the list only shrinks.
     */
    private static List<String> stillGivesARow(Path fault) throws IOException {
        return Files.readAllLines(fault.resolve("expected-no-row.txt"), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> l.startsWith(STILL_GIVES_A_ROW)).map(l -> l.substring(STILL_GIVES_A_ROW.length()).split(" — ")[0].strip()).toList();
    }

    /** The guide row a failure gives: the row its violation carries, or a row's citation quoted in its message. */
    private static Optional<String> rowGiven(InProcessRun.Failure failure) {
        Optional<String> carried = Optional.of(failure.cause()).filter(ContractViolation.class::isInstance).map(ContractViolation.class::cast)
                .flatMap(ContractViolation::row).map(GuideLine::tag);
        String message = String.valueOf(failure.cause().getMessage());
        return carried.map(tag -> "the row " + tag).or(() -> Stream.<GuideLine>of(ChecklistLine.values()).map(GuideLine.class::cast)
                .filter(line -> message.contains(line.citation())).findFirst()
                .or(() -> Stream.of(CommonError.values()).filter(line -> message.contains(line.citation())).findFirst())
                .or(() -> Stream.of(TokenPractice.values()).filter(line -> message.contains(line.citation())).findFirst())
                .map(line -> "a message quoting " + line.citation()));
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
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
