package dev.modelctl.core.model.routing;

import java.util.List;
import java.util.Map;

/**
 * One routing rule. {@code conditions} maps an attribute to the values it accepts (any of); an attribute the rule does
 * not name is unconstrained. {@code priority} is {@code null} when missing or mistyped (the schema reports that).
 *
 * @param file    the file the rule was read from (per-team rule files keep their own name)
 * @param pointer JSON pointer of the rule inside that file
 * @param line    where the rule starts in that file (1-based; 0 when unknown)
 */
public record Rule(String ruleId, Long priority, Map<String, List<String>> conditions, String model, String description,
                   String team, String file, String pointer, int line, int column) {

    /** {@code rec-premium (line 30, priority 10)}: how findings name a rule. */
    public String label() {
        return ruleId + " (line " + line + ", priority " + priority + ")";
    }

    /** Like {@link #label()}, naming the file too when it differs from the file the finding is reported in. */
    public String labelFrom(String reportedIn) {
        return file.equals(reportedIn) ? label() : ruleId + " (" + file + ":" + line + ", priority " + priority + ")";
    }

    /** Priority order: lower priority first, then lexicographically smaller rule_id (docs/routing-document.md, step 3). */
    public static final java.util.Comparator<Rule> PRECEDENCE = (a, b) -> {
        // not chained from Comparator.comparing: its serializable lambdas are spun on every cold start (Findings.ORDER)
        int c = Long.compare(precedenceRank(a), precedenceRank(b));
        return c != 0 ? c : precedenceName(a).compareTo(precedenceName(b));
    };

    private static long precedenceRank(Rule r) {
        return r.priority() == null ? Long.MAX_VALUE : r.priority();
    }

    private static String precedenceName(Rule r) {
        return r.ruleId() == null ? "" : r.ruleId();
    }

    /** True when every condition of this rule accepts the request's value for that attribute. */
    public boolean matches(Map<String, String> request) {
        return firstFailedCondition(request) == null;
    }

    /** The first condition (in document order) that the request's value fails, or {@code null} when all accept it. */
    public Map.Entry<String, List<String>> firstFailedCondition(Map<String, String> request) {
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            String value = request.get(c.getKey());
            if (value == null || !c.getValue().contains(value)) {
                return c;
            }
        }
        return null;
    }
}
