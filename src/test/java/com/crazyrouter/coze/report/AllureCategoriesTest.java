package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.contract.Outcome;
import com.crazyrouter.coze.contract.TokenAllowlist;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.OffGuide;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** categories.json as Allure reads it: each red scenario under the cause its message's marker names, the rest under "Not diagnosed". */
class AllureCategoriesTest {
    private static final JsonNode CATEGORIES = Json.parse(AllureCategories.json()).orElseThrow();
    private static final String SEES = " What the Coze builder sees: Coze shows the failure: http request failed";

    @Test
    void everyGuideRowHasACategoryInTheGuidesOrderThenTheCatchAll() {
        List<String> expected = new ArrayList<>();
        Stream.of(CommonError.values()).map(GuideLine::title).forEach(expected::add);
        Stream.of(ChecklistLine.values()).map(GuideLine::title).forEach(expected::add);
        expected.add("Token Best Practices");
        expected.add("Smoke: the smallest request body with gpt-5.4");
        expected.add("Recommended models");
        Stream.of(OffGuide.values()).map(OffGuide::title).forEach(expected::add);
        expected.add(AllureCategories.OTHER);
        expected.add("OpenAI conformance (report only)");
        assertThat(List.copyOf(names()), equalTo(expected));
        assertThat(names(), hasItem("Common Errors 1: 401 unauthorized"));
        assertThat(names(), hasItem("Validation Checklist 5: Set Content-Type to application/json"));
    }

    @Test
    void eachCategoryIsRedOnlyButTheReportOnlyOneAndComesOnceSteadyAndOnceFlaky() {
        for (JsonNode category : CATEGORIES) {
            List<String> fields = new ArrayList<>();
            category.fieldNames().forEachRemaining(fields::add);
            assertThat(fields, containsInAnyOrder("name", "matchedStatuses", "messageRegex", "flaky"));
            boolean reportOnly = category.path("name").asText().equals("OpenAI conformance (report only)");
            assertThat(category.path("name").asText(), texts(category.path("matchedStatuses")), reportOnly ? contains("passed") : contains("failed", "broken"));
            Pattern.compile(category.path("messageRegex").asText(), Pattern.DOTALL);
        }
        for (String name : names()) {
            List<Boolean> flaky = StreamSupport.stream(CATEGORIES.spliterator(), false).filter(c -> c.path("name").asText().equals(name))
                    .map(c -> c.path("flaky").asBoolean()).toList();
            assertThat(name, flaky, containsInAnyOrder(false, true));
        }
    }

    @Test
    void aFailureQuotingAGuideRowIsFiledUnderThatRowAlone() {
        for (GuideLine row : AllureCategories.rows()) {
            String message = "Expected: Crazyrouter answers with a chat reply — the API plugin asking gpt-5.4 via POST http://127.0.0.1:41234/v1/chat/completions."
                    + " What happened matches " + row.advice() + SEES
                    + "\nExpected: HTTP 200 with a JSON chat.completion\n     but: Crazyrouter answered HTTP 401\n"
                    + row.marker();
            for (boolean flaky : List.of(false, true)) {
                assertThat(row.title(), filedUnder(message, "failed", flaky), equalTo(Set.of(row.title())));
                assertThat(row.title(), filedUnder(message, "broken", flaky), equalTo(Set.of(row.title())));
            }
        }
    }

    @Test
    void theContractsOwnFailureMessagesLandUnderTheirRows() {
        ContractViolation unauthorized = assertThrows(ContractViolation.class, () -> Outcome.CHAT_REPLY.verify(Attempt.sent("API plugin", "gpt-5.4",
                reply(401, "{\"error\":{\"message\":\"Invalid token\",\"type\":\"new_api_error\",\"code\":\"\"}}"), true, "Coze shows the failure"),
                TokenAllowlist.NONE));
        assertThat(filedUnder(unauthorized.getMessage(), "failed", false), equalTo(Set.of("Common Errors 1: 401 unauthorized")));

        ContractViolation notRejected = assertThrows(ContractViolation.class, () -> Outcome.URL_REJECTED.verify(Attempt.sent("workflow HTTP node", "gpt-5.4",
                reply(200, "{\"object\":\"chat.completion\"}"), false, "the node's output"), TokenAllowlist.NONE));
        assertThat(filedUnder(notRejected.getMessage(), "failed", false), equalTo(Set.of(CommonError.NOT_FOUND_URL.title())));
    }

