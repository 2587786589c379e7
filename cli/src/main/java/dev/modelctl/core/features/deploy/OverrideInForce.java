package dev.modelctl.core.features.deploy;

import dev.modelctl.core.model.route.Router;
import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.model.routing.UseCase;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost override of a live document as on-call needs to see it: whether it is in force, who set it, why, until
 * when, and the model each use case gets now (its {@code cost_override_model}, else the override's model), as the
 * {@link Router} routes it.
 *
 * @param effective use case → "normal -> override model" for the use cases in scope
 */
public record OverrideInForce(boolean active, boolean expired, CostOverride override, Map<String, String> effective, Duration left) {

    public static OverrideInForce of(RoutingDocument doc, Instant now) {
        CostOverride o = doc == null ? null : doc.costOverride();
        if (o == null || !o.active()) {
            return new OverrideInForce(false, false, o, Map.of(), null);
        }
        boolean expired = o.expiresAt() != null && !now.isBefore(o.expiresAt());
        Map<String, String> effective = new LinkedHashMap<>();
        Router router = new Router();
        for (UseCase u : doc.useCases().values()) {
            if (o.useCases().isEmpty() || o.useCases().contains(u.name())) {
                // expired: what it would route to, so on-call sees what a renewal brings back
                String chosen = expired ? Router.costOverrideModel(doc, u.name()) : router.route(doc, Map.of(Router.TASK_TYPE, u.name()), now).modelName();
                effective.put(u.name(), u.model() + " -> " + chosen);
            }
        }
        return new OverrideInForce(true, expired, o, effective, expired || o.expiresAt() == null ? null : Duration.between(now, o.expiresAt()).withNanos(0));
    }

    /** In force: active and not expired. */
    public boolean inForce() {
        return active && !expired;
    }
}
