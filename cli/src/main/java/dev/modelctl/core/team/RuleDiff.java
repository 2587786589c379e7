package dev.modelctl.core.team;

import dev.modelctl.core.routing.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares the rules of two revisions rule by rule and works out which teams must approve each change. */
public final class RuleDiff {

    public List<RuleChange> diff(RoutingSet before, RoutingSet after) {
        Map<String, Rule> old = byId(before);
        Map<String, Rule> now = byId(after);
        Map<String, Rule> ids = new TreeMap<>(old);
        now.forEach(ids::putIfAbsent);
        List<RuleChange> changes = new ArrayList<>();
        for (String id : ids.keySet()) {
            Rule b = old.get(id);
            Rule a = now.get(id);
            List<String> details = new ArrayList<>();
            String kind;
            if (b == null) {
                kind = "added";
            } else if (a == null) {
                kind = "removed";
            } else {
                compare("priority", b.priority(), a.priority(), details);
                compare("conditions", b.conditions(), a.conditions(), details);
                compare("model", b.model(), a.model(), details);
                compare("description", b.description(), a.description(), details);
                compare("team", b.team(), a.team(), details);
                boolean moved = !stripRef(b.file()).equals(a.file());
                if (moved) {
                    details.add("moved from " + stripRef(b.file()) + " to " + a.file());
                }
                Team ownerBefore = owner(before, id);
                Team ownerAfter = owner(after, id);
                if (ownerBefore != null && ownerAfter != null && !ownerBefore.name().equals(ownerAfter.name())) {
                    details.add("owner " + ownerBefore.name() + " -> " + ownerAfter.name());
                }
                if (details.isEmpty()) {
                    continue;
                }
                kind = moved ? "moved" : "changed";
            }
            changes.add(new RuleChange(kind, id, b, a, approvers(kind, before, after, id), List.copyOf(details)));
        }
        return changes;
    }

    private static List<Team> approvers(String kind, RoutingSet before, RoutingSet after, String id) {
        Map<String, Team> teams = new LinkedHashMap<>();
        Team now = owner(after, id);
        Team then = owner(before, id);
        if (now != null && !kind.equals("removed")) {
            teams.put(now.name(), now);
        }
        if (then != null && (!kind.equals("added"))) {
            teams.putIfAbsent(then.name(), then); // removals, moves and ownership changes need the former owner too
        }
        return List.copyOf(teams.values());
    }

    private static Team owner(RoutingSet set, String ruleId) {
        return set.ownership() == null ? null : set.ownership().ownerOf(ruleId).orElse(null);
    }

    private static Map<String, Rule> byId(RoutingSet set) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        if (set.merged() != null) {
            set.merged().rules().forEach(r -> {
                if (r.ruleId() != null) {
                    rules.putIfAbsent(r.ruleId(), r);
                }
            });
        }
        return rules;
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