    @Test
    void aViolationEndsWithItsMarkerAndGetsTheRowsAdviceOnALineOfItsOwnWhereItDoesNotQuoteIt() {
        ContractViolation mapping = new ContractViolation("The workflow node's output body is a string, not parsed JSON",
                Optional.of(CommonError.MAPPING_INCONSISTENT));
        assertThat(mapping.getMessage(), equalTo("The workflow node's output body is a string, not parsed JSON\n" + CommonError.MAPPING_INCONSISTENT.advice()
                + "\nDiagnosed as: Common Errors 5: Plugin can be created but fails inside the bot [@error-5]"));
        assertThat(filedUnder(mapping.getMessage(), "failed", false), equalTo(Set.of(CommonError.MAPPING_INCONSISTENT.title())));

        String quoting = "Reads choices[0].message.content; " + CommonError.MAPPING_INCONSISTENT.advice() + " Reply: {}";
        assertThat(new ContractViolation(quoting, Optional.of(CommonError.MAPPING_INCONSISTENT)).getMessage(),
                equalTo(quoting + "\n" + CommonError.MAPPING_INCONSISTENT.marker()));
        assertThat(new ContractViolation("The log lists no request", Optional.of(ChecklistLine.IN_CRAZYROUTER_LOGS)).getMessage(),
                endsWith("\nGuide, Validation Checklist 9: Confirmed the request appears in Crazyrouter logs: do what the line says.\n"
                        + ChecklistLine.IN_CRAZYROUTER_LOGS.marker()));
        assertThat(new ContractViolation("The model was asked to reply only OK", Optional.empty()).getMessage(),
                equalTo("The model was asked to reply only OK"));
    }

    @Test
    void aCauseTheGuideHasNoRowForHasACategoryOfItsOwnAndItsWhatToDo() {
        ContractViolation front = new ContractViolation("Expected a chat reply",
                new Finding(OffGuide.SITE_FRONT, "send Crazyrouter the time and the CF-RAY id"),
                Optional.empty());
        assertThat(front.getMessage(),
                equalTo("Expected a chat reply\nA page from the site's front, not Crazyrouter's API. What to do: send Crazyrouter the time "
                        + "and the CF-RAY id\nDiagnosed as: A page from the site's front, not Crazyrouter's API [site-front]"));
        assertThat(filedUnder(front.getMessage(), "failed", false), equalTo(Set.of(OffGuide.SITE_FRONT.title())));
        assertThat(front.row(), equalTo(Optional.empty()));
    }

    @Test
    void aFailureWithNoMarkerIsNotDiagnosedWhateverRowItsWordsQuote() {
        for (String message : List.of("Request cap reached: this run may send at most 300 requests (crazyrouter.maxRequests)",
                "switch back to gpt-5.4 and revalidate (guide, Common Errors @error-4)", "java.lang.NullPointerException", "",
                "What happened matches " + CommonError.UNAUTHORIZED.advice())) {
            assertThat(message, filedUnder(message, "failed", false), equalTo(Set.of(AllureCategories.OTHER)));
            assertThat(message, filedUnder(message, "broken", true), equalTo(Set.of(AllureCategories.OTHER)));
        }
    }

    @Test
    void aFailureWithTwoMarkersIsFiledUnderBothAndNotUnderNotDiagnosed() {
        String message = CommonError.INTERMITTENT.marker() + "\n" + ChecklistLine.SMALLEST_BODY.marker();
        assertThat(filedUnder(message, "failed", false), equalTo(Set.of(CommonError.INTERMITTENT.title(), ChecklistLine.SMALLEST_BODY.title())));
    }

    @Test
    void aScenarioThatIsNotRedIsInNoCategory() {
        String message = "What happened matches " + CommonError.UNAUTHORIZED.advice();
        assertThat(filedUnder(message, "passed", false), empty());
        assertThat(filedUnder(message, "skipped", false), empty());
        assertThat(filedUnder("Skipped: needs the stub gateway", "skipped", false), empty());
    }

    @Test
    void theFileInTheResultsFolderIsTheGeneratedJson(@TempDir Path results) throws Exception {
        AllureCategories.write(results);
        assertThat(Files.readString(results.resolve("categories.json"), StandardCharsets.UTF_8), equalTo(AllureCategories.json()));
    }

    /** Allure's own rule (CategoriesPlugin.matches): the status is listed, the flaky flags are equal, the regex matches the whole message. */
    private static Set<String> filedUnder(String message, String status, boolean flaky) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode category : CATEGORIES) {
            if (texts(category.path("matchedStatuses")).contains(status) && category.path("flaky").asBoolean() == flaky
                    && Pattern.compile(category.path("messageRegex").asText(), Pattern.DOTALL).matcher(message).matches()) {
                names.add(category.path("name").asText());
            }
        }
        return names;
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        CATEGORIES.forEach(category -> names.add(category.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static GatewayReply reply(int status, String body) {
        return new GatewayReply(new OutgoingRequest("POST", URI.create("http://127.0.0.1/v1/chat/completions"), List.of(), "{}"), status,
                Map.of("Content-Type", "application/json"), body, Duration.ofMillis(5), Duration.ofMillis(9));
    }
}
