package dev.modelctl.core.features.drill;

import dev.modelctl.core.model.route.RouteDecision;
import dev.modelctl.core.model.route.Router;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Routes every request class of the served document with the routing semantics {@code route} uses: each use case,
 * and each rule's own class (a request built from its conditions). In scope, the model must be the override model
 * (the use case's {@code cost_override_model}, else {@code cost_override.model}); out of scope, it must be what the
 * document routed before the drill.
 */
public final class RoutingCheck {
    private final Router router = new Router();

    /**
     * One request class and where it went.
     *
     * @param rule     the rule whose class this is, or {@code null} for a plain use-case request
     * @param expected the model the class should get now
     */
    public record ClassResult(Map<String, String> request, String rule, boolean inScope, String expected, String actual) {
        public boolean passed() {
            return Objects.equals(expected, actual) && actual != null;
        }

        public String label() {
            StringBuilder b = new StringBuilder();
            request.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return "{" + b + "}" + (rule == null ? "" : " (rule " + rule + ")");
        }
    }

    /**
     * @param served   the document with the drill's override, as AppConfig served it
     * @param baseline the document served before the drill (what out-of-scope classes must keep)
     * @param scope    the override's use cases; empty = every use case
     */
    public List<ClassResult> check(RoutingDocument served, RoutingDocument baseline, List<String> scope, Instant now) {
        List<ClassResult> out = new ArrayList<>();
        for (Map.Entry<Map<String, String>, String> c : requestClasses(served, scope).entrySet()) {
            Map<String, String> request = c.getKey();
            String rule = c.getValue();
            String useCase = request.get(Router.TASK_TYPE);
            boolean inScope = scope.isEmpty() || (useCase != null && scope.contains(useCase));
            RouteDecision decision = router.route(served, request, now);
            String expected;
            if (inScope) {
                expected = Router.costOverrideModel(served, useCase);
            } else {
                expected = router.route(baseline, request, now).modelName();
            }
            String actual = decision.modelName() != null && served.models().containsKey(decision.modelName()) ? decision.modelName() : null;
            out.add(new ClassResult(request, rule, inScope, expected, actual == null ? decision.modelName() + " (no such model block)" : actual));
        }
        return out;
    }

    /**
     * Every use case's plain request, then each rule's witness request (first value of each condition), in document
     * order. Unlike {@code RequestClasses} (impact), a rule that names no {@code task_type} yields one class per scoped
     * use case: a scoped override must reach that rule's requests of every use case in scope, and only those.
     */
    static Map<Map<String, String>, String> requestClasses(RoutingDocument doc, List<String> scope) {
        Map<Map<String, String>, String> classes = new LinkedHashMap<>();
        for (String u : doc.useCases().keySet()) {
            classes.put(Map.of(Router.TASK_TYPE, u), null);
        }
        for (Rule r : doc.rules()) {
            if (r.ruleId() == null) {
                continue;
            }
            Set<String> taskTypes = new LinkedHashSet<>(r.conditions().getOrDefault(Router.TASK_TYPE, List.of()));
            if (!r.conditions().containsKey(Router.TASK_TYPE)) {
                // a rule that ignores task_type takes requests of every use case: one class per scoped use case, or one without
                taskTypes.addAll(scope);
                if (scope.isEmpty()) {
                    taskTypes.add(null);
                }
            }
            for (String t : taskTypes) {
                Map<String, String> request = new LinkedHashMap<>();
                r.conditions().forEach((k, v) -> {
                    if (!k.equals(Router.TASK_TYPE) && !v.isEmpty()) {
                        request.put(k, v.get(0));
                    }
                });
                if (t != null) {
                    request.put(Router.TASK_TYPE, t);
                }
                classes.putIfAbsent(java.util.Collections.unmodifiableMap(request), r.ruleId());
            }
        }
        return classes;
    }
}
