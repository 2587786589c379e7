package dev.modelctl.core.validate;

import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.RoutingDocument;

import java.util.List;

/** One check over a parsed routing document. Implementations are stateless and report positioned findings. */
public interface DocumentCheck {
    List<Finding> check(RoutingDocument doc, CheckContext context);
}
