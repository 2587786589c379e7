package dev.modelctl.core.drill;

import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.route.Router;
import dev.modelctl.core.routing.ModelBlock;
import dev.modelctl.core.routing.RoutingDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shadow cost reduction of the override: the price of the traffic mix routed by the served override document
 * against the same mix routed by the document served before, at catalog on-demand prices (input and output per 1k
 * tokens weighted equally). One method, {@link #estimate}, so the computation can move to shared impact code later.
 */
public final class ShadowCost {
    private ShadowCost() {
    }

    /** One use case: its share and blended price per 1k tokens before and during the override. */
    public record Line(String useCase, double share, String normalModel, Double normalPrice, String overrideModel, Double overridePrice) {
    }

    /**
     * @param reduction 1 − override/normal over the whole mix, or {@code null} when a price is unknown
     * @param unknown   model names whose catalog price is unknown (the reduction cannot be computed)
     */
    public record Estimate(List<Line> lines, double normalPer1k, double overridePer1k, Double reduction, List<String> unknown, TrafficMix mix) {
    }

    public static Estimate estimate(RoutingDocument normal, RoutingDocument overridden, TrafficMix mix, ModelCatalog catalog, Instant now) {
        Router router = new Router();
        List<Line> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        double before = 0;
        double after = 0;
        for (Map.Entry<String, Double> e : mix.shares().entrySet()) {
            Map<String, String> request = Map.of(Router.TASK_TYPE, e.getKey());
            String from = router.route(normal, request, now).modelName();
            String to = router.route(overridden, request, now).modelName();
            Optional<Double> p0 = price(normal, catalog, from);
            Optional<Double> p1 = price(overridden, catalog, to);
            if (p0.isEmpty() && !unknown.contains(from)) {
                unknown.add(from);
            }
            if (p1.isEmpty() && !unknown.contains(to)) {
                unknown.add(to);
            }
            before += e.getValue() * p0.orElse(0.0);
            after += e.getValue() * p1.orElse(0.0);
            lines.add(new Line(e.getKey(), e.getValue(), from, p0.orElse(null), to, p1.orElse(null)));
        }
        Double reduction = unknown.isEmpty() && before > 0 ? 1 - after / before : null;
        return new Estimate(lines, before, after, reduction, unknown, mix);
    }

    private static Optional<Double> price(RoutingDocument doc, ModelCatalog catalog, String model) {
        ModelBlock b = model == null ? null : doc.models().get(model);
        if (b == null || b.modelId() == null) {
            return Optional.empty();
        }
        return catalog.find(b.modelId()).map((CatalogModel c) -> (c.pricePer1kInput() + c.pricePer1kOutput()) / 2);
    }
}
