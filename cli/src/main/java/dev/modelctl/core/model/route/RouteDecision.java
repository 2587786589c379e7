package dev.modelctl.core.model.route;

import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.Rule;

import java.util.List;

/**
 * The model a request gets and why.
 *
 * @param model         the block finally chosen (after any cost override); {@code null} if the document names none
 * @param source        what picked the model before any override
 * @param rule          the winning rule ({@code null} unless source is {@code rule})
 * @param tiedWith      other matched rules at the winning priority (a conflict resolved by rule_id)
 * @param useCase       the request's use case ({@code task_type}), if any
 * @param routedModel   the model name before the cost override
 * @param overrideApplied an active, unexpired cost override replaced {@code routedModel} with {@code model}
 * @param evaluations   every rule in priority order, matched or not
 */
public record RouteDecision(String modelName, ModelBlock model, RouteSource source, Rule rule, List<Rule> tiedWith, String useCase,
                            String routedModel, boolean overrideApplied, List<RuleEvaluation> evaluations) {
}
