package dev.modelctl.core.analysis;

import dev.modelctl.core.routing.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The set of requests a rule matches, as a product of per-attribute value sets. Attributes that are absent are
 * unconstrained ({@link ValueSet#ANY}).
 */
record Box(Map<String, ValueSet> constraints) {

    static Box of(Rule rule) {
        Map<String, ValueSet> c = new TreeMap<>();
        rule.conditions().forEach((attr, values) -> c.put(attr, ValueSet.of(values)));
        return new Box(c);
    }

    ValueSet get(String attr) {
        return constraints.getOrDefault(attr, ValueSet.ANY);
    }

    boolean overlaps(Box other) {
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            ValueSet o = other.constraints.get(e.getKey());
            if (o != null && !e.getValue().overlaps(o)) {
                return false;
            }
            if (o == null && e.getValue().isEmpty()) {
                return false;
            }
        }
        for (Map.Entry<String, ValueSet> e : other.constraints.entrySet()) {
            if (!constraints.containsKey(e.getKey()) && e.getValue().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Every request {@code other} matches, this box matches too. */
    boolean contains(Box other) {
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            if (!e.getValue().containsAll(other.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    Box intersectWith(Box other) {
        Map<String, ValueSet> c = new TreeMap<>(constraints);
        other.constraints.forEach((attr, values) -> c.merge(attr, values, ValueSet::intersect));
        return new Box(c);
    }

    Box with(String attr, ValueSet values) {
        Map<String, ValueSet> c = new TreeMap<>(constraints);
        c.put(attr, values);
        return new Box(c);
    }

    /** An attribute on which {@code rule} accepts only part of this box, or {@code null} when it accepts all of it. */
    String splitAttribute(Box rule) {
        for (Map.Entry<String, ValueSet> e : rule.constraints.entrySet()) {
            if (!e.getValue().containsAll(get(e.getKey()))) {
                return e.getKey();
            }
        }
        return null;
    }

    /** One request inside this box, naming only the given attributes (the others may take any value). */
    Map<String, String> sample(List<String> attributes) {
        Map<String, String> request = new LinkedHashMap<>();
        for (String attr : attributes) {
            request.put(attr, get(attr).sample());
        }
        return request;
    }
}
