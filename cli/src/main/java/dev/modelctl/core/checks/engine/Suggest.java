package dev.modelctl.core.checks.engine;

import java.util.Collection;

/** "Did you mean …?": a truncated name, a typo (edit distance) or a fragment of a longer name. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code word} within a small edit distance, or {@code null}. */
    public static String closest(String word, Collection<String> candidates) {
        String prefixed = candidates.stream().filter(c -> c.startsWith(word) && word.length() >= 4)
                .min(java.util.Comparator.comparingInt(String::length).thenComparing(c -> c)).orElse(null);
        if (prefixed != null) {
            return prefixed; // a truncated id, e.g. anthropic.claude-3-haiku
        }
        String best = null;
        int bestDistance = Math.max(2, word.length() / 3) + 1;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null || word.length() < 4) {
            return best;
        }
        // a fragment of a long name, e.g. nova-lite for amazon.nova-lite-v1:0 // modelctl:allow
        return candidates.stream().filter(c -> c.contains(word))
                .min(java.util.Comparator.comparingInt(String::length).thenComparing(c -> c)).orElse(null);
    }

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
