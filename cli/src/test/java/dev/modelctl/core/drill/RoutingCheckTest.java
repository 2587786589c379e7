package dev.modelctl.core.drill;

import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        ShadowCost.Estimate e = ShadowCost.estimate(doc(OFF), doc(on("[]", "small")), TrafficMix.equalShares(List.of("answer", "classify")),
                ModelCatalog.builtIn(), NOW);
        // big 0.009 + small 0.00075 before, 2 x small 0.00075 during: 1 - 0.0015 / 0.00975
        assertEquals(0.84615, e.reduction(), 1e-5);
        assertEquals(0.004875, e.normalPer1k(), 1e-9);
        ShadowCost.Estimate weighted = ShadowCost.estimate(doc(OFF), doc(on("[]", "small")),
                TrafficMix.of(java.util.Map.of("answer", 1.0, "classify", 3.0)), ModelCatalog.builtIn(), NOW);
        assertEquals(1 - 0.00075 / (0.25 * 0.009 + 0.75 * 0.00075), weighted.reduction(), 1e-9);
        ShadowCost.Estimate unknown = ShadowCost.estimate(doc(OFF), doc(on("[]", "private")), TrafficMix.equalShares(List.of("answer", "classify")),
                ModelCatalog.builtIn(), NOW);
        assertNull(unknown.reduction());
        assertEquals(List.of("private"), unknown.unknown());
    }
}
