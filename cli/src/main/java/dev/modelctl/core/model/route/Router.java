package dev.modelctl.core.model.route;

import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.model.routing.UseCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The routing semantics of docs/routing-document.md, in one place: what every runtime reading the document must do. */
public final class Router {
    public static final String TASK_TYPE = "task_type";

    public RouteDecision route(RoutingDocument doc, Map<String, String> request, Instant now) {
        List<Rule> ordered = doc.rules().stream().filter(r -> r.ruleId() != null && r.priority() != null)
                .sorted(Rule.PRECEDENCE).toList();
        List<RuleEvaluation> evaluations = new ArrayList<>();
        Rule winner = null;
        List<Rule> tied = new ArrayList<>();
        for (Rule r : ordered) {
            RuleEvaluation e = RuleEvaluation.of(r, request);
            evaluations.add(e);
            if (e.matched()) {
                if (winner == null) {
                    winner = r;
                } else if (Objects.equals(winner.priority(), r.priority())) {
                    tied.add(r);
                }
            }
        }
        String useCase = request.get(TASK_TYPE);
        UseCase declared = useCase == null ? null : doc.useCases().get(useCase);
        String routed;
        RouteSource source;
        if (winner != null) {
            routed = winner.model();
            source = RouteSource.RULE;
        } else if (declared != null && declared.model() != null) {
            routed = declared.model();
            source = RouteSource.USE_CASE;
        } else {
            routed = doc.defaultModel();
            source = RouteSource.DEFAULT;
        }
        String chosen = routed;
        boolean overridden = false;
        CostOverride override = doc.costOverride();
        if (override != null && override.appliesTo(useCase, now)) {
            String replacement = costOverrideModel(doc, useCase);
            if (replacement != null) {
                chosen = replacement;
                overridden = true;
            }
        }
        return new RouteDecision(chosen, chosen == null ? null : doc.models().get(chosen), source, winner, List.copyOf(tied), useCase,
                routed, overridden, List.copyOf(evaluations));
    }

    /**
     * The model an active cost override sends {@code useCase} to: the use case's {@code cost_override_model}, else
     * the override's {@code model} (routing step 5; {@code null} when the document names neither).
     */
    public static String costOverrideModel(RoutingDocument doc, String useCase) {
        UseCase declared = useCase == null ? null : doc.useCases().get(useCase);
        if (declared != null && declared.costOverrideModel() != null) {
            return declared.costOverrideModel();
        }
        return doc.costOverride() == null ? null : doc.costOverride().model();
    }
}
