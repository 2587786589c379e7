package dev.modelctl.core.analysis;

import dev.modelctl.core.routing.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's conditions packed into one int array, so the tests that run for every candidate pair (overlap, containment)
 * are merge walks over two arrays with no allocation and no pointer chasing. Each (attribute, value) pair is interned
 * to a dense <em>term</em> id; two values of one attribute are equal exactly when their term ids are, so the terms double
 * as value ids. {@link Box} stays the general representation, used once a pair is known to matter.
 *
 * <p>Layout: for each attribute the rule names, in ascending attribute id: {@code attr, count, term…} (terms ascending,
 * {@code count} may be 0 for an empty list, which matches nothing).
 */
final class CompactBox {
    private CompactBox() {
    }

    /** Interns attribute names and (attribute, value) terms into dense ids shared by all boxes of one analysis. */
    static final class Interner {
        private final Map<String, Integer> attributes = new HashMap<>();
        private final List<Map<String, Integer>> valuesByAttribute = new ArrayList<>();
        private int terms;

        int[] box(Rule rule) {
            int n = rule.conditions().size();
            int[][] parts = new int[n][];
            int size = 0;
            int k = 0;
            for (Map.Entry<String, List<String>> c : rule.conditions().entrySet()) {
                int attr = attributes.computeIfAbsent(c.getKey(), x -> {
                    valuesByAttribute.add(new HashMap<>());
                    return attributes.size();
                });
                Map<String, Integer> values = valuesByAttribute.get(attr);
                int[] ids = new int[c.getValue().size()];
                int i = 0;
                for (String v : c.getValue()) {
                    Integer term = values.get(v);
                    if (term == null) {
                        term = terms++;
                        values.put(v, term);
                    }
                    ids[i++] = term;
                }
                Arrays.sort(ids);
                int[] part = distinct(attr, ids);
                parts[k++] = part;
                size += part.length;
            }
            Arrays.sort(parts, (a, b) -> Integer.compare(a[0], b[0]));
            int[] code = new int[size];
            int w = 0;
            for (int[] part : parts) {
                System.arraycopy(part, 0, code, w, part.length);
                w += part.length;
            }
            return code;
        }

        int attributeCount() {
            return attributes.size();
        }

        int termCount() {
            return terms;
        }

        /** {@code [attr, count, terms…]} without repeated terms ({@code [free, free]}). */
        private static int[] distinct(int attr, int[] sorted) {
            int[] part = new int[sorted.length + 2];
            part[0] = attr;
            int w = 2;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    part[w++] = sorted[i];
                }
            }
            part[1] = w - 2;
            return w == part.length ? part : Arrays.copyOf(part, w);
        }
    }

    /** Some request matches both: every attribute both constrain shares a value (and no constraint is empty). */
    static boolean overlaps(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int attrA = a[i];
            int attrB = b[j];
            if (attrA < attrB) {
                if (a[i + 1] == 0) {
                    return false;
                }
                i += 2 + a[i + 1];
            } else if (attrA > attrB) {
                if (b[j + 1] == 0) {
                    return false;
                }
                j += 2 + b[j + 1];
            } else {
                int endA = i + 2 + a[i + 1];
                int endB = j + 2 + b[j + 1];
                if (!intersects(a, i + 2, endA, b, j + 2, endB)) {
                    return false;
                }
                i = endA;
                j = endB;
            }
        }
        for (; i < a.length; i += 2 + a[i + 1]) {
            if (a[i + 1] == 0) {
                return false;
            }
        }
        for (; j < b.length; j += 2 + b[j + 1]) {
            if (b[j + 1] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Every request {@code inner} matches, {@code outer} matches too ({@code inner} assumed to match something). */
    static boolean contains(int[] outer, int[] inner) {
        int j = 0;
        for (int i = 0; i < outer.length; i += 2 + outer[i + 1]) {
            while (j < inner.length && inner[j] < outer[i]) {
                j += 2 + inner[j + 1];
            }
            if (j >= inner.length || inner[j] != outer[i]
                    || !subset(inner, j + 2, j + 2 + inner[j + 1], outer, i + 2, i + 2 + outer[i + 1])) {
                return false; // inner leaves the attribute open (any value) or accepts a value outer does not
            }
        }
        return true;
    }

    /** Every attribute {@code rule} names, {@code of} names too (so {@code rule} leaves open all {@code of} leaves open). */
    static boolean namesOnlyAttributesOf(int[] rule, int[] of) {
        int j = 0;
        for (int i = 0; i < rule.length; i += 2 + rule[i + 1]) {
            while (j < of.length && of[j] < rule[i]) {
                j += 2 + of[j + 1];
            }
            if (j >= of.length || of[j] != rule[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean intersects(int[] a, int i, int endA, int[] b, int j, int endB) {
        while (i < endA && j < endB) {
            int x = a[i];
            int y = b[j];
            if (x == y) {
                return true;
            }
            if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private static boolean subset(int[] small, int i, int endSmall, int[] big, int j, int endBig) {
        for (; i < endSmall; i++) {
            while (j < endBig && big[j] < small[i]) {
                j++;
            }
            if (j == endBig || big[j] != small[i]) {
                return false;
            }
        }
        return true;
    }
}
