package dev.modelctl.core.drill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each use case's share of requests, for the shadow cost. Without a configured mix every use case gets an equal share,
 * and the drill says so in its output.
 *
 * @param assumed true when the shares are the equal-share assumption, not measured traffic
 */
public record TrafficMix(Map<String, Double> shares, boolean assumed) {

    public static TrafficMix equalShares(List<String> useCases) {
        Map<String, Double> m = new LinkedHashMap<>();
        useCases.forEach(u -> m.put(u, 1.0 / useCases.size()));
        return new TrafficMix(m, true);
    }

    /** A measured mix; shares are normalised to sum to 1. */
    public static TrafficMix of(Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> m = new LinkedHashMap<>();
        weights.forEach((k, v) -> m.put(k, total > 0 ? v / total : 0));
        return new TrafficMix(m, false);
    }

    public String describe() {
        return assumed ? "equal shares per use case (no traffic mix configured)" : "traffic mix from the repo config";
    }
}
