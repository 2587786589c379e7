package dev.modelctl.core.model.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.Rule;

import java.io.PrintStream;
import java.util.Map;

/** How {@code route} shows a decision: a few lines (every rule with {@code --explain}), or one JSON object. */
public final class RouteExplanation {
    private RouteExplanation() {
    }

    /**
     * @param baseFile the routing document's name: its rules are shown by line, team-file rules by file and line
     * @param explain  also list every rule in priority order with the condition that failed, and the fallback
     */
    public static void text(RouteDecision d, Map<String, String> request, String baseFile, boolean explain, PrintStream out) {
        out.println("model: " + describe(d.modelName(), d.model()));
        out.println("via:   " + via(d, baseFile));
        if (!d.tiedWith().isEmpty()) {
            out.println("conflict: " + d.rule().ruleId() + " ties with " + String.join(", ", d.tiedWith().stream().map(r -> r.ruleId()).toList())
                    + " at priority " + d.rule().priority() + "; the smallest rule_id wins (modelctl check reports priority-conflict)");
        }
        if (d.overrideApplied()) {
            out.println("cost override: active; '" + d.routedModel() + "' replaced by '" + d.modelName() + "'");
        }
        if (!explain) {
            return;
        }
        out.println();
        out.println("request: " + request);
        out.println("rules in priority order:");
        for (RuleEvaluation e : d.evaluations()) {
            String mark = e.matched() ? (e.rule() == d.rule() ? "=> " : " + ") : " - ";
            String detail = e.matched() ? (e.rule() == d.rule() ? "matched, wins" : "matched, loses to " + d.rule().ruleId())
                    : e.failedAttribute() + " " + (e.actual() == null ? "not set" : "= " + e.actual()) + ", rule wants " + e.expected();
            out.printf("%s%-28s priority %-6d %-10s %s -> %s%n", mark, e.rule().ruleId(), e.rule().priority(), where(e.rule(), baseFile), detail, e.rule().model());
        }
        if (d.rule() == null) {
            out.println(d.source() == RouteSource.USE_CASE ? "no rule matched: use case '" + d.useCase() + "' picks '" + d.routedModel() + "'"
                    : "no rule matched" + (d.useCase() == null ? " and no task_type" : " and '" + d.useCase() + "' is not a declared use case")
                    + ": defaults.model '" + d.routedModel() + "'");
        }
    }

    /** {@code line 12} for a rule of the base document, {@code teams/recs.yaml:2} for one from a team file. */
    private static String where(Rule rule, String baseFile) {
        return rule.file().equals(baseFile) ? "line " + rule.line() : rule.file() + ":" + rule.line();
    }

    private static String via(RouteDecision d, String baseFile) {
        return switch (d.source()) {
            case RULE -> "rule " + d.rule().ruleId() + " (priority " + d.rule().priority() + ", " + where(d.rule(), baseFile) + ")";
            case USE_CASE -> "use case " + d.useCase() + " (no rule matched)";
            case DEFAULT -> "defaults.model (no rule or use case matched)";
        };
    }

    private static String describe(String name, ModelBlock m) {
        if (m == null) {
            return (name == null ? "none" : name) + " (not defined in models)";
        }
        StringBuilder sb = new StringBuilder(name).append(" (").append(m.modelId());
        if (m.maxTokens() != null) {
            sb.append(", max_tokens ").append(m.maxTokens());
        }
        if (m.temperature() != null) {
            sb.append(", temperature ").append(m.temperature());
        }
        if (m.topP() != null) {
            sb.append(", top_p ").append(m.topP());
        }
        return sb.append(')').toString();
    }

    /** The decision as {@code route --format json} prints it. */
    public static ObjectNode json(RouteDecision d, Map<String, String> request) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode req = root.putObject("request");
        request.forEach(req::put);
        root.put("model", d.modelName());
        if (d.model() != null) {
            ObjectNode p = root.putObject("parameters");
            p.put("model_id", d.model().modelId());
            if (d.model().maxTokens() != null) {
                p.put("max_tokens", d.model().maxTokens());
            }
            if (d.model().temperature() != null) {
                p.put("temperature", d.model().temperature());
            }
            if (d.model().topP() != null) {
                p.put("top_p", d.model().topP());
            }
            if (d.model().anthropicVersion() != null) {
                p.put("anthropic_version", d.model().anthropicVersion());
            }
        }
        root.put("source", d.source().id());
        root.put("rule", d.rule() == null ? null : d.rule().ruleId());
        ArrayNode tied = root.putArray("conflict_with");
        d.tiedWith().forEach(r -> tied.add(r.ruleId()));
        root.put("routed_model", d.routedModel());
        root.put("cost_override_applied", d.overrideApplied());
        ArrayNode rules = root.putArray("rules");
        for (RuleEvaluation e : d.evaluations()) {
            ObjectNode r = rules.addObject();
            r.put("rule_id", e.rule().ruleId());
            r.put("priority", e.rule().priority());
            r.put("file", e.rule().file());
            r.put("line", e.rule().line());
            r.put("model", e.rule().model());
            r.put("matched", e.matched());
            r.put("winner", e.rule() == d.rule());
            if (!e.matched()) {
                ObjectNode failed = r.putObject("failed");
                failed.put("attribute", e.failedAttribute());
                failed.put("actual", e.actual());
                ArrayNode expected = failed.putArray("expected");
                e.expected().forEach(expected::add);
            }
        }
        return root;
    }
}
