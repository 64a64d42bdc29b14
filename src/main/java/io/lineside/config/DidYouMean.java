package io.lineside.config;

import java.util.Optional;
import java.util.Set;

/** The allowed key a mistyped one most likely meant: at most two edits away, and only if it is the only such key. */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> suggest(String typed, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : allowed) {
            int d = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        int limit = Math.min(2, Math.max(1, typed.length() / 3));
        return best != null && !tie && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance; keys are short, so the plain table is fine. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
