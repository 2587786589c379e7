package dev.modelctl.core.team;

import dev.modelctl.core.routing.Rule;

import java.util.List;

/**
 * One rule that differs between the base revision and the working tree.
 *
 * @param kind     {@code added}, {@code removed}, {@code changed} or {@code moved} (to another file)
 * @param before   the rule at the base ({@code null} when added)
 * @param after    the rule now ({@code null} when removed)
 * @param teams    the teams that must approve: the owner now and, for removals, moves and ownership changes, the owner before
 * @param details  what changed, e.g. {@code priority 10 -> 20}
 */
public record RuleChange(String kind, String ruleId, Rule before, Rule after, List<Team> teams, List<String> details) {
}
