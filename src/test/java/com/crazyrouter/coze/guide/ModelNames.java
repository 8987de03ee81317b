package com.crazyrouter.coze.guide;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How model ids compare: the closest listed id to one a builder typed (for "did you mean …?"), and when a reply's
 * {@code model} field names the model that was asked for. Rules in docs/GATEWAY.md ("Model ids").
 */
public final class ModelNames {
    /** A dated snapshot suffix as OpenAI and others publish them: -2026-03-05 or -20260305. */
    private static final Pattern SNAPSHOT = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})");
    /** Beyond this many edits (after case, dots, dashes and spaces are set aside) a listed id is not suggested. */
    private static final int FARTHEST_SUGGESTION = 3;

    private ModelNames() {
    }

    /**
     * Whether a reply that names {@code answered} answers a request for {@code asked}: the same id, or that id with a
     * dated snapshot suffix ({@code gpt-5.4-2026-03-05} answers {@code gpt-5.4}). Another variant ({@code gpt-5.4-mini})
     * is another model. Case is kept: new-api passes the upstream's id through as it came.
     */
    public static boolean sameModel(String asked, String answered) {
        if (asked == null || answered == null) {
            return false;
        }
        if (answered.equals(asked)) {
            return true;
        }
        return answered.startsWith(asked) && SNAPSHOT.matcher(answered.substring(asked.length())).matches();
    }

    /** The id a builder probably meant, from those listed; empty when none is near or the id is itself listed. */
    public static Optional<String> closest(String typed, Collection<String> listed) {
        if (typed == null || typed.isBlank() || listed.contains(typed)) {
            return Optional.empty();
        }
        String key = folded(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : listed) {
            int distance = distance(key, folded(candidate));
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= FARTHEST_SUGGESTION && best != null ? Optional.of(best) : Optional.empty();
    }

    /** What differs between what was typed and the listed id, in a builder's words ("case", "a dot or a dash", …). */
    public static String howItDiffers(String typed, String listed) {
        if (typed.equalsIgnoreCase(listed)) {
            return "upper/lower case";
        }
        if (folded(typed).equals(folded(listed))) {
            return "dots, dashes or spaces";
        }
        return "spelling";
    }

    /** Case, dots, dashes, underscores and spaces set aside: "GPT 5.4", "gpt-5-4" and "gpt5.4" fold alike. */
    static String folded(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", "");
    }

    /** Optimal string alignment distance (edits, with a swap of two neighbours counted as one). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
