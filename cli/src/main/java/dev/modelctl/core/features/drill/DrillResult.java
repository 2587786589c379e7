package dev.modelctl.core.features.drill;

import dev.modelctl.core.model.impact.ClassChange;
import dev.modelctl.core.model.catalog.Price;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.features.drill.SessionSampler.PhaseResult;
import dev.modelctl.core.features.drill.SessionSampler.SessionTiming;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.features.smoke.SmokeReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one drill: the pass/fail criteria, the findings they make (criteria that failed, request classes
 * routed elsewhere, failed smoke calls), and the details behind them for the table, the JSON object and the runbook
 * report (docs/drill.md).
 */
public record DrillResult(DrillSettings settings, LeverResult activation, PhaseResult served, List<RoutingCheck.ClassResult> routing,
                          ShadowCost.Estimate cost, Smoke smoke, Clear clear) {

    /** The clear: what the lever did and when each session served it. {@code null} when the lever was never pulled. */
    public record Clear(LeverResult lever, PhaseResult phase) {
        /** Every sampled session serves a document without the drill's override, and the lever did not fail. */
        public boolean verified() {
            return lever.outcome() != LeverResult.Outcome.FAILED && lever.outcome() != LeverResult.Outcome.REFUSED && phase.allServed();
        }
    }

    /** The optional smoke calls; {@code error} when Bedrock could not be called at all. */
    public record Smoke(SmokeReport report, String error) {
    }

    /** PASS, FAIL, or SKIPPED (not asked for). */
    public enum Status {
        PASS, FAIL, SKIPPED
    }

    /** One row of the pass/fail table. */
    public record Criterion(String name, Status status, String value, String hint) {
    }

    public boolean cleared() {
        return clear != null && clear.verified();
    }

    public boolean passed() {
        return criteria().stream().noneMatch(c -> c.status() == Status.FAIL);
    }

    public String place() {
        return "appconfig:" + settings.environment();
    }

    public List<Criterion> criteria() {
        List<Criterion> out = new ArrayList<>();
        String env = settings.environment();
        out.add(new Criterion("override went live", activation.live() ? Status.PASS : Status.FAIL,
                activation.live() ? "version " + activation.version() : activation.outcome() + ": " + activation.detail(),
                "the lever itself failed: fix it before an incident needs it (`modelctl status --env " + env + "`)"));
        Duration first = served.first();
        out.add(new Criterion("time to first served", first != null ? Status.PASS : Status.FAIL,
                first != null ? seconds(first) : "no sampled session served the override", null));
        Duration all = served.all();
        String target = seconds(settings.target());
        out.add(new Criterion("time to all " + served.sessions().size() + " sampled sessions",
                all != null && all.compareTo(settings.target()) <= 0 ? Status.PASS : Status.FAIL,
                all == null ? served.served() + " of " + served.sessions().size() + " sessions served it within " + seconds(settings.timeout())
                        : seconds(all) + (all.compareTo(settings.target()) <= 0 ? " (target " + target + ")" : ", over the " + target + " target"),
                "services notice a change only at their next poll: a shorter poll interval or a faster deployment brings this down"));
        out.add(costCriterion());
        long routed = routing.stream().filter(RoutingCheck.ClassResult::passed).count();
        out.add(new Criterion("routing check", routing.isEmpty() ? Status.FAIL : routed == routing.size() ? Status.PASS : Status.FAIL,
                routing.isEmpty() ? "not checked: the override was never served" : routed + " of " + routing.size() + " request classes as expected", null));
        out.add(smokeCriterion());
        out.add(new Criterion("override cleared and served", cleared() ? Status.PASS : Status.FAIL,
                clear == null ? "not attempted" : clear.verified()
                        ? (clear.lever().version() == null ? "nothing to clear" : "version " + clear.lever().version()) + ", all sessions after "
                        + seconds(clear.phase().all())
                        : clear.lever().outcome() + (clear.lever().detail() == null ? "" : ": " + clear.lever().detail()) + "; "
                        + clear.phase().served() + " of " + clear.phase().sessions().size() + " sessions serve the clear",
                "run `modelctl override --clear --env " + env + "` now and check `modelctl override --status --env " + env + "`"));
        return out;
    }

    private Criterion costCriterion() {
        String name = "shadow cost reduction";
        String min = percent(settings.minReduction());
        if (cost == null) {
            return new Criterion(name, Status.FAIL, "not measured: the override was never served", null);
        }
        if (cost.reduction() == null) {
            return new Criterion(name, Status.FAIL, "not measured: no catalog price for " + String.join(", ", cost.unknown()),
                    "add the model to the catalog (--catalog) or fix its model_id");
        }
        boolean ok = cost.reduction() >= settings.minReduction();
        return new Criterion(name, ok ? Status.PASS : Status.FAIL, percent(cost.reduction()) + (ok ? " (min " + min + ")" : ", under the " + min + " minimum"),
                "too much traffic stays on expensive models during the override: review the routing taxonomy (cost_override_model per use case, the scope)");
    }

    private Criterion smokeCriterion() {
        if (!settings.smoke()) {
            return new Criterion("smoke", Status.SKIPPED, "not requested (--smoke)", null);
        }
        if (smoke == null) {
            return new Criterion("smoke", Status.FAIL, "not run: the override was never served", null);
        }
        if (smoke.error() != null) {
            return new Criterion("smoke", Status.FAIL, "Bedrock could not be called: " + smoke.error(), null);
        }
        long failed = smoke.report().failures();
        int n = smoke.report().calls().size();
        return new Criterion("smoke", failed == 0 && n > 0 ? Status.PASS : Status.FAIL,
                failed == 0 ? n + " override model" + (n == 1 ? "" : "s") + " answered" : failed + " of " + n + " calls failed", null);
    }

    /** Failed criteria, request classes routed elsewhere (with the request as witness), and failed smoke calls. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Criterion c : criteria()) {
            if (c.status() == Status.FAIL && !c.name().equals("routing check") && !c.name().equals("smoke")) {
                out.add(Finding.of(Check.DRILL_CRITERION_FAILED, place(), 0, 0, c.name() + ": " + c.value(), c.hint()));
            }
            if (c.status() == Status.FAIL && c.name().equals("routing check") && routing.isEmpty()) {
                out.add(Finding.of(Check.DRILL_CRITERION_FAILED, place(), 0, 0, c.name() + ": " + c.value(), null));
            }
            if (c.status() == Status.FAIL && c.name().equals("smoke") && (smoke == null || smoke.error() != null)) {
                out.add(Finding.of(Check.DRILL_CRITERION_FAILED, place(), 0, 0, c.name() + ": " + c.value(), null));
            }
        }
        for (RoutingCheck.ClassResult r : routing) {
            if (!r.passed()) {
                out.add(Finding.of(Check.DRILL_CRITERION_FAILED, place(), 0, 0, "request class " + r.label() + " routes to " + r.actual()
                                + " during the drill, not " + r.expected() + (r.inScope() ? " (the override model)" : " (out of scope: its model before the drill)"),
                        "route it with `modelctl route FILE --set …` to see which rule or fallback picks it")
                        .withRules(r.rule() == null ? List.of() : List.of(r.rule()), r.request()));
            }
        }
        if (smoke != null && smoke.error() == null) {
            out.addAll(smoke.report().findings());
        }
        return out;
    }

    // ---- rendering ----------------------------------------------------------------------------------------------

    static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private String scope() {
        return settings.scope().isEmpty() ? "every use case" : String.join(", ", settings.scope());
    }

    /** The pass/fail table and the notes an operator needs (the assumed traffic mix, the sampled sessions). */
    public void text(java.io.PrintStream out) {
        out.println("cost-override drill in " + settings.environment() + " (" + scope() + "): " + (passed() ? "PASS" : "FAIL"));
        List<Criterion> rows = criteria();
        int w = rows.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        out.println(pad("CRITERION", w) + "  RESULT   VALUE");
        for (Criterion c : rows) {
            out.println(pad(c.name(), w) + "  " + pad(c.status().name(), 7) + "  " + c.value());
        }
        notes().forEach(n -> out.println("note: " + n));
    }

    private List<String> notes() {
        List<String> n = new ArrayList<>();
        n.add(served.sessions().size() + " AppConfig Data sessions, RequiredMinimumPollIntervalInSeconds " + settings.minimumPoll().toSeconds()
                + "; times count from the moment the lever was pulled");
        if (cost != null) {
            n.add("shadow cost: " + cost.mixDescription() + "; on-demand price per request: "
                    + String.format(Locale.ROOT, "$%.6f normal -> $%.6f with the override", cost.impact().costPerRequestBefore(),
                    cost.impact().costPerRequestAfter()));
        }
        return n;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    /** The runbook entry: result, criteria, per-session timings, cost per use case, routing classes, what the lever did. */
    public String markdown(String date) {
        StringBuilder b = new StringBuilder();
        b.append("## Cost-override drill: ").append(settings.environment()).append(", ").append(date).append(" — ")
                .append(passed() ? "PASS" : "FAIL").append("\n\n");
        b.append("Scope: ").append(scope()).append(". Target: all sampled sessions within ").append(seconds(settings.target()))
                .append("; minimum shadow cost reduction ").append(percent(settings.minReduction())).append(".\n\n");
        b.append("| criterion | result | value |\n|---|---|---|\n");
        for (Criterion c : criteria()) {
            b.append("| ").append(c.name()).append(" | ").append(c.status() == Status.FAIL ? "**FAIL**" : c.status().name()).append(" | ")
                    .append(cell(c.value())).append(" |\n");
        }
        b.append("\n");
        notes().forEach(n -> b.append("- ").append(cell(n)).append("\n"));
        b.append("\n### Sessions\n\n| session | override served after | clear served after | polls | restarts |\n|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < served.sessions().size(); i++) {
            SessionTiming on = served.sessions().get(i);
            SessionTiming off = clear == null ? null : clear.phase().sessions().get(i);
            b.append("| ").append(on.session()).append(" | ").append(on.servedAfter() == null ? "not served" : seconds(on.servedAfter()))
                    .append(" | ").append(off == null || off.servedAfter() == null ? "not served" : seconds(off.servedAfter()))
                    .append(" | ").append(off == null ? on.polls() : off.polls()).append(" | ").append(off == null ? on.restarts() : off.restarts()).append(" |\n");
        }
        if (cost != null) {
            b.append("\n### Shadow cost (").append(cost.mixDescription()).append(")\n\n| request class | share | normal | override |\n|---|---:|---|---|\n");
            for (ClassChange l : cost.impact().classes()) {
                b.append("| ").append(cell(l.requestClass().label())).append(" | ").append(percent(l.share())).append(" | ")
                        .append(l.before().describe()).append(" ").append(price(l.before().price())).append(" | ")
                        .append(l.after().describe()).append(" ").append(price(l.after().price())).append(" |\n");
            }
        }
        if (!routing.isEmpty()) {
            b.append("\n### Routing check\n\n| request class | expected | got |\n|---|---|---|\n");
            for (RoutingCheck.ClassResult r : routing) {
                b.append("| ").append(cell(r.label())).append(r.inScope() ? "" : " (out of scope)").append(" | ").append(r.expected()).append(" | ")
                        .append(r.passed() ? r.actual() : "**" + r.actual() + "**").append(" |\n");
            }
        }
        if (smoke != null && smoke.error() == null && !smoke.report().calls().isEmpty()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.PrintStream p = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
            smoke.report().markdown(p);
            b.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        b.append("\n### Lever\n\n- on: ").append(activation.outcome()).append(activation.version() == null ? "" : ", version " + activation.version())
                .append(activation.detail() == null ? "" : " — " + cell(activation.detail())).append("\n");
        if (clear != null) {
            b.append("- off: ").append(clear.lever().outcome()).append(clear.lever().version() == null ? "" : ", version " + clear.lever().version())
                    .append(clear.lever().detail() == null ? "" : " — " + cell(clear.lever().detail())).append("\n");
        }
        b.append("- reason recorded: ").append(cell(settings.reason())).append("\n");
        return b.toString();
    }

    private static String price(Price p) {
        return p == null ? "(price unknown)" : p.describe();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The {@code drill} object beside {@code findings} in JSON output. */
    public void json(ObjectNode root) {
        ObjectNode d = root.putObject("drill");
        d.put("environment", settings.environment()).put("passed", passed()).put("cleared", cleared());
        ArrayNode scope = d.putArray("use_cases");
        settings.scope().forEach(scope::add);
        d.put("target_seconds", settings.target().toNanos() / 1e9).put("min_reduction", settings.minReduction());
        ArrayNode criteria = d.putArray("criteria");
        for (Criterion c : criteria()) {
            criteria.addObject().put("name", c.name()).put("status", c.status().name().toLowerCase(Locale.ROOT)).put("value", c.value());
        }
        phase(d.putObject("override"), served, activation);
        if (clear != null) {
            phase(d.putObject("clear"), clear.phase(), clear.lever());
        }
        if (cost != null) {
            ObjectNode c = d.putObject("shadow_cost");
            c.put("traffic_mix", cost.mixDescription()).put("assumed_equal_shares", cost.impact().equalShares())
                    .put("normal_per_request", cost.impact().costPerRequestBefore())
                    .put("override_per_request", cost.impact().costPerRequestAfter());
            if (cost.reduction() != null) {
                c.put("reduction", cost.reduction());
            } else {
                c.putNull("reduction");
            }
            ArrayNode lines = c.putArray("classes");
            for (ClassChange l : cost.impact().classes()) {
                lines.addObject().put("class", l.requestClass().label()).put("share", l.share()).put("normal_model", l.before().model())
                        .put("override_model", l.after().model());
            }
        }
        ArrayNode classes = d.putArray("routing");
        for (RoutingCheck.ClassResult r : routing) {
            ObjectNode o = classes.addObject();
            ObjectNode req = o.putObject("request");
            r.request().forEach(req::put);
            o.put("rule", r.rule()).put("in_scope", r.inScope()).put("expected", r.expected()).put("actual", r.actual()).put("passed", r.passed());
        }
        if (smoke != null && smoke.error() == null) {
            smoke.report().json(d.putObject("smoke"));
        }
    }

    private static void phase(ObjectNode o, PhaseResult p, LeverResult lever) {
        o.put("lever", lever.outcome().name().toLowerCase(Locale.ROOT));
        if (lever.version() != null) {
            o.put("version", lever.version());
        }
        o.put("detail", lever.detail());
        putSeconds(o, "first_served_seconds", p.first());
        putSeconds(o, "all_served_seconds", p.all());
        ArrayNode sessions = o.putArray("sessions");
        for (SessionTiming t : p.sessions()) {
            ObjectNode s = sessions.addObject().put("session", t.session()).put("polls", t.polls()).put("restarts", t.restarts());
            putSeconds(s, "served_seconds", t.servedAfter());
            ArrayNode errors = s.putArray("errors");
            t.errors().forEach(errors::add);
        }
    }

    private static void putSeconds(ObjectNode o, String field, Duration d) {
        if (d == null) {
            o.putNull(field);
        } else {
            o.put(field, Math.round(d.toNanos() / 1e6) / 1000.0);
        }
    }
}
