package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the single-file Allure report from disk in headless Chromium, as a support person would by double click,
 * and checks that every route and model group and the passed/failed counts are on the page; saves screenshots
 * to reports/. Runs in `mvn -Preport verify`, after the report is rendered.
 */
class ReportInBrowserIT {
    private static final Path REPORTS = Path.of("reports");
    private static final Path REPORT = REPORTS.resolve("allure-report").resolve("index.html");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        assertThat("No single-file report at " + REPORT + ": run `mvn -Preport verify` after `mvn verify`",
                Files.exists(REPORT), is(true));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("report-check-"), "--window-size=1500,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1500, 1100));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportIsOneFileThatLoadsNothingFromTheInternet() throws IOException {
        String html = Files.readString(REPORT, StandardCharsets.UTF_8);
        assertThat("The report would load Google's analytics script: render it with `mvn -Preport verify`, which sets ALLURE_NO_ANALYTICS=true for Allure",
                html, not(containsString("googletagmanager")));
        assertThat("The report refers to a script on the internet", html.matches("(?s).*<script[^>]+src=\"https?://.*"), is(false));
    }

    @Test
    void everyRouteAndModelGroupAndTheCountsAreVisible() throws IOException {
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        readResults(expected, statuses);

        browser.get(REPORT.toAbsolutePath().toUri() + "#suites");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tree .node__name")));
        By routeTitles = By.cssSelector(".tree > .tree__content > .node > .node__title");
        int routeCount = browser.findElements(routeTitles).size();
        for (int i = 0; i < routeCount; i++) {
            browser.findElements(routeTitles).get(i).click(); // expanding re-renders the tree: find the titles again each time
        }
        List<WebElement> routes = browser.findElements(routeTitles);
        String page = browser.findElement(By.tagName("body")).getText();
        for (Map.Entry<String, Set<String>> route : expected.entrySet()) {
            assertThat("route group '" + route.getKey() + "' on the Suites page", page, containsString(route.getKey()));
            for (String model : route.getValue()) {
                assertThat("model group '" + model + "' under '" + route.getKey() + "'", page, containsString(model));
            }
        }
        assertThat("route groups shown", routes.size(), equalTo(expected.size()));
        Map<String, Integer> shown = new HashMap<>();
        for (WebElement route : routes) {
            for (WebElement label : route.findElements(By.cssSelector(".node__stats .label"))) {
                String status = label.getAttribute("class").replaceAll(".*label_status_(\\w+).*", "$1");
                shown.merge(status, Integer.parseInt(label.getText().trim()), Integer::sum);
            }
        }
        assertThat("passed/failed/skipped counts on the Suites page", shown, equalTo(statuses));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), REPORTS.resolve("allure-report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.get(REPORT.toAbsolutePath().toUri() + "#");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".widget")));
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), String.valueOf(total)));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), REPORTS.resolve("allure-overview-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSummaryOpensAndLinksTheLivingDocumentation() throws IOException {
        Path summary = REPORTS.resolve("summary.html");
        Assumptions.assumeTrue(Files.exists(summary), "Skipped: no reports/summary.html (it is written by `mvn verify`)");
        browser.get(summary.toAbsolutePath().toUri().toString());
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page, containsString("Models × routes"));
        assertThat(page, containsString("Red scenarios"));
        assertThat(browser.findElement(By.linkText("cucumber.html")).getAttribute("href"), containsString("cucumber.html"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), REPORTS.resolve("summary-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the report should show, from the results it was rendered from: route → models, and counts per status. */
    private static void readResults(Map<String, Set<String>> routes, Map<String, Integer> statuses) throws IOException {
        try (Stream<Path> files = Files.list(REPORTS.resolve("allure-results"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = Json.MAPPER.readTree(file.toFile());
                String route = null;
                String model = null;
                for (JsonNode label : result.path("labels")) {
                    if (label.path("name").asText().equals("parentSuite")) {
                        route = label.path("value").asText();
                    } else if (label.path("name").asText().equals("suite")) {
                        model = label.path("value").asText();
                    }
                }
                if (route != null && model != null) {
                    routes.computeIfAbsent(route, r -> new TreeSet<>()).add(model);
                }
                statuses.merge(result.path("status").asText(), 1, Integer::sum);
            }
        }
    }
}
