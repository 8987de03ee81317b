package com.crazyrouter.coze.text;

import java.time.Duration;

/** Byte counts, sizes and durations as a person reads them in a message: "20 971 520", "10 MB", "30 s", "200 ms". */
public final class Amounts {
    private static final long KILOBYTE = 1024;
    private static final long MEGABYTE = KILOBYTE * KILOBYTE;

    private Amounts() {
    }

    /** "20 971 520": digits in groups of three, so a cap and a count can be compared at a glance. */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** "10 MB", "64 KB" or "1 000 bytes": a size as it was most likely set. */
    public static String size(long bytes) {
        if (bytes >= MEGABYTE && bytes % MEGABYTE == 0) {
            return count(bytes / MEGABYTE) + " MB";
        }
        if (bytes >= KILOBYTE && bytes % KILOBYTE == 0) {
            return count(bytes / KILOBYTE) + " KB";
        }
        return count(bytes) + (bytes == 1 ? " byte" : " bytes");
    }

    /** "30 s", "2 min", "200 ms": a limit as it was most likely set. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 120_000) {
            return count(millis / 60_000) + " min";
        }
        if (millis % 1_000 == 0 && millis > 0) {
            return count(millis / 1_000) + " s";
        }
        return count(millis) + " ms";
    }
}
