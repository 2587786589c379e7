package dev.modelctl.core.checks.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of requests as a product of per-attribute value sets: what a rule matches, or a part of it while deciding a
 * cover. Attributes not listed are unconstrained ({@link ValueSet#ANY}).
 *
 * @param attributes attribute ids, ascending
 * @param sets       the value set of each of those attributes
 */
record Box(int[] attributes, ValueSet[] sets) {

    /** The requests a rule matches, from its packed {@link CompactBox} code. */
    static Box of(int[] code) {
        int n = 0;
        for (int k = 0; k < code.length; k += 2 + code[k + 1]) {
            n++;
        }
        int[] attrs = new int[n];
        ValueSet[] sets = new ValueSet[n];
        int i = 0;
        for (int k = 0; k < code.length; k += 2 + code[k + 1]) {
            attrs[i] = code[k];
            sets[i++] = ValueSet.finite(Arrays.copyOfRange(code, k + 2, k + 2 + code[k + 1]));
        }
        return new Box(attrs, sets);
    }

    ValueSet get(int attr) {
        int i = Arrays.binarySearch(attributes, attr);
        return i >= 0 ? sets[i] : ValueSet.ANY;
    }

    /** Some request is in both boxes (an attribute neither constrains can always take a common value). */
    boolean overlaps(Box other) {
        for (int i = 0; i < attributes.length; i++) {
            if (!sets[i].overlaps(other.get(attributes[i]))) {
                return false;
            }
        }
        for (int j = 0; j < other.attributes.length; j++) {
            if (Arrays.binarySearch(attributes, other.attributes[j]) < 0 && other.sets[j].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    Box intersectWith(Box other) {
        Box out = this;
        for (int j = 0; j < other.attributes.length; j++) {
            out = out.with(other.attributes[j], out.get(other.attributes[j]).intersect(other.sets[j]));
        }
        return out;
    }

    Box with(int attr, ValueSet values) {
        int i = Arrays.binarySearch(attributes, attr);
        if (i >= 0) {
            ValueSet[] s = sets.clone();
            s[i] = values;
            return new Box(attributes, s);
        }
        int at = -i - 1;
        int[] a = new int[attributes.length + 1];
        ValueSet[] s = new ValueSet[sets.length + 1];
        System.arraycopy(attributes, 0, a, 0, at);
        System.arraycopy(sets, 0, s, 0, at);
        a[at] = attr;
        s[at] = values;
        System.arraycopy(attributes, at, a, at + 1, attributes.length - at);
        System.arraycopy(sets, at, s, at + 1, sets.length - at);
        return new Box(a, s);
    }

    /** An attribute on which {@code rule} accepts only part of this box, or -1 when it accepts all of it. */
    int splitAttribute(Box rule) {
        for (int j = 0; j < rule.attributes.length; j++) {
            if (!rule.sets[j].containsAll(get(rule.attributes[j]))) {
                return rule.attributes[j];
            }
        }
        return -1;
    }

    /**
     * One request inside this box, naming the attributes the box constrains (sorted by name); any other attribute may
     * be absent or take any value.
     */
    Map<String, String> sample(Terms names) {
        Map<String, String> request = new TreeMap<>();
        for (int i = 0; i < attributes.length; i++) {
            request.put(names.attributeName(attributes[i]), sets[i].sample(attributes[i], names));
        }
        return request;
    }
}
