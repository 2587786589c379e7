package dev.modelctl.core.analysis;

import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.validate.CheckContext;
import dev.modelctl.core.validate.DocumentCheck;

import java.util.List;

/** Rule analysis as a document check (part of {@code check}, not of {@code validate}). */
public final class RuleAnalysisCheck implements DocumentCheck {
    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        return new RuleAnalyzer().analyze(doc.rules(), doc.useCases().keySet());
    }
}
