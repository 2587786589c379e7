package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.Lifecycle;
import dev.modelctl.core.model.catalog.Price;
import dev.modelctl.core.model.catalog.ProfileKind;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;
import dev.modelctl.core.model.route.RouteDecision;
import dev.modelctl.core.model.route.RouteSource;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pull-request impact findings of {@code check --base} and {@code diff} (docs/ci.md): one {@code routing-change}
 * per request class whose model changes, one summing up the cost per request, and a blocking {@code cost-increase}
 * when that rises by more than the allowed fraction. The routing and pricing come from {@link RoutingImpact}.
 */
public final class ImpactChecks {
    /** The {@code class} property of the finding that sums up a document's change. */
    public static final String TOTAL_CLASS = "all traffic"; // MarkdownRenderer keys its total row on it

    private ImpactChecks() {
    }

    /**
     * @param after       the document now: findings point at the rule, use case, default or override that routes each class
     * @param since       how the base is named in messages ({@code since main}, {@code since base.yaml})
     * @param maxIncrease the largest allowed rise of the cost per request (0.2 = 20 %), or {@code null}: never blocks
     */
    public static List<Finding> findings(Impact impact, RoutingDocument after, ModelCatalog catalog, String since, Double maxIncrease) {
        List<Finding> out = new ArrayList<>();
        List<ClassChange> changes = impact.changes();
        if (changes.isEmpty()) {
            return out;
        }
        Finding worst = null;
        double worstDelta = Double.NEGATIVE_INFINITY;
        for (ClassChange c : changes) {
            Finding f = routingChange(c, after, catalog, since, impact);
            out.add(f);
            double delta = c.relativeChange() == null ? Double.NEGATIVE_INFINITY : c.relativeChange() * c.share();
            if (worst == null || delta > worstDelta) {
                worst = f;
                worstDelta = delta;
            }
        }
        Double total = impact.relativeChange();
        String basis = impact.equalShares() ? "equal shares per request class" : "weighted by the traffic mix in the repo config";
        String unpriced = impact.unpriced() == 0 ? "" : "; " + impact.unpriced() + " request class" + (impact.unpriced() == 1 ? "" : "es")
                + " without a catalog price left out";
        String monthly = impact.monthlyDelta() == null ? "" : ", " + usd(impact.monthlyDelta()) + "/month at "
                + String.format(Locale.ROOT, "%,d", impact.requestsPerMonth()) + " requests";
        String summary = changes.size() + " request class" + (changes.size() == 1 ? "" : "es") + " routed differently " + since
                + ": cost per request " + usd(impact.costPerRequestBefore()) + " -> " + usd(impact.costPerRequestAfter())
                + " (" + percent(total) + monthly + "; " + basis + unpriced + ")";
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("class", TOTAL_CLASS);
        totals.put("cost_per_request_before", round(impact.costPerRequestBefore()));
        totals.put("cost_per_request_after", round(impact.costPerRequestAfter()));
        totals.put("relative_change", round(total));
        totals.put("monthly_delta", round(impact.monthlyDelta()));
        totals.put("equal_shares", impact.equalShares());
        totals.put("unpriced_classes", impact.unpriced());
        out.add(with(new Finding(Check.ROUTING_CHANGE, Severity.INFO, after.file(), 0, 0, summary, null, List.of(), Map.of()), totals));
        if (maxIncrease != null && total != null && total > maxIncrease + 1e-12) {
            Map<String, Object> props = new LinkedHashMap<>(totals);
            props.remove("class");
            props.put("max_cost_increase", maxIncrease);
            out.add(with(new Finding(Check.COST_INCREASE, Severity.ERROR, worst.file(), worst.line(), worst.column(),
                    "cost per request rises " + percent(total) + " " + since + " (" + usd(impact.costPerRequestBefore()) + " -> "
                            + usd(impact.costPerRequestAfter()) + monthly + "; " + basis + "), above the allowed "
                            + percent(maxIncrease).substring(1),
                    "route the class back to a cheaper model, or raise --max-cost-increase (max_cost_increase in .modelctl.yaml) if the spend is agreed",
                    worst.rules(), Map.of()), props));
        }
        return out;
    }

