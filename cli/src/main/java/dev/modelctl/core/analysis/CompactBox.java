package dev.modelctl.core.analysis;

import dev.modelctl.core.routing.Rule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's conditions as sorted int arrays (attributes and values interned), so the overlap test that runs for every
 * candidate pair is a pair of merge walks with no allocation. {@link Box} stays the general representation.
 */
record CompactBox(int[] attributes, int[][] values) {

    /** Interns attribute names and values into dense ids shared by all boxes of one analysis. */
    static final class Interner {
        private final Map<String, Integer> attributes = new HashMap<>();
        private final Map<String, Integer> values = new HashMap<>();

        CompactBox box(Rule rule) {
            int n = rule.conditions().size();
            int[][] pairs = new int[n][];
            int k = 0;
            for (Map.Entry<String, List<String>> c : rule.conditions().entrySet()) {
                int[] ids = new int[c.getValue().size() + 1];
                ids[0] = attributes.computeIfAbsent(c.getKey(), x -> attributes.size());
                int i = 1;
                for (String v : c.getValue()) {
                    ids[i++] = values.computeIfAbsent(v, x -> values.size());
                }
                Arrays.sort(ids, 1, ids.length);
                pairs[k++] = ids;
            }
            Arrays.sort(pairs, (a, b) -> Integer.compare(a[0], b[0]));
            int[] attrs = new int[n];
            int[][] vals = new int[n][];
            for (int i = 0; i < n; i++) {
                attrs[i] = pairs[i][0];
                vals[i] = Arrays.copyOfRange(pairs[i], 1, pairs[i].length);
            }
            return new CompactBox(attrs, vals);
        }
    }

    /** Some request matches both: every attribute both constrain shares a value (and no constraint is empty). */
    boolean overlaps(CompactBox other) {
        int i = 0;
        int j = 0;
        while (i < attributes.length && j < other.attributes.length) {
            if (attributes[i] < other.attributes[j]) {
                if (values[i].length == 0) {
                    return false;
                }
                i++;
            } else if (attributes[i] > other.attributes[j]) {
                if (other.values[j].length == 0) {
                    return false;
                }
                j++;
            } else {
                if (!intersects(values[i], other.values[j])) {
                    return false;
                }
                i++;
                j++;
            }
        }
        for (; i < attributes.length; i++) {
            if (values[i].length == 0) {
                return false;
            }
        }
        for (; j < other.attributes.length; j++) {
            if (other.values[j].length == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
