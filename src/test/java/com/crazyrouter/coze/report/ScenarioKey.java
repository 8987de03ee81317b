package com.crazyrouter.coze.report;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scenario's id across runs: its feature file (the path under {@code features/}), its name and its example values,
 * never its line, so that editing a feature above it keeps its history. The run history keys its scenarios by it and
 * Allure's historyId is it ({@link StableHistoryId}), so both follow a scenario the same way. Allure's own historyId,
 * md5(uri:line), was replaced by this once, which started every scenario's Allure trend over one time.
 */
public final class ScenarioKey {
    private static final String FEATURES = "features/";
    /** A feature file's lines, read once a run: every outline row of a file asks for its own line. */
    private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();

    private ScenarioKey() {
    }

    /** The id of the scenario at {@code location} (feature URI ":" line), named {@code name}; its example values are read at that line. */
    public static String ofLocation(String location, String name) {
        int colon = location.lastIndexOf(':');
        boolean lined = colon > 0 && location.substring(colon + 1).matches("\\d+");
        String feature = lined ? location.substring(0, colon) : location;
        List<String> values = lined ? exampleValues(feature, Integer.parseInt(location.substring(colon + 1))) : List.of();
        return of(featurePath(feature), name, values);
    }

    public static String of(String featurePath, String name, List<String> exampleValues) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String identity = featurePath + "\n" + name + "\n" + String.join("\u001f", exampleValues);
            return HexFormat.of().formatHex(md5.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /**
     * "checklist/01-token.feature" for file:/…/features/checklist/01-token.feature, classpath:features/…, or Allure's
     * fullName (features/checklist/01-token.feature): the same file wherever the run found it.
     */
    public static String featurePath(String uriOrPath) {
        String path = uriOrPath.replace('\\', '/').replaceFirst("^[a-z]+:(//)?", "");
        int at = path.lastIndexOf("/" + FEATURES);
        if (at >= 0) {
            return path.substring(at + 1 + FEATURES.length());
        }
        return path.startsWith(FEATURES) ? path.substring(FEATURES.length()) : path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The cells of the examples row at {@code line} as Gherkin reads them (trimmed; {@code \|}, {@code \\}, {@code \n}
     * unescaped): an outline's scenario stands at its row. Empty for a plain scenario, or a file not at hand.
     */
    static List<String> exampleValues(String feature, int line) {
        List<String> lines = LINES.computeIfAbsent(feature, ScenarioKey::read);
        if (line < 1 || line > lines.size()) {
            return List.of();
        }
        String row = lines.get(line - 1).strip();
        return row.startsWith("|") ? cells(row) : List.of();
    }

    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                raw.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(unescaped(raw.toString().strip()));
                raw.setLength(0);
            } else {
                raw.append(c);
            }
        }
        return List.copyOf(cells);
    }

    /** As Gherkin reads a cell: trimmed first, then its escapes read, so an escaped newline at its end stays. */
    private static String unescaped(String cell) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                text.append(next == 'n' ? "\n" : next == '|' || next == '\\' ? String.valueOf(next) : "\\" + next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static List<String> read(String feature) {
        Optional<Path> file = feature.startsWith("file:")
                ? Optional.of(Path.of(URI.create(feature)))
                : Optional.of(Path.of(feature.replaceFirst("^classpath:", "")));
        try {
            return file.filter(Files::isRegularFile).isPresent() ? Files.readAllLines(file.get(), StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
