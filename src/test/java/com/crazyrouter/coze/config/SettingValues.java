package com.crazyrouter.coze.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a setting's text becomes its value: a duration, a size, yes or no, a whole number, a model list; refused in a message that names the setting. */
final class SettingValues {
    private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h)?$");
    private static final Pattern SIZE = Pattern.compile("(?i)^(\\d+)\\s*(KB|MB|GB)?$");

    private SettingValues() {
    }

    /** The text trimmed, or nothing when it is absent or blank. */
    static Optional<String> text(String raw) {
        return Optional.ofNullable(raw).map(String::trim).filter(s -> !s.isEmpty());
    }

    static Duration duration(Map<String, String> properties, String name, String fallback, Duration most) {
        String raw = properties.getOrDefault(name, fallback);
        Matcher m = DURATION.matcher(raw.trim());
        if (!m.matches() || m.group(1).matches("0+")) {
            throw new ConfigurationException(name + "='" + raw + "' is not a duration: write e.g. 5s, 500ms or 2m (at most " + words(most) + ").");
        }
        // more digits than any bound needs: refused as too long before a Duration could overflow
        if (m.group(1).replaceFirst("^0+", "").length() > 9) {
            throw new ConfigurationException(name + "='" + raw + "' is longer than " + words(most) + ", the most this setting allows.");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration value = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (value.compareTo(most) > 0) {
            throw new ConfigurationException(name + "='" + raw + "' is longer than " + words(most) + ", the most this setting allows.");
        }
        return value;
    }

    private static String words(Duration duration) {
        return duration.toHours() > 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }

    static long size(String name, String raw) {
        Matcher m = SIZE.matcher(raw.trim());
        if (!m.matches() || m.group(1).matches("0+")) {
            throw new ConfigurationException(name + "='" + raw + "' is not a size: write e.g. 10MB, 512KB or 1000000 (bytes).");
        }
        // more digits than any bound needs: refused as too large before the product could overflow
        String digits = m.group(1).replaceFirst("^0+", "");
        String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = digits.length() > 9 ? Long.MAX_VALUE : switch (unit) {
            case "KB" -> Long.parseLong(digits) * 1024L;
            case "MB" -> Long.parseLong(digits) * Limits.MEGABYTE;
            case "GB" -> Long.parseLong(digits) * 1024L * Limits.MEGABYTE;
            default -> Long.parseLong(digits);
        };
        if (bytes > 1024 * Limits.MEGABYTE) {
            throw new ConfigurationException(name + "='" + raw + "' is more than 1024MB, the most this setting allows.");
        }
        return bytes;
    }

    static boolean yesOrNo(String name, String raw) {
        return ModelTable.yesNo(raw).orElseThrow(() -> new ConfigurationException(name + "='" + raw + "' must be true or false."));
    }

    static int positive(String name, String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(name + "='" + raw + "' must be a positive whole number.");
    }

    static int between(String name, String raw, int least, int most, String what) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(name + "='" + raw + "' must be a whole number from " + least + " to " + most + " (" + what + ").");
    }

    static int zeroOrMore(String name, String raw, int most) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 0 && value <= most) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(name + "='" + raw + "' must be a whole number from 0 to " + most + ".");
    }

    static List<String> modelList(String name, String raw, boolean mayBeEmpty) {
        List<String> models = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (models.isEmpty() && !mayBeEmpty) {
            throw new ConfigurationException("-D" + name + "='" + raw + "' lists no model: give at least one model id, "
                    + "e.g. -D" + name + "=gpt-5.4, or leave it unset for the guide's three recommended models.");
        }
        models.stream().filter(m -> !m.matches(ModelTable.MODEL_ID)).findFirst().ifPresent(bad -> {
            throw new ConfigurationException("-D" + name + " contains '" + bad + "', which is not a model id (no spaces or quotes).");
        });
        return models;
    }
}
