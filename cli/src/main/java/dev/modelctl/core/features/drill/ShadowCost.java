package dev.modelctl.core.features.drill;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.impact.ClassChange;
import dev.modelctl.core.model.impact.Impact;
import dev.modelctl.core.model.impact.RoutingImpact;
import dev.modelctl.core.model.impact.TrafficMix;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shadow cost reduction of the override: every request class (use cases, rule-routed classes, the default)
 * priced as the document served before the drill routes it and as the served override document routes it, weighted
 * by the repo config's traffic mix (docs/impact.md). The same computation as the override estimate and PR impact.
 */
public final class ShadowCost {
    private ShadowCost() {
    }

    /** The impact of the override on cost, class by class. */
    public record Estimate(Impact impact) {
        /** 1 − override cost / normal cost over the mix, or {@code null} when a class's price is unknown. */
        public Double reduction() {
            Double relative = impact.relativeChange();
            return impact.unpriced() > 0 || relative == null ? null : -relative;
        }

        /** Models with no catalog price, which make the reduction unmeasurable. */
        public List<String> unknown() {
            List<String> out = new ArrayList<>();
            for (ClassChange c : impact.classes()) {
                for (var r : List.of(c.before(), c.after())) {
                    if (r.price() == null && r.model() != null && !out.contains(r.describe())) {
                        out.add(r.describe());
                    }
                }
            }
            return out;
        }

        /** How the classes were weighted, for every output. */
        public String mixDescription() {
            return impact.equalShares() ? "equal shares per request class (no traffic mix in the repo config)"
                    : "traffic mix from the repo config";
        }
    }

    public static Estimate estimate(RoutingDocument normal, RoutingDocument overridden, TrafficMix mix, ModelCatalog catalog, Instant now) {
        return new Estimate(RoutingImpact.between(normal, overridden, catalog, mix, now));
    }
}
