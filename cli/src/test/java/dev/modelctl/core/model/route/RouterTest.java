package dev.modelctl.core.model.route;

import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing semantics step by step: rules by priority, the rule_id tie-break, use case, default, cost override. */
class RouterTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String DOC = """
            version: 1
            models:
              strong: {model_id: anthropic.claude-3-haiku-20240307-v1:0, max_tokens: 10, anthropic_version: bedrock-2023-05-31}
              cheap: {model_id: amazon.nova-micro-v1:0, max_tokens: 10}
              cheaper: {model_id: amazon.nova-micro-v1:0, max_tokens: 5}
            defaults: {model: cheap}
            use_cases:
              rec: {model: strong, cost_override_model: cheaper}
              chat: {model: strong}
            rules:
              - {rule_id: b-premium, priority: 10, conditions: {task_type: rec, user_segment: premium}, model: strong}
              - {rule_id: a-premium, priority: 10, conditions: {user_segment: [premium, gold]}, model: cheap}
              - {rule_id: eu, priority: 20, conditions: {region: eu}, model: cheaper}
            %s
            """;

    private static RoutingDocument doc(String override) {
        return RoutingDocument.from(new DocumentLoader().parse(DOC.formatted(override).getBytes(StandardCharsets.UTF_8), "r.yaml"));
    }

    private static RouteDecision route(RoutingDocument d, Map<String, String> request) {
        return new Router().route(d, request, NOW);
    }

    @Test
    void equalPrioritiesResolveToTheSmallestRuleIdAndReportTheTie() {
        RouteDecision d = route(doc(""), Map.of("task_type", "rec", "user_segment", "premium", "region", "eu"));
        assertEquals(RouteSource.RULE, d.source());
        assertEquals("a-premium", d.rule().ruleId());
        assertEquals(List.of("b-premium"), d.tiedWith().stream().map(r -> r.ruleId()).toList());
        assertEquals("cheap", d.modelName());
        assertEquals(3, d.evaluations().stream().filter(RuleEvaluation::matched).count());
    }

    @Test
    void lowerPriorityWinsAndEvaluationsNameTheFailedCondition() {
        RouteDecision d = route(doc(""), Map.of("task_type", "chat", "user_segment", "free", "region", "eu"));
        assertEquals("eu", d.rule().ruleId());
        assertTrue(d.tiedWith().isEmpty());
        RuleEvaluation first = d.evaluations().get(0);
        assertEquals("a-premium", first.rule().ruleId());
        assertEquals("user_segment", first.failedAttribute());
        assertEquals(List.of("premium", "gold"), first.expected());
        assertEquals("free", first.actual());
        RuleEvaluation second = d.evaluations().get(1);
        assertEquals("task_type", second.failedAttribute());
        assertEquals("chat", second.actual());
    }

    @Test
    void noRuleFallsBackToTheUseCaseThenTheDefault() {
        RouteDecision useCase = route(doc(""), Map.of("task_type", "chat"));
        assertEquals(RouteSource.USE_CASE, useCase.source());
        assertEquals("strong", useCase.modelName());
        RouteDecision undeclared = route(doc(""), Map.of("task_type", "nope"));
        assertEquals(RouteSource.DEFAULT, undeclared.source());
        assertEquals("cheap", undeclared.modelName());
        assertNull(undeclared.rule());
    }

    @Test
    void anActiveOverrideUsesTheUseCasesCostOverrideModelElseItsOwn() {
        RoutingDocument d = doc("""
                cost_override: {active: true, use_cases: [], model: cheap, reason: r, engineer: e,
                                started_at: "2026-12-01T09:00:00Z", expires_at: "2026-12-01T11:00:00Z"}""");
        RouteDecision rec = route(d, Map.of("task_type", "rec"));
        assertTrue(rec.overrideApplied());
        assertEquals("strong", rec.routedModel());
        assertEquals("cheaper", rec.modelName());
        RouteDecision chat = route(d, Map.of("task_type", "chat"));
        assertEquals("cheap", chat.modelName());
        // A rule-routed request is overridden too (routing step 5 replaces whatever steps 1-4 chose).
        RouteDecision ruled = route(d, Map.of("task_type", "rec", "user_segment", "premium"));
        assertEquals(RouteSource.RULE, ruled.source());
        assertEquals("cheaper", ruled.modelName());
        assertEquals("cheaper", Router.costOverrideModel(d, "rec"));
        assertEquals("cheap", Router.costOverrideModel(d, null));
    }

    @Test
    void anOverrideOutsideItsScopeOrPastItsExpiryChangesNothing() {
        RoutingDocument scoped = doc("""
                cost_override: {active: true, use_cases: [chat], model: cheap, reason: r, engineer: e,
                                started_at: "2026-12-01T09:00:00Z", expires_at: "2026-12-01T11:00:00Z"}""");
        assertFalse(route(scoped, Map.of("task_type", "rec")).overrideApplied());
        assertTrue(route(scoped, Map.of("task_type", "chat")).overrideApplied());
        RoutingDocument expired = doc("""
                cost_override: {active: true, use_cases: [], model: cheap, reason: r, engineer: e,
                                started_at: "2026-12-01T08:00:00Z", expires_at: "2026-12-01T10:00:00Z"}""");
        RouteDecision d = route(expired, Map.of("task_type", "chat"));
        assertFalse(d.overrideApplied());
        assertEquals("strong", d.modelName());
    }
}
