package com.crazyrouter.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers docs/ARCHITECTURE.md draws hold in the code, read from the page's own table: a class (tests left out)
 * names only packages on a lower level, so no import cycle can form; a package the table gives no level (the root,
 * the fixtures, the self-check's tests) is named by no package on a level. Every package has a row and a package-info,
 * and no source file is longer than a reader can hold.
 */
class LayersTest {
    private static final Path PAGE = Path.of("docs", "ARCHITECTURE.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "com", "crazyrouter", "coze");
    private static final String ROOT = "(root)";
    private static final int MOST_LINES = 400;
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+|—) \\| ((?:`[a-z]+`(?:, )?)+|root) \\|");
    private static final Pattern NAMED = Pattern.compile("\\bcom\\.crazyrouter\\.coze\\.(?:([a-z]+)\\.)?[A-Z]");

    @Test
    void everyPackageNamesOnlyPackagesBelowIt() throws IOException {
        Map<String, OptionalInt> levels = levels();
        TreeSet<String> wrong = new TreeSet<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            if (isTest(file) || levels.getOrDefault(from, OptionalInt.empty()).isEmpty()) {
                continue;
            }
            Matcher named = NAMED.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (named.find()) {
                String to = Optional.ofNullable(named.group(1)).orElse(ROOT);
                OptionalInt level = levels.getOrDefault(to, OptionalInt.empty());
                if (!to.equals(from) && (level.isEmpty() || level.getAsInt() >= levels.get(from).getAsInt())) {
                    wrong.add(SOURCES.relativize(file) + " (" + from + ", level " + levels.get(from).getAsInt() + ") names " + to
                            + (level.isEmpty() ? ", which has no level" : ", level " + level.getAsInt()));
                }
            }
        }
        assertThat("classes that name a package not below their own (docs/ARCHITECTURE.md, \"The layers\")", wrong, empty());
    }

    @Test
    void everyPackageHasARowOnThePageAndAPackageInfo() throws IOException {
        Map<String, OptionalInt> levels = levels();
        TreeSet<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (!levels.containsKey(pkg)) {
                missing.add(pkg + ": no row in " + PAGE);
            }
            if (!Files.exists(file.resolveSibling("package-info.java"))) {
                missing.add(pkg + ": no package-info.java");
            }
        }
        assertThat(missing, empty());
    }

    @Test
    void noSourceFileIsLongerThanAReaderCanHold() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > MOST_LINES) {
                long_.add(SOURCES.relativize(file) + ": " + lines + " lines");
            }
        }
        assertThat("files over " + MOST_LINES + " lines: split them where the code has a seam", long_, empty());
    }

    /** Package → level, from the page's table; a row whose level is "—" has none. */
    private static Map<String, OptionalInt> levels() throws IOException {
        Map<String, OptionalInt> levels = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (row.find()) {
            OptionalInt level = row.group(1).equals("—") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row.group(1)));
            for (String name : row.group(2).replace("`", "").split(", ")) {
                levels.put(name.equals("root") ? ROOT : name, level);
            }
        }
        return levels;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
    }

    private static boolean isTest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("Test.java") || name.endsWith("IT.java");
    }
}
