package dev.modelctl.core.checks.team;

import dev.modelctl.core.model.diff.RuleChange;
import dev.modelctl.core.model.diff.RuleDiff;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;
import dev.modelctl.core.model.routing.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who must approve the rule changes since a base revision ({@code check --base}): the owning team now and, for
 * removals, moves and ownership changes, the owner before. Without {@code --approved-by} each change is an info
 * finding naming its approvers; with it, a change lacking one of them is a blocking {@code approval-required}.
 * Findings carry {@code teams} and {@code owners} as properties (docs/ci.md).
 */
public final class ApprovalPolicy {
    private final String base;
    private final Set<String> approved;
    private final Map<String, Team> approvers = new TreeMap<>();

    /**
     * @param base       the revision compared with, as the user named it
     * @param approvedBy the teams that approved, or {@code null} when not given (then nothing blocks)
     */
    public ApprovalPolicy(String base, List<String> approvedBy) {
        this.base = base;
        this.approved = approvedBy == null ? null : new TreeSet<>(approvedBy);
    }

    /** One finding per changed rule of {@code now} since {@code before} ({@code null}: the document is new). */
    public List<Finding> findings(RoutingSet before, RoutingSet now) {
        List<Finding> out = new ArrayList<>();
        if (now.merged() == null) {
            return out;
        }
        RoutingSet then = before == null || before.merged() == null ? RoutingSet.empty(now) : before;
        for (RuleChange c : changes(then, now)) {
            List<Team> teams = approversOf(c, then, now);
            teams.forEach(t -> approvers.put(t.name(), t));
            List<String> missing = approved == null ? List.of()
                    : teams.stream().map(Team::name).filter(t -> !approved.contains(t)).toList();
            if (approved != null && missing.isEmpty()) {
                continue; // approved: nothing to report
            }
            out.add(finding(c, teams, missing, now));
        }
        return out;
    }

    /** Every team some change needs, by name. */
    public List<Team> approvers() {
        return List.copyOf(approvers.values());
    }

    /** The one line for reviewers: which teams the changes since the base need, or that none are needed. */
    public String summary() {
        return approvers.isEmpty() ? "no rule changes since " + base + ": no approvals needed"
                : "approvals required since " + base + ": " + String.join("; ", approvers.values().stream().map(Team::withOwners).toList());
    }

    private static List<RuleChange> changes(RoutingSet before, RoutingSet now) {
        List<Rule> old = before.merged() == null ? List.of() : before.merged().rules();
        return RuleDiff.between(old, now.merged().rules(), true, id -> {
            Team ownerBefore = owner(before, id);
            Team ownerAfter = owner(now, id);
            return ownerBefore != null && ownerAfter != null && !ownerBefore.name().equals(ownerAfter.name())
                    ? List.of("owner " + ownerBefore.name() + " -> " + ownerAfter.name()) : List.of();
        });
    }

    private static List<Team> approversOf(RuleChange c, RoutingSet before, RoutingSet after) {
        Map<String, Team> teams = new LinkedHashMap<>();
        Team now = owner(after, c.ruleId());
        Team then = owner(before, c.ruleId());
        if (now != null && c.kind() != RuleChange.Kind.REMOVED) {
            teams.put(now.name(), now);
        }
        if (then != null && c.kind() != RuleChange.Kind.ADDED) {
            teams.putIfAbsent(then.name(), then); // removals, moves and ownership changes need the former owner too
        }
        return List.copyOf(teams.values());
    }

    private Finding finding(RuleChange c, List<Team> teams, List<String> missing, RoutingSet now) {
        String who = teams.isEmpty() ? "no owning team (see unowned-rule)"
                : String.join("; ", teams.stream().map(Team::withOwners).toList());
        String what = "rule " + c.ruleId() + " " + c.kind().label() + " since " + base
                + (c.details().isEmpty() ? "" : " (" + String.join(", ", c.details()) + ")");
        boolean blocking = !missing.isEmpty();
        String message = blocking ? what + ": needs approval from " + String.join(", ", missing) : what + ": approval required from " + who;
        String hint = blocking ? "ask " + who + " to review, then pass --approved-by " + String.join(",", teams.stream().map(Team::name).toList())
                : null;
        Location at = c.after() != null ? new Location(c.after().file(), c.after().line(), c.after().column())
                : removedAt(now, RuleDiff.stripRef(c.before().file()));
        Set<String> owners = new LinkedHashSet<>();
        teams.forEach(t -> owners.addAll(t.owners()));
        return new Finding(Check.APPROVAL_REQUIRED, blocking ? Severity.ERROR : Severity.INFO, at.file(), at.line(), at.column(),
                message, hint, List.of(c.ruleId()), Map.of())
                .withProperty("change", c.kind().label())
                .withProperty("teams", teams.stream().map(Team::name).toList())
                .withProperty("owners", List.copyOf(owners))
                .withProperty("missing_approvals", missing);
    }

    private record Location(String file, int line, int column) {
    }

    /**
     * Where a removed rule is reported: the {@code rules} key of the file it was removed from, when that file is still
     * part of the set, else the base document as a whole.
     */
    private static Location removedAt(RoutingSet now, String formerFile) {
        List<SourceDocument> docs = new ArrayList<>(List.of(now.base()));
        docs.addAll(now.teamFiles());
        for (SourceDocument doc : docs) {
            if (doc.file().equals(formerFile) && doc.parsed()) {
                var key = doc.keyAt("/rules");
                return new Location(doc.file(), key.line(), key.column());
            }
        }
        return new Location(now.base().file(), 0, 0);
    }

    private static Team owner(RoutingSet set, String ruleId) {
        return set.ownership() == null ? null : set.ownership().ownerOf(ruleId).orElse(null);
    }
}
