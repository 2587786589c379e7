package dev.modelctl.core.report;

import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.io.Escape;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A summary for GitHub job summaries ({@code --summary-file}, {@code $GITHUB_STEP_SUMMARY}): the routing impact of a
 * change first (one row per request class whose model changes, then the total), then a table of the other findings.
 */
public final class MarkdownRenderer implements Renderer {
    /** The {@code class} property of the routing-change finding that totals a document (see ImpactChecks). */
    static final String TOTAL_CLASS = "all traffic";

    @Override
    public void render(Report report, PrintStream out) {
        out.println("### modelctl " + report.tool() + ": " + (report.exitCode() == 0 ? "passed" : "failed"));
        out.println();
        out.println(report.summary());
        // class rows first, each document's total after them
        List<Finding> impact = report.findings().stream().filter(f -> f.check() == Check.ROUTING_CHANGE)
                .sorted(java.util.Comparator.comparing(f -> TOTAL_CLASS.equals(f.properties().get("class")))).toList();
        if (!impact.isEmpty()) {
            out.println();
            out.println("| request class | model before → after | price per 1k tokens in/out before → after | change per request | monthly |");
            out.println("|---|---|---|---|---|");
            for (Finding f : impact) {
                Map<String, Object> p = f.properties();
                if (TOTAL_CLASS.equals(p.get("class"))) {
                    out.println("| **" + TOTAL_CLASS + "** (" + cell(f.file()) + ") | | " + usd(p.get("cost_per_request_before"))
                            + " → " + usd(p.get("cost_per_request_after")) + " per request | **" + percent(p.get("relative_change"))
                            + "** | " + money(p.get("monthly_delta")) + " |");
                } else {
                    out.println("| " + cell(String.valueOf(p.get("class"))) + " | " + model(p.get("model_before"), p.get("model_id_before"))
                            + " → " + model(p.get("model_after"), p.get("model_id_after"))
                            + (p.containsKey("model_after_lifecycle") ? " ⚠ " + cell(String.valueOf(p.get("model_after_lifecycle"))) : "")
                            + " | " + price(p.get("price_before")) + " → " + price(p.get("price_after")) + " | "
                            + percent(p.get("relative_change")) + " | " + money(p.get("monthly_delta")) + " |");
                }
            }
        }
        List<Finding> others = report.findings().stream().filter(f -> f.check() != Check.ROUTING_CHANGE).toList();
        if (others.isEmpty()) {
            return;
        }
        out.println();
        out.println("| severity | check | location | message | hint |");
        out.println("|---|---|---|---|---|");
        for (Finding f : others) {
            out.println("| " + f.severity().label() + " | `" + f.check().id() + "` | `" + cell(TextRenderer.location(f)) + "` | "
                    + cell(f.message()) + " | " + cell(f.hint() == null ? "" : f.hint()) + " |");
        }
    }

    static String cell(String s) {
        return Escape.controls(s.replace("\r", "").replace("\n", "<br>")).replace("|", "\\|");
    }

    private static String model(Object name, Object id) {
        if (name == null) {
            return "(none)";
        }
        return "`" + cell(name.toString()) + "`" + (id == null ? "" : " (`" + cell(id.toString()) + "`)");
    }

    private static String price(Object p) {
        if (!(p instanceof Map<?, ?> m)) {
            return "no price";
        }
        return usd(m.get("per_1k_input")) + " / " + usd(m.get("per_1k_output"));
    }

    private static String usd(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "$%.5f", n.doubleValue()) : "n/a";
    }

    private static String money(Object v) {
        if (!(v instanceof Number n)) {
            return "";
        }
        double d = n.doubleValue();
        return (d < 0 ? "-" : "+") + String.format(Locale.ROOT, "$%,.2f", Math.abs(d));
    }

    private static String percent(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%+.1f%%", n.doubleValue() * 100) : "n/a";
    }
}
