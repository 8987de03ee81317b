package com.crazyrouter.coze.guide;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * How model ids compare: the closest listed id to one a builder typed (for "did you mean …?"), and when a reply's
 * {@code model} field names the model that was asked for. Rules in docs/GATEWAY.md ("Model ids").
 */
public final class ModelNames {
    /** A dated snapshot suffix as OpenAI and others publish them: -2026-03-05 or -20260305. */
    private static final Pattern SNAPSHOT = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})");
    /** Beyond this many edits (after case, dots, dashes and spaces are set aside) a listed id is not suggested. */
    private static final int FARTHEST_SUGGESTION = 3;
    /**
     * Edits: a character added, dropped or changed, or two neighbours swapped, each counts one ("gtp" is one edit from
     * "gpt"; plain Levenshtein would count two). Beyond the farthest suggestion it answers -1.
     */
    private static final DamerauLevenshteinDistance EDITS = new DamerauLevenshteinDistance(FARTHEST_SUGGESTION);

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
            int distance = EDITS.apply(key, folded(candidate));
            if (distance >= 0 && (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
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
}
