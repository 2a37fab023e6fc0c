package io.redispoolagent.config;

import java.util.Locale;

/** Finds the known key nearest to a mistyped one, so a warning can say "did you mean ...". */
final class KeySuggester {

    private KeySuggester() {}

    /** The nearest key by edit distance, or null when none is close enough to be a likely typo. */
    static ConfigKey nearest(String typedShortName) {
        String typed = typedShortName.toLowerCase(Locale.ROOT);
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : ConfigKey.values()) {
            int distance = editDistance(typed, key.shortName().toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, typed.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