    private static Finding routingChange(ClassChange c, RoutingDocument after, ModelCatalog catalog, String since, Impact impact) {
        ClassRouting b = c.before();
        ClassRouting a = c.after();
        StringBuilder message = new StringBuilder(c.requestClass().label()).append(": ").append(b.describe()).append(" -> ")
                .append(a.describe()).append(" ").append(since).append("; ")
                .append(b.price() == null ? "no catalog price" : b.price().describe()).append(" -> ")
                .append(a.price() == null ? "no catalog price" : a.price().describe());
        if (c.relativeChange() != null) {
            message.append(" (").append(percent(c.relativeChange())).append(" per request)");
        }
        if (c.monthlyDelta() != null) {
            message.append(", ").append(usd(c.monthlyDelta())).append("/month");
        }
        Optional<String> lifecycle = a.modelId() == null ? Optional.empty() : catalog.find(a.modelId()).flatMap(m -> lifecycleWarning(m, a.modelId(), catalog));
        lifecycle.ifPresent(w -> message.append("; the new model ").append(w));
        Located at = locate(a.decision(), c, after);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("class", c.requestClass().label());
        props.put("class_kind", c.requestClass().kind().name().toLowerCase(Locale.ROOT));
        props.put("model_before", b.model());
        props.put("model_after", a.model());
        props.put("model_id_before", b.modelId());
        props.put("model_id_after", a.modelId());
        props.put("price_before", price(b.price()));
        props.put("price_after", price(a.price()));
        props.put("relative_change", round(c.relativeChange()));
        props.put("share", round(c.share()));
        props.put("monthly_delta", round(c.monthlyDelta()));
        lifecycle.ifPresent(w -> props.put("model_after_lifecycle", w));
        return with(new Finding(Check.ROUTING_CHANGE, Severity.INFO, at.file(), at.position().line(), at.position().column(),
                message.toString(), null, at.rules(), c.requestClass().request()), props);
    }

    /**
     * What to call out when a class moves to a retired or legacy model, or to a bare ID of a model that needs an
     * inference profile (the catalog's lifecycle and inference facts; validate reports the same as findings).
     */
    static Optional<String> lifecycleWarning(CatalogModel model, String modelId, ModelCatalog catalog) {
        Lifecycle life = model.lifecycle();
        if (life.status() == Lifecycle.Status.EOL) {
            return Optional.of("is retired on Bedrock (calls fail)");
        }
        if (life.status() == Lifecycle.Status.LEGACY) {
            return Optional.of("is legacy" + (life.eolDate() == null ? "" : " (end of life " + life.eolDate() + ")"));
        }
        if (catalog.profileKind(modelId) == ProfileKind.IN_REGION && !model.inference().inRegion()) {
            return Optional.of("needs an inference profile: the bare ID has no on-demand in-region throughput");
        }
        return Optional.empty();
    }

    private record Located(String file, Position position, List<String> rules) {
    }

    /** The place in {@code after} that sends the class to its model: the rule, use case, default or override. */
    private static Located locate(RouteDecision d, ClassChange c, RoutingDocument after) {
        SourceDocument doc = after.source();
        if (d.overrideApplied()) {
            return new Located(after.file(), doc.keyAt("/cost_override"), List.of());
        }
        boolean sameBlock = c.before().model() != null && c.before().model().equals(c.after().model());
        if (sameBlock && after.models().containsKey(c.after().model())) {
            return new Located(after.file(), doc.keyAt("/models/" + SourceDocument.escape(c.after().model()) + "/model_id"), List.of());
        }
        Rule rule = d.rule();
        if (d.source() == RouteSource.RULE && rule != null) {
            return new Located(rule.file(), new Position(rule.line(), rule.column()), List.of(rule.ruleId()));
        }
        if (d.source() == RouteSource.USE_CASE && d.useCase() != null) {
            return new Located(after.file(), doc.keyAt("/use_cases/" + SourceDocument.escape(d.useCase()) + "/model"), List.of());
        }
        return new Located(after.file(), doc.keyAt("/defaults/model"), List.of());
    }

    /** Ten significant digits: the figures are estimates, and JSON should not show binary noise (0.0012000000000000001). */
    private static Double round(Double v) {
        return v == null ? null : new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }

    private static Map<String, Double> price(Price p) {
        if (p == null) {
            return null;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("per_1k_input", p.input());
        m.put("per_1k_output", p.output());
        return m;
    }

    private static Finding with(Finding f, Map<String, Object> props) {
        Finding out = f;
        for (var e : props.entrySet()) {
            if (e.getValue() != null) {
                out = out.withProperty(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** {@code +400.0%}, {@code -12.5%}, or {@code n/a} without prices. */
    public static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** {@code $0.00150}, {@code +$1,234.50} for deltas of whole-dollar size. */
    static String usd(double amount) {
        if (Math.abs(amount) >= 1) {
            return (amount < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(amount));
        }
        return (amount < 0 ? "-" : "") + String.format(Locale.ROOT, "$%.5f", Math.abs(amount));
    }

    /**
     * A threshold as users write it: {@code 20}, {@code 20%} or {@code 12.5%} (percent of the cost per request); returns
     * the fraction (0.2).
     */
    public static double parsePercent(String text) {
        String s = text.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            double v = Double.parseDouble(s);
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage (examples: 20, 20%, 12.5%)");
        }
    }
}
