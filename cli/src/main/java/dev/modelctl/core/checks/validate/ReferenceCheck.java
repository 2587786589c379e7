package dev.modelctl.core.checks.validate;

import java.util.Set;
import java.util.EnumSet;
import dev.modelctl.core.checks.engine.Suggest;
import dev.modelctl.core.checks.engine.FindingFactory;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.model.routing.UseCase;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code unknown-model-reference}: every {@code model} reference must name a key of {@code models}. A finding about a
 * rule lists that rule in {@code rules}, like every finding about a rule.
 */
public final class ReferenceCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.UNKNOWN_MODEL_REFERENCE);
    }

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        reference(doc, doc.defaultModel(), "/defaults/model", "defaults.model", out);
        for (UseCase u : doc.useCases().values()) {
            reference(doc, u.model(), u.pointer() + "/model", "use case '" + u.name() + "'", out);
            reference(doc, u.costOverrideModel(), u.pointer() + "/cost_override_model", "use case '" + u.name() + "' cost_override_model", out);
        }
        for (Rule r : doc.rules()) {
            if (r.file().equals(doc.file())) {
                int before = out.size();
                reference(doc, r.model(), r.pointer() + "/model", "rule '" + r.ruleId() + "'", out);
                namesRule(out, before, r);
            } else if (r.model() != null && !doc.models().containsKey(r.model())) { // a team rule file
                String close = Suggest.closest(r.model(), doc.models().keySet());
                out.add(Finding.of(Check.UNKNOWN_MODEL_REFERENCE, r.file(), r.line(), r.column(),
                        "rule '" + r.ruleId() + "' refers to model '" + r.model() + "', which is not defined in models of " + doc.file(),
                        close != null ? "did you mean '" + close + "'?" : "define it under models in " + doc.file())
                        .withRules(r.ruleId() == null ? List.of() : List.of(r.ruleId()), java.util.Map.of()));
            }
        }
        if (doc.costOverride() != null) {
            reference(doc, doc.costOverride().model(), "/cost_override/model", "cost_override.model", out);
        }
        return out;
    }

    private static void namesRule(List<Finding> out, int from, Rule r) {
        if (r.ruleId() != null && out.size() > from) {
            out.set(from, out.get(from).withRules(List.of(r.ruleId()), java.util.Map.of()));
        }
    }

    private static void reference(RoutingDocument doc, String name, String pointer, String who, List<Finding> out) {
        if (name == null || doc.models().containsKey(name)) {
            return;
        }
        String known = String.join(", ", doc.models().keySet());
        String close = Suggest.closest(name, doc.models().keySet());
        out.add(FindingFactory.at(doc.source(), pointer, Check.UNKNOWN_MODEL_REFERENCE,
                who + " refers to model '" + name + "', which is not defined in models",
                close != null ? "did you mean '" + close + "'?" : "define it under models (known: " + known + ")"));
    }
}
