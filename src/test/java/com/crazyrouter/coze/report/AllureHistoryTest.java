package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's history kept between runs: out of the single-file report, and into the next run's results. */
class AllureHistoryTest {
    private static final String TREND = "[{\"data\":{\"failed\":0,\"broken\":0,\"skipped\":2,\"passed\":99,\"unknown\":0,\"total\":101}}]";
    private static final String DURATION = "[{\"data\":{\"duration\":8268}}]";

    /** As Allure 2.34's single-file report embeds its files: one d('path','base64') call per file. */
    private static String singleFileReport() {
        return "<script>\n        function d(name, value){\n            return window.allureReportData[name] = value;\n        }\n"
                + "        d('history/history-trend.json','" + base64(TREND) + "'),\n"
                + "        d('data/suites.json','" + base64("{\"uid\":\"x\"}") + "'),\n"
                + "        d('history/duration-trend.json','" + base64(DURATION) + "'),\n"
                + "        d('widgets/history-trend.json','" + base64(TREND) + "'),\n</script>";
    }

    @Test
    void theSingleFileReportsEmbeddedHistoryIsWrittenOutAsAFolder(@TempDir Path report) throws Exception {
        Files.writeString(report.resolve("index.html"), singleFileReport());
        assertThat(AllureHistory.writeOut(report), equalTo(2));
        assertThat(names(report.resolve("history")), equalTo(List.of("duration-trend.json", "history-trend.json")));
        assertThat(Files.readString(report.resolve("history/history-trend.json"), StandardCharsets.UTF_8), equalTo(TREND));
        assertThat(Files.readString(report.resolve("history/duration-trend.json"), StandardCharsets.UTF_8), equalTo(DURATION));
    }

    @Test
    void aReportWithoutEmbeddedHistoryOrWithoutAReportIsNamed(@TempDir Path report) throws Exception {
        assertThat(assertThrows(IllegalStateException.class, () -> AllureHistory.writeOut(report)).getMessage(),
                containsString("no Allure report at " + report.resolve("index.html")));
        Files.writeString(report.resolve("index.html"), "<html>a multi-file report links its data</html>");
        assertThat(assertThrows(IllegalStateException.class, () -> AllureHistory.writeOut(report)).getMessage(),
                containsString("embeds no history/*.json"));
    }

    @Test
    void thePreviousReportsHistoryGoesIntoTheResultsReplacingWhatIsThere(@TempDir Path dir) throws Exception {
        Path report = Files.createDirectories(dir.resolve("allure-report"));
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(report.resolve("index.html"), singleFileReport());
        AllureHistory.writeOut(report);
        Files.createDirectories(results.resolve("history"));
        Files.writeString(results.resolve("history/history-trend.json"), "[]");

        assertThat(AllureHistory.carryIntoResults(report, results), equalTo(2));
        assertThat(names(results.resolve("history")), equalTo(List.of("duration-trend.json", "history-trend.json")));
        assertThat(Files.readString(results.resolve("history/history-trend.json"), StandardCharsets.UTF_8), equalTo(TREND));
    }

    @Test
    void withoutAnEarlierReportNothingIsCarriedAndNothingFails(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        assertThat(AllureHistory.carryIntoResults(dir.resolve("allure-report"), results), equalTo(0));
        assertThat(Files.exists(results.resolve("history")), is(false));
        assertThat(AllureHistory.carryIntoResults(dir.resolve("allure-report"), dir.resolve("no-results-yet")), equalTo(0));
        assertThat(Files.exists(dir.resolve("no-results-yet")), is(false));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
