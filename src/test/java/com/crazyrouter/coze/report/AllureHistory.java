package com.crazyrouter.coze.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the Allure report's history between runs, so its Trend widgets show pass rate and duration over runs. Allure
 * reads the previous runs from {@code history/} in the results folder and writes the new history into the report; the
 * single-file report (allure-maven's {@code singleFile}) writes no {@code history/} folder, though: it embeds each
 * history file in index.html, base64 encoded, as {@code d('history/history-trend.json','…')}.
 *
 * <p>So the report profile runs this twice (pom.xml): {@code before} the report, the previous report's
 * {@code history/} goes into the results folder; {@code after} it, the new report's embedded history is written out
 * as {@code reports/allure-report/history/}, the folder a CI job keeps between runs.
 */
public final class AllureHistory {
    static final String FOLDER = "history";
    private static final Pattern EMBEDDED = Pattern.compile("\\bd\\('" + FOLDER + "/([\\w.-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    private AllureHistory() {
    }

    /** {@code before REPORT RESULTS} or {@code after REPORT}. */
    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("before")) {
            int files = carryIntoResults(Path.of(args[1]), Path.of(args[2]));
            System.out.println("[allure history] " + (files == 0
                    ? "no earlier report history: the trend starts with this run"
                    : files + " history files of the earlier report carried into " + args[2]));
        } else if (args.length == 2 && args[0].equals("after")) {
            int files = writeOut(Path.of(args[1]));
            System.out.println("[allure history] " + files + " history files written to " + Path.of(args[1]).resolve(FOLDER));
        } else {
            throw new IllegalArgumentException("usage: AllureHistory before REPORT_DIR RESULTS_DIR | after REPORT_DIR");
        }
    }

    /**
     * Copies the previous report's {@code history/} into the results folder, replacing whatever history is there; no
     * earlier report (or no results folder yet) copies nothing. Returns how many files were copied.
     */
    public static int carryIntoResults(Path reportDir, Path resultsDir) {
        Path from = reportDir.resolve(FOLDER);
        if (!Files.isDirectory(from) || !Files.isDirectory(resultsDir)) {
            return 0;
        }
        Path to = resultsDir.resolve(FOLDER);
        try (Stream<Path> files = Files.list(from)) {
            List<Path> json = files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).toList();
            Files.createDirectories(to);
            for (Path file : json) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return json.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry the Allure history from " + from + " into " + to, e);
        }
    }

    /** Writes the history embedded in the single-file report's index.html out as {@code history/}. Returns how many files. */
    public static int writeOut(Path reportDir) {
        Path index = reportDir.resolve("index.html");
        try {
            if (!Files.isRegularFile(index)) {
                throw new IllegalStateException("no Allure report at " + index + ": nothing to take the history from");
            }
            Map<String, byte[]> history = embedded(Files.readString(index, StandardCharsets.UTF_8));
            if (history.isEmpty()) {
                throw new IllegalStateException(index + " embeds no history/*.json (d('history/…','…')): has Allure changed how a "
                        + "single-file report carries its history? The report's trend would start over with every run.");
            }
            Path to = Files.createDirectories(reportDir.resolve(FOLDER));
            for (Map.Entry<String, byte[]> file : history.entrySet()) {
                Files.write(to.resolve(file.getKey()), file.getValue());
            }
            return history.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure history out of " + index, e);
        }
    }

    /** The history files a single-file report embeds: file name → content. */
    static Map<String, byte[]> embedded(String indexHtml) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = EMBEDDED.matcher(indexHtml);
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return files;
    }
}
