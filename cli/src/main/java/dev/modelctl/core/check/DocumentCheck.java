package dev.modelctl.core.check;

import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.RoutingDocument;

import java.util.List;
import java.util.Set;

/** One check over a parsed routing document. Implementations are stateless and report positioned findings. */
public interface DocumentCheck {
    List<Finding> check(RoutingDocument doc, CheckContext context);

    /** The check ids this check can report: the registry and its tests rely on it (docs/architecture.md). */
    Set<Check> reports();
}
