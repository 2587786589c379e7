package dev.modelctl.core.model.diff;

import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.model.routing.UseCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two routing documents, in routing terms rather than text: models per use case, model blocks,
 * rules added/removed/changed (compared by {@link RuleDiff}), and the cost override toggled. Order-insensitive where
 * order means nothing: a reordered any-of list or override scope is no change.
 */
public final class SemanticDiff {
    private SemanticDiff() {
    }

    public static List<String> between(RoutingDocument before, RoutingDocument after) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(before.defaultModel(), after.defaultModel())) {
            out.add("defaults.model: " + describe(before, before.defaultModel()) + " -> " + describe(after, after.defaultModel()));
        }
        for (String name : union(before.useCases(), after.useCases())) {
            UseCase b = before.useCases().get(name);
            UseCase a = after.useCases().get(name);
            if (b == null) {
                out.add("use case " + name + " added: " + describe(after, a.model()));
            } else if (a == null) {
                out.add("use case " + name + " removed (was " + describe(before, b.model()) + ")");
            } else {
                String bm = modelId(before, b.model());
                String am = modelId(after, a.model());
                if (!Objects.equals(b.model(), a.model()) || !Objects.equals(bm, am)) {
                    out.add("use case " + name + ": " + describe(before, b.model()) + " -> " + describe(after, a.model()));
                }
                if (!Objects.equals(b.costOverrideModel(), a.costOverrideModel())) {
                    out.add("use case " + name + " cost_override_model: " + b.costOverrideModel() + " -> " + a.costOverrideModel());
                }
            }
        }
        for (String name : union(before.models(), after.models())) {
            ModelBlock b = before.models().get(name);
            ModelBlock a = after.models().get(name);
            if (b == null) {
                out.add("model " + name + " added: " + a.modelId());
            } else if (a == null) {
                out.add("model " + name + " removed (was " + b.modelId() + ")");
            } else {
                List<String> fields = new ArrayList<>();
                field("model_id", b.modelId(), a.modelId(), fields);
                field("max_tokens", b.maxTokens(), a.maxTokens(), fields);
                field("temperature", b.temperature(), a.temperature(), fields);
                field("top_p", b.topP(), a.topP(), fields);
                field("anthropic_version", b.anthropicVersion(), a.anthropicVersion(), fields);
                if (!fields.isEmpty()) {
                    out.add("model " + name + ": " + String.join(", ", fields));
                }
            }
        }
        for (RuleChange c : RuleDiff.between(before.rules(), after.rules(), false, id -> List.of())) {
            Rule b = c.before();
            Rule a = c.after();
            switch (c.kind()) {
                case ADDED -> out.add("rule " + c.ruleId() + " added: priority " + a.priority() + ", " + a.conditions() + " -> " + a.model());
                case REMOVED -> out.add("rule " + c.ruleId() + " removed (was priority " + b.priority() + ", " + b.conditions() + " -> " + b.model() + ")");
                case CHANGED, MOVED -> out.add("rule " + c.ruleId() + ": " + String.join(", ", c.details()));
            }
        }
        CostOverride bo = before.costOverride();
        CostOverride ao = after.costOverride();
        boolean wasActive = bo != null && bo.active();
        boolean isActive = ao != null && ao.active();
        if (wasActive != isActive) {
            out.add("cost override " + (isActive ? "ACTIVATED" : "cleared") + (isActive ? ": " + scope(ao) + " -> " + ao.model()
                    + " (reason: " + ao.reason() + ", by " + ao.engineer() + ", until " + ao.expiresAt() + ")" : ""));
        } else if (isActive && (!new TreeSet<>(bo.useCases()).equals(new TreeSet<>(ao.useCases())) || !Objects.equals(bo.model(), ao.model())
                || !Objects.equals(bo.expiresAt(), ao.expiresAt()))) {
            out.add("cost override changed: " + scope(bo) + " -> " + bo.model() + " until " + bo.expiresAt() + "  =>  "
                    + scope(ao) + " -> " + ao.model() + " until " + ao.expiresAt());
        }
        return out;
    }

    private static String scope(CostOverride o) {
        return o.useCases().isEmpty() ? "every use case" : "use cases " + String.join(", ", o.useCases());
    }

    private static String describe(RoutingDocument doc, String model) {
        String id = modelId(doc, model);
        return id == null ? String.valueOf(model) : model + " (" + id + ")";
    }

    private static String modelId(RoutingDocument doc, String model) {
        ModelBlock m = model == null ? null : doc.models().get(model);
        return m == null ? null : m.modelId();
    }

    private static void field(String name, Object before, Object after, List<String> out) {
        if (!Objects.equals(before, after)) {
            out.add(name + " " + before + " -> " + after);
        }
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
