package dev.modelctl.core.model.diff;

import dev.modelctl.core.model.routing.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one rule-by-rule comparison of two revisions, used by the semantic diff ({@code history}, {@code rollback},
 * {@code diff}) and by the approvals of {@code check --base}. Rules are matched by {@code rule_id} (the first of
 * duplicates); conditions compare as sets, so reordering an any-of list is no change.
 */
public final class RuleDiff {
    private RuleDiff() {
    }

    /**
     * @param trackFiles report a rule that moved to another file ({@code REF:path} names compare without the ref);
     *                   off when both sides are whole documents whose names say nothing (deployed versions)
     * @param extra      further differences of a rule present on both sides (e.g. its owner), by rule id
     */
    public static List<RuleChange> between(List<Rule> before, List<Rule> after, boolean trackFiles,
                                           Function<String, List<String>> extra) {
        Map<String, Rule> old = byId(before);
        Map<String, Rule> now = byId(after);
        Map<String, Rule> ids = new TreeMap<>(old);
        now.forEach(ids::putIfAbsent);
        List<RuleChange> changes = new ArrayList<>();
        for (String id : ids.keySet()) {
            Rule b = old.get(id);
            Rule a = now.get(id);
            if (b == null) {
                changes.add(new RuleChange(RuleChange.Kind.ADDED, id, null, a, List.of()));
                continue;
            }
            if (a == null) {
                changes.add(new RuleChange(RuleChange.Kind.REMOVED, id, b, null, List.of()));
                continue;
            }
            List<String> details = new ArrayList<>();
            compare("priority", b.priority(), a.priority(), details);
            if (!conditionSets(b).equals(conditionSets(a))) {
                details.add("conditions " + b.conditions() + " -> " + a.conditions());
            }
            compare("model", b.model(), a.model(), details);
            compare("description", b.description(), a.description(), details);
            compare("team", b.team(), a.team(), details);
            boolean moved = trackFiles && !stripRef(b.file()).equals(stripRef(a.file()));
            if (moved) {
                details.add("moved from " + stripRef(b.file()) + " to " + a.file());
            }
            details.addAll(extra.apply(id));
            if (!details.isEmpty()) {
                changes.add(new RuleChange(moved ? RuleChange.Kind.MOVED : RuleChange.Kind.CHANGED, id, b, a, details));
            }
        }
        return changes;
    }

    /** Conditions as attribute → set of values: the order of an any-of list carries no meaning. */
    static Map<String, TreeSet<String>> conditionSets(Rule rule) {
        Map<String, TreeSet<String>> sets = new TreeMap<>();
        rule.conditions().forEach((attribute, values) -> sets.put(attribute, new TreeSet<>(values)));
        return sets;
    }

    private static Map<String, Rule> byId(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.ruleId() != null) {
                byId.putIfAbsent(r.ruleId(), r);
            }
        }
        return byId;
    }

    private static void compare(String field, Object before, Object after, List<String> details) {
        if (!Objects.equals(before, after)) {
            details.add(field + " " + before + " -> " + after);
        }
    }

    /** Base-revision files are displayed as {@code REF:path}; compare paths without the ref. */
    public static String stripRef(String file) {
        int colon = file.indexOf(':');
        return colon > 0 ? file.substring(colon + 1) : file;
    }
}
