package dev.modelctl.core.checks.analysis;

/**
 * A rule's conditions packed into one int array ({@link Terms#code}), so the tests that run for every candidate pair
 * (overlap, containment) are merge walks over two arrays with no allocation and no pointer chasing. {@link Box} is the
 * general representation (open attributes, set differences), used once a pair is known to matter.
 *
 * <p>Layout: for each attribute the rule names, in ascending attribute id: {@code attr, count, term…} (terms ascending,
 * {@code count} may be 0 for an empty list, which matches nothing).
 */
final class CompactBox {
    private CompactBox() {
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
