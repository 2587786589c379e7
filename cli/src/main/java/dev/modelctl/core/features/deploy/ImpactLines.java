package dev.modelctl.core.features.deploy;

import dev.modelctl.core.model.impact.ClassChange;
import dev.modelctl.core.model.impact.ClassRouting;
import dev.modelctl.core.model.impact.Impact;
import dev.modelctl.core.model.impact.RequestClass;
import dev.modelctl.core.model.impact.TrafficMix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a plan shows a {@link Impact}: the classes whose model changes, and the cost estimate with its total. */
public final class ImpactLines {
    private ImpactLines() {
    }

    /** One line per request class whose effective model changes: {@code rule r (a=x): m1 (id) -> m2 (id)}. */
    public static List<String> classes(Impact impact) {
        List<String> out = new ArrayList<>();
        for (ClassChange c : impact.changes()) {
            out.add(c.requestClass().label() + ": " + c.before().describe() + " -> " + c.after().describe() + percent(c));
        }
        return out;
    }

    /**
     * The estimate: per use case and per rule-routed class whose model changes, price per request before and after,
     * increases flagged; then the traffic-weighted total and what the weights are.
     */
    public static List<String> estimate(Impact impact, TrafficMix mix) {
        List<String> out = new ArrayList<>();
        for (ClassChange c : impact.changes()) {
            if (c.requestClass().kind() == RequestClass.Kind.DEFAULT) {
                continue;
            }
            out.add(c.requestClass().label() + ": " + price(c.before(), mix) + " -> " + price(c.after(), mix) + percent(c)
                    + (c.increase() ? "  INCREASE" : "")
                    + (c.monthlyDelta() == null ? "" : String.format(Locale.ROOT, ", %+.2f USD/month", c.monthlyDelta())));
        }
        Double rel = impact.relativeChange();
        out.add(String.format(Locale.ROOT, "total: $%.5f -> $%.5f per request%s%s", impact.costPerRequestBefore(), impact.costPerRequestAfter(),
                rel == null ? "" : String.format(Locale.ROOT, " (%+.0f%%)", rel * 100),
                impact.monthlyDelta() == null ? "" : String.format(Locale.ROOT, ", %+.2f USD/month", impact.monthlyDelta())));
        out.add("weights: " + (impact.equalShares() ? "equal shares per request class (no traffic: section in .modelctl.yaml)"
                : "the traffic: section of .modelctl.yaml") + String.format(Locale.ROOT, "; %d in / %d out tokens per request",
                mix.inputTokensPerRequest(), mix.outputTokensPerRequest())
                + (impact.unpriced() > 0 ? "; " + impact.unpriced() + " class(es) without a catalog price left out" : ""));
        return out;
    }

    private static String price(ClassRouting r, TrafficMix mix) {
        return r.model() + " " + (r.price() == null ? "(price unknown)" : String.format(Locale.ROOT, "$%.5f/req", mix.costOf(r.price())));
    }

    private static String percent(ClassChange c) {
        return c.relativeChange() == null ? "" : String.format(Locale.ROOT, " (%+.0f%%)", c.relativeChange() * 100);
    }
}
