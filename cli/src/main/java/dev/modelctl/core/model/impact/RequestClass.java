package dev.modelctl.core.model.impact;

import java.util.Map;
import java.util.Set;

/**
 * A class of requests that a routing document treats alike, with one example request that stands for it (see
 * docs/impact.md). Classes are what cost estimates and change reports talk about: "EU moderation", not "rule 7".
 *
 * @param kind    what singles the class out
 * @param label   how output names it: {@code use case moderation}, {@code rule eu-moderation (task_type=moderation, region=eu)}
 * @param request the example request: the rule's first accepted value per attribute, or {@code task_type} alone
 * @param conditions the values each attribute may take in the class (empty for the default class)
 * @param ruleId  the rule whose condition set defines the class ({@link Kind#RULE} only)
 * @param useCase the {@code task_type} the example request carries, if any
 */
public record RequestClass(Kind kind, String label, Map<String, String> request, Map<String, Set<String>> conditions,
                           String ruleId, String useCase) {

    /** What defines the class. */
    public enum Kind {
        /** A request with nothing but its {@code task_type}: the use case's own model unless a rule singles it out. */
        USE_CASE,
        /** The requests a rule's condition set describes. */
        RULE,
        /** A request no use case or rule names: {@code defaults.model}. */
        DEFAULT
    }
}
