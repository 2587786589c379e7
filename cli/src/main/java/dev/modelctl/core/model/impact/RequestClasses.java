package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.route.Router;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The request classes of one or more routing documents: every declared use case, every distinct rule condition set
 * and the default. Given two revisions, the union is taken, so a class that only one side knows is still compared.
 */
public final class RequestClasses {
    private RequestClasses() {
    }

    public static List<RequestClass> of(RoutingDocument... documents) {
        Set<String> useCases = new LinkedHashSet<>();
        for (RoutingDocument d : documents) {
            useCases.addAll(d.useCases().keySet());
        }
        List<RequestClass> out = new ArrayList<>();
        for (String u : useCases) {
            out.add(new RequestClass(RequestClass.Kind.USE_CASE, "use case " + u, Map.of(Router.TASK_TYPE, u),
                    Map.of(Router.TASK_TYPE, Set.of(u)), null, u));
        }
        // One class per distinct condition set: two rules (or two revisions of one rule) that accept the same requests
        // describe the same class. Condition values compare as sets: a reordered any-of list is the same class.
        Set<Map<String, Set<String>>> seen = new LinkedHashSet<>();
        for (RoutingDocument d : documents) {
            for (Rule r : d.rules()) {
                if (r.ruleId() == null || r.conditions().isEmpty() || r.conditions().values().stream().anyMatch(List::isEmpty)) {
                    continue;
                }
                Map<String, Set<String>> key = new TreeMap<>();
                r.conditions().forEach((k, v) -> key.put(k, new TreeSet<>(v)));
                if (!seen.add(key)) {
                    continue;
                }
                Map<String, String> request = new LinkedHashMap<>();
                key.forEach((k, v) -> request.put(k, r.conditions().get(k).get(0)));
                out.add(new RequestClass(RequestClass.Kind.RULE, "rule " + r.ruleId() + " (" + describe(key) + ")",
                        Map.copyOf(request), Map.copyOf(key), r.ruleId(), request.get(Router.TASK_TYPE)));
            }
        }
        out.add(new RequestClass(RequestClass.Kind.DEFAULT, "default (no use case)", Map.of(), Map.of(), null, null));
        return List.copyOf(out);
    }

    private static String describe(Map<String, Set<String>> conditions) {
        List<String> parts = new ArrayList<>();
        conditions.forEach((k, v) -> parts.add(k + "=" + (v.size() == 1 ? v.iterator().next() : String.join("|", v))));
        return String.join(", ", parts);
    }
}
