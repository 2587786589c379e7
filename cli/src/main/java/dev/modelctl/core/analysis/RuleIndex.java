package dev.modelctl.core.analysis;

import dev.modelctl.core.routing.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rules that can overlap a given rule without comparing all pairs: postings per attribute value, plus the
 * rules that leave the attribute unconstrained. A rule's candidates come from its most selective attribute.
 */
final class RuleIndex {
    private final List<Rule> rules;
    private final Map<String, Map<String, List<Integer>>> postings = new HashMap<>();
    private final Map<String, List<Integer>> unconstrained = new HashMap<>();
    private final int[] stamp;
    private int generation;

    RuleIndex(List<Rule> rules) {
        this.rules = rules;
        this.stamp = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            for (Map.Entry<String, List<String>> c : rules.get(i).conditions().entrySet()) {
                Map<String, List<Integer>> byValue = postings.computeIfAbsent(c.getKey(), k -> new HashMap<>());
                for (String v : c.getValue()) {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
                }
            }
        }
        for (String attr : postings.keySet()) {
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (!rules.get(i).conditions().containsKey(attr)) {
                    free.add(i);
                }
            }
            unconstrained.put(attr, free);
        }
    }

    /** Indexes (into the rule list) of rules that may overlap rule {@code i}; a superset, deduplicated. */
    List<Integer> candidates(int i) {
        Rule rule = rules.get(i);
        String best = null;
        long bestSize = Long.MAX_VALUE;
        for (Map.Entry<String, List<String>> c : rule.conditions().entrySet()) {
            long size = unconstrained.getOrDefault(c.getKey(), List.of()).size();
            Map<String, List<Integer>> byValue = postings.getOrDefault(c.getKey(), Map.of());
            for (String v : c.getValue()) {
                size += byValue.getOrDefault(v, List.of()).size();
            }
            if (size < bestSize) {
                bestSize = size;
                best = c.getKey();
            }
        }
        List<Integer> out = new ArrayList<>();
        if (best == null) { // a catch-all rule overlaps everything
            for (int j = 0; j < rules.size(); j++) {
                if (j != i) {
                    out.add(j);
                }
            }
            return out;
        }
        generation++;
        stamp[i] = generation;
        Map<String, List<Integer>> byValue = postings.get(best);
        for (String v : rule.conditions().get(best)) {
            add(byValue.getOrDefault(v, List.of()), out);
        }
        add(unconstrained.getOrDefault(best, List.of()), out);
        return out;
    }

    private void add(List<Integer> from, List<Integer> out) {
        for (int j : from) {
            if (stamp[j] != generation) {
                stamp[j] = generation;
                out.add(j);
            }
        }
    }
}
