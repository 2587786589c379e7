package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.catalog.Price;
import dev.modelctl.core.model.route.Router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the traffic looks like, for cost estimates: the repo config's {@code traffic:} section (docs/impact.md), or
 * equal shares per request class when it has none — which every estimate then says.
 *
 * @param useCaseShares        share of requests per {@code task_type} (0–1)
 * @param attributeShares      share of requests per value of another attribute ({@code region: {eu: 0.3}})
 * @param inputTokensPerRequest  tokens in a typical request
 * @param outputTokensPerRequest tokens in a typical answer
 * @param requestsPerMonth     monthly volume, or {@code null}: then estimates are relative only
 */
public record TrafficMix(Map<String, Double> useCaseShares, Map<String, Map<String, Double>> attributeShares,
                         long inputTokensPerRequest, long outputTokensPerRequest, Long requestsPerMonth) {

    public static final long DEFAULT_INPUT_TOKENS = 1000;
    public static final long DEFAULT_OUTPUT_TOKENS = 1000;

    public TrafficMix {
        useCaseShares = Map.copyOf(useCaseShares);
        attributeShares = Map.copyOf(attributeShares);
    }

    /** No mix configured: every request class weighs the same, 1,000 tokens in and out per request. */
    public static TrafficMix equalShares() {
        return new TrafficMix(Map.of(), Map.of(), DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, null);
    }

    /** USD for one request of this mix's size at {@code price}. */
    public double costOf(Price price) {
        return price.perRequest(inputTokensPerRequest, outputTokensPerRequest);
    }

    /** True when no shares are configured, so classes are weighted equally (and output must say so). */
    public boolean isEqualShares() {
        return useCaseShares.isEmpty() && attributeShares.isEmpty();
    }

    /**
     * The share of traffic each class carries, summing to 1. With a mix, a rule class gets the product of its
     * conditions' shares (attributes taken as independent; a value the mix does not list shares equally with the
     * other values rules name for that attribute) and is carved out of the use cases it pins, so a use case's share
     * is what no rule singles out; the default class gets what no use case claims.
     */
    public List<Double> shares(List<RequestClass> classes) {
        int n = classes.size();
        List<Double> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        if (isEqualShares()) {
            classes.forEach(c -> out.add(1.0 / n));
            return out;
        }
        Map<String, Set<String>> named = namedValues(classes);
        Map<String, Double> useCaseLeft = new HashMap<>();
        List<String> useCases = classes.stream().filter(c -> c.kind() == RequestClass.Kind.USE_CASE).map(RequestClass::useCase).toList();
        for (String u : useCases) {
            useCaseLeft.put(u, useCaseShare(u, useCases));
        }
        double claimed = useCaseLeft.values().stream().mapToDouble(Double::doubleValue).sum();
        double defaultLeft = Math.max(0, 1 - claimed);
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            RequestClass c = classes.get(i);
            if (c.kind() != RequestClass.Kind.RULE) {
                continue;
            }
            double others = 1;
            for (var e : c.conditions().entrySet()) {
                if (!e.getKey().equals(Router.TASK_TYPE)) {
                    others *= valueShare(e.getKey(), e.getValue(), named);
                }
            }
            Set<String> pinned = c.conditions().get(Router.TASK_TYPE);
            double total = 0;
            if (pinned == null) {
                // A rule that names no task_type takes its part of every use case and of the default traffic.
                for (String u : useCaseLeft.keySet()) {
                    double take = useCaseShare(u, useCases) * others;
                    useCaseLeft.merge(u, -take, Double::sum);
                    total += take;
                }
                total += defaultLeft * others;
                defaultLeft -= defaultLeft * others;
            } else {
                for (String u : pinned) {
                    double take = useCaseShare(u, useCases) * others;
                    useCaseLeft.merge(u, -take, Double::sum);
                    total += take;
                }
            }
            raw[i] = total;
        }
        for (int i = 0; i < n; i++) {
            RequestClass c = classes.get(i);
            if (c.kind() == RequestClass.Kind.USE_CASE) {
                raw[i] = useCaseLeft.get(c.useCase());
            } else if (c.kind() == RequestClass.Kind.DEFAULT) {
                raw[i] = defaultLeft;
            }
            raw[i] = Math.max(0, raw[i]);
        }
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        for (double v : raw) {
            out.add(sum > 0 ? v / sum : 1.0 / n);
        }
        return out;
    }

    private double useCaseShare(String useCase, List<String> useCases) {
        if (useCaseShares.isEmpty()) {
            return useCases.isEmpty() ? 0 : 1.0 / useCases.size();
        }
        return useCaseShares.getOrDefault(useCase, 0.0);
    }

    private double valueShare(String attribute, Set<String> values, Map<String, Set<String>> named) {
        Map<String, Double> shares = attributeShares.get(attribute);
        if (shares != null) {
            return Math.min(1, values.stream().mapToDouble(v -> shares.getOrDefault(v, 0.0)).sum());
        }
        int known = named.getOrDefault(attribute, Set.of()).size();
        return Math.min(1, values.size() / (known + 1.0));
    }

    private static Map<String, Set<String>> namedValues(List<RequestClass> classes) {
        Map<String, Set<String>> named = new HashMap<>();
        for (RequestClass c : classes) {
            c.conditions().forEach((k, v) -> named.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        }
        return named;
    }
}
