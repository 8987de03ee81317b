package com.crazyrouter.coze.testsupport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.crazyrouter.coze.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Canary tokens a child run is given, searched for where a run could leak them: every file under the given folders
 * (its reports among them) and its output. A token counts as leaked whole or in part (its first half), and a failure
 * names the files, never the token.
 */
public final class TokenLeaks {
    private TokenLeaks() {
    }

    /** What to search for: each token's key, and its first half (a token cut short still leaks). */
    public static List<String> needles(Collection<Secret> canaries) {
        List<String> needles = new ArrayList<>();
        for (Secret canary : canaries) {
            needles.add(canary.key());
            needles.add(canary.key().substring(0, canary.key().length() / 2));
        }
        return needles;
    }

    /** {@code text} with every needle masked, so a message about a leak leaks nothing itself. */
    public static String masked(String text, List<String> needles) {
        String masked = text;
        for (String needle : needles) {
            masked = masked.replace(needle, "[CANARY]");
        }
        return masked;
    }

    public static void assertNoneIn(ChildRun run, Collection<Secret> canaries, List<Path> roots) throws IOException {
        List<String> needles = needles(canaries);
        List<String> hits = new ArrayList<>();
        int searched = 0;
        for (Path root : roots) {
            for (Path file : filesUnder(root)) {
                Optional<String> text = readIfStillThere(file);
                searched += text.isPresent() ? 1 : 0;
                text.flatMap(found -> needles.stream().filter(found::contains).findFirst()).ifPresent(n -> hits.add(file.toString()));
            }
        }
        needles.stream().filter(run.output()::contains).findFirst().ifPresent(n -> hits.add("captured output"));
        System.out.println("Redaction check: " + searched + " files under " + roots + " searched, plus the output: " + hits.size() + " with a token");
        assertThat("files or output that contain a token", hits, is(empty()));
    }

    /** The files under a folder, skipping any that the other end-to-end tests, running alongside, delete meanwhile. */
    private static List<Path> filesUnder(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.toString().endsWith(".jar") && !file.toString().endsWith(".class")) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException gone) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static Optional<String> readIfStillThere(Path file) throws IOException {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty(); // deleted by a run alongside after the walk: nothing of it is left to leak
        }
    }
}
