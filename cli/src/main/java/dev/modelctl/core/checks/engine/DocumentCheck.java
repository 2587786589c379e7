package dev.modelctl.core.checks.engine;

import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.List;
import java.util.Set;

/** One check over a parsed routing document. Implementations are stateless and report positioned findings. */
public interface DocumentCheck {
    List<Finding> check(RoutingDocument doc, CheckContext context);

    /** The check ids this check can report: the registry and its tests rely on it (docs/architecture.md). */
    Set<Check> reports();
}
