package com.crazyrouter.coze.config;

import com.crazyrouter.coze.guide.Route;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The models under test, read from the Examples table in features/models/recommended-models.feature — the one file a
 * non-engineer edits. Checked strictly: a wrong column, value or duplicate row is named with its line.
 */
public record ModelTable(Path file, List<Row> rows) {
    public static final Path DEFAULT = Path.of("features", "models", "recommended-models.feature");
    /**
     * The guide's three models on both routes, for the harness's own tests: they must not depend on the table people
     * edit, or one mistake there would fail dozens of them instead of stopping the run with one message.
     */
    public static final Path GUIDE_MODELS = Path.of("src", "test", "resources", "models", "guide-models.feature");
    /** What a model id may look like (no spaces or quotes), wherever one is read: table, -Dmodels, scenario text. */
    public static final String MODEL_ID = "[A-Za-z0-9][A-Za-z0-9._:/@+-]*";
    static final List<String> COLUMNS = List.of("model", "route", "allowed for the Coze token", "JSON mode");

    public record Row(int line, String model, Route route, boolean allowed, boolean jsonMode) {
    }

    public static ModelTable load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("The model table " + file + " is missing: point -D" + Settings.MODEL_TABLE + " at a file like "
                    + DEFAULT + ", or leave it unset to use that one.");
        }
        List<Envelope> envelopes;
        try {
            envelopes = GherkinParser.builder().includeSource(false).includePickles(false).build().parse(file).toList();
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(file + " does not parse as Gherkin: " + e.getMessage() + ".");
        }
        envelopes.stream().map(Envelope::getParseError).flatMap(Optional::stream).findFirst().ifPresent(error -> {
            throw new ConfigurationException(file + error.getSource().getLocation().map(at -> ":" + at.getLine()).orElse("")
                    + ": does not parse as Gherkin: " + error.getMessage().replaceFirst("^\\(\\d+:\\d+\\): ", "") + ".");
        });
        List<Examples> tables = new ArrayList<>();
        envelopes.stream().map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .forEach(doc -> doc.getFeature().ifPresent(feature -> feature.getChildren().stream()
                        .map(FeatureChild::getScenario).flatMap(Optional::stream)
                        .filter(s -> s.getTags().stream().anyMatch(t -> t.getName().equals("@models")))
                        .forEach(s -> tables.addAll(s.getExamples()))));
        if (tables.size() != 1 || tables.get(0).getTableHeader().isEmpty()) {
            String found = tables.isEmpty()
                    ? "found none"
                    : "found " + tables.size() + " (lines "
                            + String.join(", ", tables.stream().map(t -> String.valueOf(t.getLocation().getLine())).toList()) + ")";
            throw new ConfigurationException(file + ": the model table must be exactly one Examples table, with a header row, under the "
                    + "feature's @models scenario; " + (tables.size() == 1 ? "it has no header row" : found) + ".");
        }
        Examples table = tables.get(0);
        TableRow header = table.getTableHeader().get();
        List<String> columns = header.getCells().stream().map(TableCell::getValue).toList();
        if (!columns.equals(COLUMNS)) {
            throw new ConfigurationException(file + ":" + header.getLocation().getLine() + ": the table's columns must be " + COLUMNS
                    + ", found " + columns + ".");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TableRow row : table.getTableBody()) {
            int line = Math.toIntExact(row.getLocation().getLine());
            List<String> cells = row.getCells().stream().map(TableCell::getValue).map(String::trim).toList();
            String model = cells.get(0);
            if (!model.matches(MODEL_ID)) {
                throw new ConfigurationException(file + ":" + line + ": " + (model.isEmpty() ? "the model cell is empty" : "'" + model + "' is not a model id")
                        + "; write a Crazyrouter model id such as gpt-5.4 (letters, digits and . _ : / @ + -, no spaces or quotes).");
            }
            Route route = Route.fromWords(cells.get(1)).orElseThrow(() -> new ConfigurationException(file + ":" + line + ": route '"
                    + cells.get(1) + "' must be " + Route.allWords() + "."));
            if (!seen.add(model + " / " + route)) {
                throw new ConfigurationException(file + ":" + line + ": " + model + " through the " + route.words() + " is listed twice.");
            }
            Row added = new Row(line, model, route, cell(file, line, COLUMNS.get(2), cells.get(2)), cell(file, line, COLUMNS.get(3), cells.get(3)));
            rows.stream().filter(r -> r.model().equals(model) && r.allowed() != added.allowed()).findFirst().ifPresent(other -> {
                throw new ConfigurationException(file + ":" + line + ": " + model + " is '" + words(added.allowed()) + "' in '" + COLUMNS.get(2)
                        + "' here but '" + words(other.allowed()) + "' on line " + other.line() + ": a token allows a model on both routes "
                        + "or on neither, so give every row of " + model + " the same answer.");
            });
            rows.add(added);
        }
        if (rows.isEmpty()) {
            throw new ConfigurationException(file + ":" + header.getLocation().getLine()
                    + ": the model table lists no model; add at least one row under its header, e.g. gpt-5.4.");
        }
        return new ModelTable(file, List.copyOf(rows));
    }

    /** Each model once, in table order. */
    public List<String> models() {
        return rows.stream().map(Row::model).distinct().toList();
    }

    /** The models the Coze token is expected to allow. */
    public List<String> allowedModels() {
        return rows.stream().filter(Row::allowed).map(Row::model).distinct().toList();
    }

    /** yes/true or no/false, in any case: the one reading of a yes-or-no word, for tables, scenarios and settings. */
    public static Optional<Boolean> yesNo(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static String words(boolean yes) {
        return yes ? "yes" : "no";
    }

    private static boolean cell(Path file, int line, String column, String value) {
        return yesNo(value).orElseThrow(() -> new ConfigurationException(file + ":" + line + ": '" + column + "' must be yes or no, not '" + value + "'."));
    }
}
