package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.config.ConfigurationException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a setup file: the file, the line and column (0 when not known) and the field, as a message names it:
 * {@code examples/bad.yaml:4:11: workflow-http-node.body.type}.
 */
record Where(Path file, int line, int column, String field) {
    /** Long runs of key characters with a digit in them are never echoed, in case a value or a parser's message holds a key. */
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9_\\-+=]{24,}");
    private static final int LONGEST_SHOWN = 60;

    static Where file(Path file) {
        return new Where(file, 0, 0, "");
    }

    Where at(int newLine, int newColumn) {
        return new Where(file, newLine, newColumn, field);
    }

    Where field(String newField) {
        return new Where(file, line, column, newField);
    }

    /** "examples/bad.yaml:4:11" (line and column only when known). */
    String place() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    /** A ConfigurationException "file:line:column: field what". */
    ConfigurationException fail(String what) {
        return new ConfigurationException(place() + ": " + (field.isEmpty() ? "" : field + " ") + what);
    }

    /** A value as a message may quote it: short, on one line, and never a long opaque run (a key, perhaps). */
    static String shown(String value) {
        String one = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        one = masked(one);
        return "'" + (one.length() > LONGEST_SHOWN ? one.substring(0, LONGEST_SHOWN) + "…" : one) + "'";
    }

    /** A parser's own message, without long runs that could be a key. */
    static String sanitized(String message) {
        String one = message == null ? "" : message.strip().replace("\r", "").replace('\n', ' ');
        return masked(one);
    }

    private static String masked(String text) {
        return LONG_RUN.matcher(text).replaceAll(run -> run.group().chars().anyMatch(Character::isDigit) ? "[…]" : Matcher.quoteReplacement(run.group()));
    }
}
