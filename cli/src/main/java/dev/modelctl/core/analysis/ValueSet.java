package dev.modelctl.core.analysis;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values a rule accepts for one attribute: a finite set ({@code task_type: [a, b]}) or, for an attribute the rule
 * does not name, everything — generalised to "everything except {@code values}" so that set difference stays closed.
 */
record ValueSet(boolean complement, SortedSet<String> values) {
    static final ValueSet ANY = new ValueSet(true, new TreeSet<>());

    static ValueSet of(Collection<String> values) {
        return new ValueSet(false, new TreeSet<>(values));
    }

    boolean isEmpty() {
        return !complement && values.isEmpty();
    }

    boolean contains(String value) {
        return complement != values.contains(value);
    }

    ValueSet intersect(ValueSet other) {
        if (!complement && !other.complement) {
            return filter(values, other::contains, false);
        }
        if (!complement) {
            return filter(values, other::contains, false);
        }
        if (!other.complement) {
            return filter(other.values, this::contains, false);
        }
        TreeSet<String> union = new TreeSet<>(values);
        union.addAll(other.values);
        return new ValueSet(true, union);
    }

    ValueSet minus(ValueSet other) {
        if (!complement) {
            return filter(values, v -> !other.contains(v), false);
        }
        if (other.complement) { // (U - A) - (U - B) = B - A
            return filter(other.values, v -> !values.contains(v), false);
        }
        TreeSet<String> union = new TreeSet<>(values);
        union.addAll(other.values);
        return new ValueSet(true, union);
    }

    /** Every value of {@code other} is in this set (allocation-free: it runs for every candidate pair). */
    boolean containsAll(ValueSet other) {
        if (!complement) {
            return !other.complement && values.containsAll(other.values);
        }
        if (other.complement) {
            return other.values.containsAll(values);
        }
        for (String v : other.values) {
            if (values.contains(v)) {
                return false;
            }
        }
        return true;
    }

    /** Some value is in both sets (allocation-free). */
    boolean overlaps(ValueSet other) {
        if (complement && other.complement) {
            return true; // the universe of values is unbounded
        }
        ValueSet finite = complement ? other : this;
        ValueSet rest = complement ? this : other;
        if (!rest.complement && rest.values.size() < finite.values.size()) {
            ValueSet t = finite;
            finite = rest;
            rest = t;
        }
        for (String v : finite.values) {
            if (rest.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** A concrete member, for witness requests: the smallest named value, or a fresh one outside the exclusions. */
    String sample() {
        if (!complement) {
            return values.first();
        }
        String candidate = "other";
        for (int i = 2; values.contains(candidate); i++) {
            candidate = "other" + i;
        }
        return candidate;
    }

    private static ValueSet filter(SortedSet<String> source, java.util.function.Predicate<String> keep, boolean complement) {
        TreeSet<String> out = new TreeSet<>();
        for (String v : source) {
            if (keep.test(v)) {
                out.add(v);
            }
        }
        return new ValueSet(complement, out);
    }
}
