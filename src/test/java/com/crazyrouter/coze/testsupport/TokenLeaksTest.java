package com.crazyrouter.coze.testsupport;

import static com.crazyrouter.coze.testsupport.Disguises.each;
import static com.crazyrouter.coze.testsupport.Disguises.everyOther;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.crazyrouter.coze.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The self-check's leak detector finds a token however a report or the console writes it, and names where, never the token. */
class TokenLeaksTest {
    private static final Secret CANARY = new Secret("sk-testLeakDetectorCanary7Qw3Zx9");
    private static final String KEY = CANARY.key();
    private static final List<String> NEEDLES = TokenLeaks.needles(List.of(CANARY));

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void aTokenInAReportInAnyDisguiseFailsTheCheckNamingTheFile(String disguise, String written) throws IOException {
        Path summary = work.resolve("reports").resolve("summary.html");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, "<p>Invalid token " + written + " (request id: 1)</p>", StandardCharsets.UTF_8);

        AssertionError leak = assertThrows(AssertionError.class, () -> TokenLeaks.assertNoneIn(run(""), List.of(CANARY), List.of(work)));

        assertThat(leak.getMessage(), allOf(containsString(summary + " (in disguise)"), not(containsString(KEY.substring(0, KEY.length() / 2)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void aTokenOnTheConsoleInAnyDisguiseFailsTheCheck(String disguise, String written) {
        AssertionError leak = assertThrows(AssertionError.class,
                () -> TokenLeaks.assertNoneIn(run("First red scenario: " + written), List.of(CANARY), List.of(work)));

        assertThat(leak.getMessage(), containsString("captured output (in disguise)"));
    }

    static Stream<Arguments> disguises() {
        String token = CANARY.reveal();
        String firstHalf = KEY.substring(0, KEY.length() / 2 + 1);
        return Stream.of(
                arguments("\\u-escapes, lower-case hex", each(token, c -> String.format("\\u%04x", c))),
                arguments("\\u-escapes, upper-case hex, every other character", everyOther(token, c -> String.format("\\u%04X", c))),
                arguments("\\u{…} and \\x escapes", each(token.substring(0, 4), c -> String.format("\\u{%x}", c))
                        + each(token.substring(4), c -> String.format("\\x%02x", c))),
                arguments("letters escaped as JavaScript reads them", token.replace("Leak", "\\L\\e\\a\\k")),
                arguments("decimal references", each(token, c -> "&#" + c + ";")),
                arguments("hex references without a semicolon", each(token, c -> "&#X" + Integer.toHexString(c))),
                arguments("hex references with leading zeros", each(token, c -> "&#x0000" + Integer.toHexString(c) + ";")),
                arguments("percent-encoding, upper-case hex, every other character",
                        everyOther(token, c -> "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT))),
                arguments("percent-encoding, lower case", each(token, c -> "%" + Integer.toHexString(c))),
                arguments("a reference written in HTML", each(token, c -> "&amp;#" + c + ";")),
                arguments("percent-encoding u-escaped", each(token, c -> String.format("\\u0025%02X", c))),
                arguments("only the first half, u-escaped", each(firstHalf, c -> String.format("\\u%04x", c))));
    }

    @Test
    void aTokenWrittenPlainlyIsFoundAndACleanRunPasses() throws IOException {
        Files.writeString(work.resolve("console.log"), "Authorization: Bearer sk-[REDACTED] \\u4f60 &amp; 100%", StandardCharsets.UTF_8);
        TokenLeaks.assertNoneIn(run("\\u0073k-[REDACTED]"), List.of(CANARY), List.of(work));

        assertThat(TokenLeaks.found("key " + KEY, NEEDLES), equalTo(Optional.of("plainly")));
        assertThat(TokenLeaks.found("key " + each(KEY, c -> "%" + Integer.toHexString(c)), NEEDLES), equalTo(Optional.of("in disguise")));
        assertThat(TokenLeaks.found("key [REDACTED]", NEEDLES), equalTo(Optional.empty()));
    }

    /**
     * What one round leaves as written, as the regular expression it replaced did (checked against it on every file of a
     * self-check's target/ and two million random strings): too many or too few digits, a number that names no
     * character, a name it does not know, a backslash before a digit or a space.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("decodedOnce")
    void oneRoundDecodesWhatAReaderWouldAndLeavesTheRestAsWritten(String written, String read) {
        assertThat(TokenLeaks.decodedOnce(written), equalTo(read));
    }

    static Stream<Arguments> decodedOnce() {
        return Stream.of(arguments("\\u0073k \\x2d \\u{6B} %2D &#x73; &#115 &lowbar;", "sk - k - s s _"),
                arguments("\\u{123456789} \\u{} \\u12 \\xZ", "u{123456789} u{} u12 xZ"), arguments("\\9 \\  \\\\u0073", "\\9 \\  \\u0073"),
                arguments("%zz %4 &#x; &#; &ampfoo; &#0; &#x110000;", "%zz %4 &#x; &#; &ampfoo; &#0; &#x110000;"), arguments("trailing \\", "trailing \\"));
    }

    @Test
    void aWorkFolderInsideAnotherRootIsSearchedOnce() {
        Path target = Path.of("target");
        assertThat(TokenLeaks.outermost(List.of(target, Path.of("reports"), target.resolve("live-profile").resolve("live-run"))),
                equalTo(List.of(target.toAbsolutePath(), Path.of("reports").toAbsolutePath())));
    }

    private ChildRun run(String output) {
        return new ChildRun(1, output, work, Duration.ZERO);
    }

}
