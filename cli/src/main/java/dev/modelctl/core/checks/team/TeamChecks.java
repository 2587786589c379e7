package dev.modelctl.core.checks.team;

import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Team priority bands and rule ownership: {@code team-range-overlap}, {@code unowned-rule},
 * {@code multiply-owned-rule}, {@code rule-outside-team-range}, {@code rule-in-wrong-team-file}.
 */
public final class TeamChecks {
    /** The check ids this check can report. */
    public static final java.util.Set<Check> REPORTS = java.util.EnumSet.of(Check.TEAM_RANGE_OVERLAP, Check.RULE_OUTSIDE_TEAM_RANGE,
            Check.UNOWNED_RULE, Check.MULTIPLY_OWNED_RULE, Check.RULE_IN_WRONG_TEAM_FILE, Check.TEAM_FILE_MISSING);

    /**
     * @param teamOfFile which team's rule file each rule file is ({@code file} → team name); the base document is absent
     */
    public List<Finding> check(Ownership ownership, List<Rule> rules, Map<String, String> teamOfFile) {
        List<Finding> out = new ArrayList<>(ownership.findings());
        rangeOverlaps(ownership, out);
        for (Rule r : rules) {
            if (r.ruleId() == null) {
                continue;
            }
            List<Team> owners = ownership.ownersOf(r.ruleId());
            if (owners.isEmpty()) {
                out.add(at(Check.UNOWNED_RULE, r, "rule " + r.ruleId() + " belongs to no team: no rule_patterns in " + ownership.file() + " match it",
                        "rename it with a team's prefix, or add a pattern to the owning team"));
                continue;
            }
            if (owners.size() > 1) {
                out.add(at(Check.MULTIPLY_OWNED_RULE, r, "rule " + r.ruleId() + " is claimed by several teams: "
                                + String.join(", ", owners.stream().map(Team::name).toList()),
                        "narrow the rule_patterns so exactly one team owns it"));
                continue;
            }
            Team team = owners.get(0);
            if (r.priority() != null && !team.inRange(r.priority())) {
                out.add(at(Check.RULE_OUTSIDE_TEAM_RANGE, r, "rule " + r.ruleId() + " has priority " + r.priority() + ", outside team "
                        + team.name() + "'s range " + team.range(), "use a priority between " + team.low() + " and " + team.high()));
            }
            String fileTeam = teamOfFile.get(r.file());
            if (fileTeam != null && !fileTeam.equals(team.name())) {
                out.add(at(Check.RULE_IN_WRONG_TEAM_FILE, r, "rule " + r.ruleId() + " is owned by team " + team.name() + " but sits in team "
                        + fileTeam + "'s rule file", "move it to one of " + team.name() + "'s files: " + String.join(", ", team.files())));
            }
        }
        return out;
    }

    private static void rangeOverlaps(Ownership ownership, List<Finding> out) {
        List<Team> byLow = ownership.teams().stream().sorted(Comparator.comparingLong(Team::low).thenComparing(Team::name)).toList();
        for (int i = 0; i < byLow.size(); i++) {
            Team a = byLow.get(i);
            if (a.low() > a.high()) {
                // An ordering the JSON Schema cannot express: still a malformed ownership file, not an overlap.
                var pos = ownership.source().valueAt(a.pointer() + "/priority_range");
                out.add(Finding.of(Check.SCHEMA_VIOLATION, ownership.file(), pos.line(), pos.column(),
                        "team " + a.name() + " has an empty priority_range " + a.range(), "write [lo, hi] with lo <= hi"));
            }
            for (int j = i + 1; j < byLow.size() && byLow.get(j).low() <= a.high(); j++) {
                Team b = byLow.get(j);
                var pos = ownership.source().valueAt(b.pointer() + "/priority_range");
                out.add(Finding.of(Check.TEAM_RANGE_OVERLAP, ownership.file(), pos.line(), pos.column(),
                        "teams " + a.name() + " " + a.range() + " and " + b.name() + " " + b.range() + " have overlapping priority ranges",
                        "give every team its own band, e.g. 1-100, 101-200"));
            }
        }
    }

    private static Finding at(Check check, Rule r, String message, String hint) {
        return new Finding(check, check.defaultSeverity(), r.file(), r.line(), r.column(), message, hint, List.of(r.ruleId()), Map.of());
    }
}
