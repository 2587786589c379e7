package dev.modelctl.core.checks.analysis;

import dev.modelctl.core.model.routing.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns attribute names to dense ids and (attribute, value) pairs to dense <em>term</em> ids, shared by all rules of
 * one analysis. Two values of one attribute are equal exactly when their term ids are, so terms double as value ids;
 * the names are kept for messages and witness requests.
 */
final class Terms {
    private final Map<String, Integer> attributes = new HashMap<>();
    private final List<String> attributeNames = new ArrayList<>();
    private final List<Map<String, Integer>> valuesByAttribute = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** The rule's conditions in the packed layout of {@link CompactBox}. */
    int[] code(Rule rule) {
        int n = rule.conditions().size();
        int[][] parts = new int[n][];
        int size = 0;
        int k = 0;
        for (Map.Entry<String, List<String>> c : rule.conditions().entrySet()) {
            int attr = attribute(c.getKey());
            Map<String, Integer> known = valuesByAttribute.get(attr);
            int[] ids = new int[c.getValue().size()];
            int i = 0;
            for (String v : c.getValue()) {
                Integer term = known.get(v);
                if (term == null) {
                    term = values.size();
                    values.add(v);
                    known.put(v, term);
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
        return attributeNames.size();
    }

    int termCount() {
        return values.size();
    }

    String attributeName(int attr) {
        return attributeNames.get(attr);
    }

    String value(int term) {
        return values.get(term);
    }

    /** The term of {@code value} for attribute {@code attr}, or -1 when no rule names it. */
    int term(int attr, String value) {
        Integer t = valuesByAttribute.get(attr).get(value);
        return t == null ? -1 : t;
    }

    private int attribute(String name) {
        Integer id = attributes.get(name);
        if (id == null) {
            id = attributeNames.size();
            attributes.put(name, id);
            attributeNames.add(name);
            valuesByAttribute.add(new HashMap<>());
        }
        return id;
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
