package dev.modelctl.core.checks.validate;

import java.util.Set;
import java.util.EnumSet;
import dev.modelctl.core.checks.engine.FindingFactory;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code duplicate-rule-id}: rule ids are the unit of ownership, approval and tie-breaking, so they must be unique. */
public final class RuleIdCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.DUPLICATE_RULE_ID);
    }

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        Map<String, Rule> first = new HashMap<>();
        for (Rule r : doc.rules()) {
            if (r.ruleId() == null) {
                continue;
            }
            Rule earlier = first.putIfAbsent(r.ruleId(), r);
            if (earlier != null) {
                String message = "rule_id '" + r.ruleId() + "' is already used by the rule at " + earlier.file() + ":" + earlier.line();
                Finding f = r.file().equals(doc.file())
                        ? FindingFactory.at(doc.source(), r.pointer() + "/rule_id", Check.DUPLICATE_RULE_ID, message, "give each rule a unique rule_id")
                        : Finding.of(Check.DUPLICATE_RULE_ID, r.file(), r.line(), r.column(), message, "give each rule a unique rule_id");
                out.add(f.withRules(List.of(r.ruleId()), Map.of()));
            }
        }
        return out;
    }
}
