package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.route.RouteDecision;
import dev.modelctl.core.model.route.Router;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes every request class through two documents with the routing semantics of {@link Router} and prices the
 * result: the one computation behind {@code check --base}/{@code diff} impact findings, deploy plans and the cost
 * override estimate (docs/impact.md).
 */
public final class RoutingImpact {
    private RoutingImpact() {
    }

    public static Impact between(RoutingDocument before, RoutingDocument after, ModelCatalog catalog, TrafficMix mix, Instant now) {
        List<RequestClass> classes = RequestClasses.of(before, after);
        List<Double> shares = mix.shares(classes);
        Router router = new Router();
        List<ClassChange> out = new ArrayList<>(classes.size());
        double costBefore = 0;
        double costAfter = 0;
        double pricedShare = 0;
        int unpriced = 0;
        for (int i = 0; i < classes.size(); i++) {
            RequestClass c = classes.get(i);
            ClassRouting b = routing(router.route(before, c.request(), now), catalog);
            ClassRouting a = routing(router.route(after, c.request(), now), catalog);
            double share = shares.get(i);
            Double relative = null;
            Double monthly = null;
            if (b.price() != null && a.price() != null) {
                double pb = mix.costOf(b.price());
                double pa = mix.costOf(a.price());
                relative = pb > 0 ? pa / pb - 1 : null;
                monthly = mix.requestsPerMonth() == null ? null : (pa - pb) * share * mix.requestsPerMonth();
                costBefore += pb * share;
                costAfter += pa * share;
                pricedShare += share;
            } else if (b.model() != null || a.model() != null) {
                unpriced++;
            }
            out.add(new ClassChange(c, b, a, share, relative, monthly));
        }
        // Totals are per request of the priced traffic, so an unpriced class does not read as free.
        double scale = pricedShare > 0 ? 1 / pricedShare : 0;
        return new Impact(List.copyOf(out), costBefore * scale, costAfter * scale, unpriced, mix.isEqualShares(),
                mix.requestsPerMonth());
    }

    private static ClassRouting routing(RouteDecision d, ModelCatalog catalog) {
        String modelId = d.model() == null ? null : d.model().modelId();
        return new ClassRouting(d.modelName(), modelId, modelId == null ? null : catalog.priceOf(modelId).orElse(null), d);
    }
}
