package dev.modelctl.core.model.route;

import dev.modelctl.core.model.routing.Rule;

import java.util.List;

/**
 * How one rule fared against a request: matched, or the first condition that failed.
 *
 * @param failedAttribute the attribute whose condition failed ({@code null} when matched)
 * @param expected        the values that condition accepts
 * @param actual          the request's value ({@code null} when the request does not set the attribute)
 */
public record RuleEvaluation(Rule rule, boolean matched, String failedAttribute, List<String> expected, String actual) {

    static RuleEvaluation of(Rule rule, java.util.Map<String, String> request) {
        var failed = rule.firstFailedCondition(request);
        return failed == null ? new RuleEvaluation(rule, true, null, List.of(), null)
                : new RuleEvaluation(rule, false, failed.getKey(), failed.getValue(), request.get(failed.getKey()));
    }
}
