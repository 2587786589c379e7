package dev.modelctl.core.checks.analysis;

import java.util.Arrays;

/**
 * The values a rule accepts for one attribute, as sorted term ids: a finite set ({@code task_type: [a, b]}) or, for an
 * attribute the rule does not name, everything — generalised to "everything except {@code terms}" so that set
 * difference stays closed. The universe of values is unbounded: a complement is never empty.
 */
record ValueSet(boolean complement, int[] terms) {
    static final ValueSet ANY = new ValueSet(true, new int[0]);

    static ValueSet finite(int[] sortedTerms) {
        return new ValueSet(false, sortedTerms);
    }

    boolean isEmpty() {
        return !complement && terms.length == 0;
    }

    ValueSet intersect(ValueSet other) {
        if (!complement) {
            return finite(other.complement ? difference(terms, other.terms) : intersection(terms, other.terms));
        }
        return other.complement ? new ValueSet(true, union(terms, other.terms)) : finite(difference(other.terms, terms));
    }

    ValueSet minus(ValueSet other) {
        if (!complement) {
            return finite(other.complement ? intersection(terms, other.terms) : difference(terms, other.terms));
        }
        // (U - A) - (U - B) = B - A;  (U - A) - B = U - (A + B)
        return other.complement ? finite(difference(other.terms, terms)) : new ValueSet(true, union(terms, other.terms));
    }

    /** Every value of {@code other} is in this set. */
    boolean containsAll(ValueSet other) {
        if (!complement) {
            return !other.complement && subset(other.terms, terms);
        }
        return other.complement ? subset(terms, other.terms) : !intersects(other.terms, terms);
    }

    /** Some value is in both sets. */
    boolean overlaps(ValueSet other) {
        if (complement && other.complement) {
            return true;
        }
        if (!complement && !other.complement) {
            return intersects(terms, other.terms);
        }
        ValueSet finite = complement ? other : this;
        ValueSet excluded = complement ? this : other;
        return !subset(finite.terms, excluded.terms);
    }

    /**
     * A concrete member, for witness requests: the alphabetically first value of a finite set; for a complement
     * {@code other} (or {@code other2}, …) unless that value is excluded.
     */
    String sample(int attr, Terms names) {
        if (!complement) {
            String best = null;
            for (int t : terms) {
                String v = names.value(t);
                if (best == null || v.compareTo(best) < 0) {
                    best = v;
                }
            }
            return best;
        }
        String candidate = "other";
        for (int i = 2; ; i++) {
            int t = names.term(attr, candidate);
            if (t < 0 || Arrays.binarySearch(terms, t) < 0) {
                return candidate;
            }
            candidate = "other" + i;
        }
    }

    static int[] intersection(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static int[] difference(int[] a, int[] b) {
        int[] out = new int[a.length];
        int n = 0;
        int j = 0;
        for (int v : a) {
            while (j < b.length && b[j] < v) {
                j++;
            }
            if (j == b.length || b[j] != v) {
                out[n++] = v;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                out[n++] = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                out[n++] = b[j++];
            } else {
                out[n++] = a[i++];
                j++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static boolean subset(int[] small, int[] big) {
        int j = 0;
        for (int v : small) {
            while (j < big.length && big[j] < v) {
                j++;
            }
            if (j == big.length || big[j] != v) {
                return false;
            }
        }
        return true;
    }

    static boolean intersects(int[] a, int[] b) {
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
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
