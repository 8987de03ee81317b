package com.crazyrouter.coze;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * The layers docs/ARCHITECTURE.md draws hold in the code, read from the page's own table: a class on a level uses only
 * packages on a lower level, so no import cycle can form; a package the table gives no level (the root, the fixtures,
 * the self-check's tests) is used by no package on a level. ArchUnit reads the compiled classes, so a wildcard import, a
 * name written in full and a sub-package count as what they are. Test classes are left out: those JUnit runs (a method
 * or the class carries an annotation JUnit marks {@link Testable}, such as {@code @Test}), with the classes nested in
 * them, whatever their names. Every package has a row and a package-info, and no source file is longer than a reader
 * can hold.
 */
class LayersTest {
    private static final Path PAGE = Path.of("docs", "ARCHITECTURE.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "com", "crazyrouter", "coze");
    private static final String ROOT = "(root)";
    private static final int MOST_LINES = 400;
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+|—) \\| ((?:`[a-z]+`(?:, )?)+|root) \\|");
    private static final String BASE = "com.crazyrouter.coze";

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() throws IOException {
        JavaClasses classes = new ClassFileImporter().importPackagesOf(LayersTest.class);
        layers(levels(), testClasses(classes)).check(classes);
    }

    /** One layer per package of the table; a package on a level may use only the packages on lower levels. */
    private static ArchRule layers(Map<String, OptionalInt> levels, DescribedPredicate<JavaClass> tests) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, OptionalInt> row : levels.entrySet()) {
            String pkg = row.getKey();
            layers = layers.layer(layerName(pkg, row.getValue())).definedBy(pkg.equals(ROOT) ? BASE : BASE + "." + pkg + "..");
        }
        for (Map.Entry<String, OptionalInt> row : levels.entrySet()) {
            if (row.getValue().isEmpty()) {
                continue;
            }
            int level = row.getValue().getAsInt();
            String[] below = levels.entrySet().stream()
                    .filter(other -> other.getValue().isPresent() && other.getValue().getAsInt() < level)
                    .map(other -> layerName(other.getKey(), other.getValue())).toArray(String[]::new);
            LayeredArchitecture.LayerDependencySpecification layer = layers.whereLayer(layerName(row.getKey(), row.getValue()));
            layers = below.length == 0 ? layer.mayNotAccessAnyLayer() : layer.mayOnlyAccessLayers(below);
        }
        DescribedPredicate<JavaClass> offLevel = DescribedPredicate.describe("a class in a package without a level",
                c -> levels.getOrDefault(packageOf(c), OptionalInt.empty()).isEmpty());
        String table = levels.entrySet().stream().filter(row -> row.getValue().isPresent())
                .sorted(Comparator.comparingInt(row -> row.getValue().getAsInt()))
                .map(row -> row.getKey() + " " + row.getValue().getAsInt()).collect(Collectors.joining(", "));
        return layers.ignoreDependency(tests.or(offLevel), DescribedPredicate.alwaysTrue())
                .as("a class on a level uses only packages on a lower level (" + PAGE + ", \"The layers\": " + table + ")")
                .because("levels are a strict order, so no import cycle can form; move the code that needs a higher package"
                        + " up to it, or let the lower package declare an interface the higher one implements");
    }

    /** The classes JUnit runs, and every class nested in one: a harness class is not one because its name ends in Test. */
    private static DescribedPredicate<JavaClass> testClasses(JavaClasses classes) {
        Set<String> runByJUnit = classes.stream()
                .filter(c -> c.isMetaAnnotatedWith(Testable.class) || c.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith(Testable.class)))
                .map(c -> outermost(c).getName()).collect(Collectors.toSet());
        return DescribedPredicate.describe("a test class", c -> runByJUnit.contains(outermost(c).getName()));
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static String layerName(String pkg, OptionalInt level) {
        return pkg + (level.isPresent() ? " (level " + level.getAsInt() + ")" : " (no level)");
    }

    /** The table's name for a class's package: the first name below the root, or the root. */
    private static String packageOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.equals(BASE) || !pkg.startsWith(BASE + ".")) {
            return ROOT;
        }
        return pkg.substring(BASE.length() + 1).split("\\.")[0];
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
}
