package com.crazyrouter.coze.report;

import com.crazyrouter.coze.guide.Cause;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.OffGuide;
import com.crazyrouter.coze.guide.OtherCheck;
import com.crazyrouter.coze.guide.TokenPractice;
import com.crazyrouter.coze.text.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Allure report's Categories tab: every red scenario filed under what its failure was diagnosed as — a guide row
 * or a cause the guide has no row for — by the marker line the failure's {@link Finding} writes ("Diagnosed as:
 * Common Errors 1: 401 unauthorized [@error-1]", {@link Cause#marker()}), never by the prose around it; a red scenario
 * with no marker under "Not diagnosed". Written into the results folder as categories.json at the end of every run,
 * from the guide's own types.
 *
 * <p>How Allure reads it: a result goes under every category whose {@code matchedStatuses} has its status, whose
 * {@code messageRegex} matches its whole message (with DOTALL), and whose {@code flaky} flag equals the result's own.
 * Allure marks a red scenario flaky when its history flip-flops, so each category comes twice, for a flaky and for a
 * steady result, under one name.
 */
public final class AllureCategories {
    public static final String FILE = "categories.json";
    public static final String OTHER = "Not diagnosed: read what happened";
    /** Red, both ways Allure says it: an assertion that failed, or anything else thrown (broken). */
    static final List<String> RED = List.of("failed", "broken");

    /** One entry of categories.json, in Allure's field names. */
    public record Category(String name, List<String> matchedStatuses, String messageRegex, boolean flaky) {
    }

    private AllureCategories() {
    }

    /**
     * The guide lines that get a category, in the guide's order: the Common Errors rows, the checklist, token practices;
     * then the smoke test and the recommended models, which are groups of the guide's own rather than one line.
     */
    static List<GuideLine> rows() {
        return Stream.of(Stream.<GuideLine>of(CommonError.values()), Stream.<GuideLine>of(ChecklistLine.values()), Stream.<GuideLine>of(TokenPractice.GROUP),
                Stream.<GuideLine>of(OtherCheck.values())).flatMap(s -> s).toList();
    }

    /** Every cause a red can be diagnosed as: the guide's lines, then the causes the guide has no row for. */
    static List<Cause> causes() {
        return Stream.concat(rows().stream(), Stream.of(OffGuide.values())).map(Cause.class::cast).toList();
    }

    public static List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        for (Cause cause : causes()) {
            both(categories, cause.title(), "(?s).*" + Pattern.quote(cause.marker()) + ".*");
        }
        String anyMarker = causes().stream().map(cause -> Pattern.quote(cause.marker())).collect(Collectors.joining("|"));
        both(categories, OTHER, "(?s)(?!.*(?:" + anyMarker + ")).*");
        categories.addAll(AllureConformance.categories());
        return List.copyOf(categories);
    }

    private static void both(List<Category> categories, String name, String messageRegex) {
        categories.add(new Category(name, RED, messageRegex, false));
        categories.add(new Category(name, RED, messageRegex, true));
    }

    public static String json() {
        try {
            return Json.PRETTY.writeValueAsString(categories()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure categories", e);
        }
    }

    /** Writes categories.json into the Allure results folder. */
    public static void write(Path results) {
        try {
            Files.writeString(results.resolve(FILE), json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure categories into " + results, e);
        }
    }
}
