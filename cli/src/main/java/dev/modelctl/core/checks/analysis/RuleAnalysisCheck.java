package dev.modelctl.core.checks.analysis;

import java.util.Set;
import java.util.EnumSet;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;

import java.util.List;

/** Rule analysis as a document check (part of {@code check}, not of {@code validate}). */
public final class RuleAnalysisCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.PRIORITY_CONFLICT, Check.SHADOWED_RULE, Check.REDUNDANT_RULE, Check.CORRELATED_RULES, Check.GENERALIZATION, Check.UNKNOWN_USE_CASE);
    }

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        return new RuleAnalyzer().analyze(doc.rules(), doc.useCases().keySet());
    }
}
