package dev.modelctl.core.model.diff;

import dev.modelctl.core.model.routing.Rule;

import java.util.List;
import java.util.Locale;

/**
 * One rule that differs between two revisions of a routing document.
 *
 * @param before  the rule at the base ({@code null} when added)
 * @param after   the rule now ({@code null} when removed)
 * @param details what changed, e.g. {@code priority 10 -> 20}; empty for additions and removals
 */
public record RuleChange(Kind kind, String ruleId, Rule before, Rule after, List<String> details) {
    public RuleChange {
        details = List.copyOf(details);
    }

    /** How a rule differs. */
    public enum Kind {
        ADDED, REMOVED, CHANGED, MOVED;

        /** {@code added}, as messages say it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
