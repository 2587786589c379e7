package dev.modelctl.core.features.drill;

import dev.modelctl.core.model.impact.TrafficMix;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill's routing check and shadow cost on small documents, with every request class spelled out. */
class RoutingCheckTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static RoutingDocument doc(String overrideBlock) {
        String yaml = """
                version: 1
                models:
                  big: {model_id: anthropic.claude-3-5-sonnet-20240620-v1:0, max_tokens: 100, anthropic_version: bedrock-2023-05-31}
                  small: {model_id: anthropic.claude-3-haiku-20240307-v1:0, max_tokens: 100, anthropic_version: bedrock-2023-05-31}
                  private: {model_id: custom.in-house-model-v1, max_tokens: 100}
                defaults: {model: small}
                use_cases:
                  answer: {model: big, cost_override_model: small}
                  classify: {model: small}
                rules:
                  - {rule_id: vip-any-task, priority: 1, conditions: {user_segment: [vip, staff]}, model: big}
                  - {rule_id: answer-eu, priority: 2, conditions: {task_type: answer, region: eu-west-1}, model: big}
                """ + overrideBlock;
        return RoutingDocument.from(new DocumentLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "served.yaml"));
    }

    static final String OFF = "cost_override: {active: false, use_cases: [], model: small}\n";

    static String on(String useCases, String model) {
        return "cost_override: {active: true, use_cases: " + useCases + ", model: " + model + ", reason: drill, engineer: e,"
                + " started_at: '2026-12-01T09:55:00Z', expires_at: '2026-12-01T10:10:00Z'}\n";
    }

    private static List<String> lines(List<RoutingCheck.ClassResult> results) {
        return results.stream().map(r -> r.label() + " in_scope=" + r.inScope() + " expected=" + r.expected() + " actual=" + r.actual()
                + " " + (r.passed() ? "ok" : "FAIL")).toList();
    }

    @Test
    void everyUseCaseAndRuleClassGoesToTheOverrideModel() {
        List<RoutingCheck.ClassResult> r = new RoutingCheck().check(doc(on("[]", "small")), doc(OFF), List.of(), NOW);
        assertEquals(List.of(
                "{task_type=answer} in_scope=true expected=small actual=small ok",
                "{task_type=classify} in_scope=true expected=small actual=small ok",
                "{user_segment=vip} (rule vip-any-task) in_scope=true expected=small actual=small ok",
                "{region=eu-west-1, task_type=answer} (rule answer-eu) in_scope=true expected=small actual=small ok"), lines(r));
    }

    @Test
    void aScopedOverrideLeavesOtherClassesAloneAndARuleWithoutTaskTypeIsCheckedPerScopedUseCase() {
        List<RoutingCheck.ClassResult> r = new RoutingCheck().check(doc(on("[classify]", "small")), doc(OFF), List.of("classify"), NOW);
        assertEquals(List.of(
                "{task_type=answer} in_scope=false expected=big actual=big ok",
                "{task_type=classify} in_scope=true expected=small actual=small ok",
                "{user_segment=vip, task_type=classify} (rule vip-any-task) in_scope=true expected=small actual=small ok",
                "{region=eu-west-1, task_type=answer} (rule answer-eu) in_scope=false expected=big actual=big ok"), lines(r));
    }

    @Test
    void anExpiredOverrideRoutesNothingToTheOverrideModel() {
        String expired = on("[]", "small").replace("10:10:00Z", "09:58:00Z");
        List<RoutingCheck.ClassResult> r = new RoutingCheck().check(doc(expired), doc(OFF), List.of(), NOW);
        assertEquals("{task_type=answer} in_scope=true expected=small actual=big FAIL", lines(r).get(0));
    }

    @Test
    void shadowCostIsTheMixRoutedBeforeAndDuringTheOverrideAndUnknownPricesMakeItUnmeasurable() {
        // Five request classes (two use cases, two rule classes, the default), 1k tokens in and out per request:
        // big (Claude 3.5 Sonnet) $0.018, small (Claude 3 Haiku) $0.0015.
        ShadowCost.Estimate e = ShadowCost.estimate(doc(OFF), doc(on("[]", "small")), TrafficMix.equalShares(), ModelCatalog.builtIn(), NOW);
        // before: answer, vip and answer-eu on big, classify and the default on small; during: all five on small
        assertEquals(1 - 5 * 0.0015 / (3 * 0.018 + 2 * 0.0015), e.reduction(), 1e-9);
        assertEquals((3 * 0.018 + 2 * 0.0015) / 5, e.impact().costPerRequestBefore(), 1e-12);
        assertTrue(e.mixDescription().startsWith("equal shares"));
        TrafficMix mix = new TrafficMix(Map.of("answer", 0.25, "classify", 0.75),
                Map.of("user_segment", Map.of("vip", 0.1, "staff", 0.1), "region", Map.of("eu-west-1", 0.2)), 1000, 1000, null);
        ShadowCost.Estimate weighted = ShadowCost.estimate(doc(OFF), doc(on("[]", "small")), mix, ModelCatalog.builtIn(), NOW);
        // shares: vip 0.2 (of every use case), answer-eu 0.25 x 0.2, answer 0.25 - 0.05 - 0.05, classify 0.75 - 0.15
        assertEquals(1 - 0.0015 / (0.15 * 0.018 + 0.6 * 0.0015 + 0.2 * 0.018 + 0.05 * 0.018), weighted.reduction(), 1e-9);
        assertEquals("traffic mix from the repo config", weighted.mixDescription());
        ShadowCost.Estimate unknown = ShadowCost.estimate(doc(OFF), doc(on("[]", "private")), TrafficMix.equalShares(), ModelCatalog.builtIn(), NOW);
        assertNull(unknown.reduction());
        assertEquals(List.of("private (custom.in-house-model-v1)"), unknown.unknown());
    }
}
