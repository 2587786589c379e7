package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingImpactTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    // Catalog prices per 1k tokens in/out: Claude 3 Haiku $0.00025/$0.00125, Nova Lite $0.00006/$0.00024.
    private static final double HAIKU = 0.00025 + 0.00125;
    private static final double LITE = 0.00006 + 0.00024;

    private static final String BASE = """
            version: 1
            models:
              haiku: {model_id: anthropic.claude-3-haiku-20240307-v1:0, max_tokens: 1000, anthropic_version: bedrock-2023-05-31}
              lite: {model_id: us.amazon.nova-lite-v1:0, max_tokens: 1000}
            defaults: {model: lite}
            use_cases:
              intent: {model: lite}
              moderation: {model: haiku}
            rules:
              - rule_id: eu-moderation
                priority: 10
                conditions: {task_type: moderation, region: [eu-west-1, eu-central-1]}
                model: haiku
            %s
            """;

    private static RoutingDocument doc(String text) {
        return RoutingDocument.from(new DocumentLoader().parse(text.getBytes(StandardCharsets.UTF_8), "routing.yaml"));
    }

    private static RoutingDocument base() {
        return doc(BASE.formatted(""));
    }

    @Test
    void classesAreUseCasesRuleConditionSetsAndTheDefault() {
        List<RequestClass> classes = RequestClasses.of(base());
        assertEquals(List.of("use case intent", "use case moderation",
                "rule eu-moderation (region=eu-central-1|eu-west-1, task_type=moderation)", "default (no use case)"),
                classes.stream().map(RequestClass::label).toList());
        RequestClass rule = classes.get(2);
        assertEquals(Map.of("task_type", "moderation", "region", "eu-west-1"), rule.request());
        assertEquals(Map.of("task_type", Set.of("moderation"), "region", Set.of("eu-west-1", "eu-central-1")), rule.conditions());
    }

    @Test
    void aReorderedAnyOfListIsTheSameClass() {
        RoutingDocument reordered = doc(BASE.replace("[eu-west-1, eu-central-1]", "[eu-central-1, eu-west-1]").formatted(""));
        assertEquals(4, RequestClasses.of(base(), reordered).size());
        assertTrue(RoutingImpact.between(base(), reordered, ModelCatalog.builtIn(), TrafficMix.equalShares(), NOW).changes().isEmpty());
    }

    @Test
    void useCaseMovedToAPricierModelWithEqualShares() {
        RoutingDocument after = doc(BASE.replace("intent: {model: lite}", "intent: {model: haiku}").formatted(""));
        Impact impact = RoutingImpact.between(base(), after, ModelCatalog.builtIn(), TrafficMix.equalShares(), NOW);
        assertTrue(impact.equalShares());
        assertEquals(1, impact.changes().size());
        ClassChange c = impact.changes().get(0);
        assertEquals("use case intent", c.requestClass().label());
        assertEquals("lite (us.amazon.nova-lite-v1:0)", c.before().describe());
        assertEquals("haiku (anthropic.claude-3-haiku-20240307-v1:0)", c.after().describe());
        assertEquals(HAIKU / LITE - 1, c.relativeChange(), 1e-9);
        assertTrue(c.increase());
        assertEquals(0.25, c.share(), 1e-12);
        assertNull(c.monthlyDelta());
        assertEquals((LITE + HAIKU + HAIKU + LITE) / 4, impact.costPerRequestBefore(), 1e-12);
        assertEquals((HAIKU + HAIKU + HAIKU + LITE) / 4, impact.costPerRequestAfter(), 1e-12);
        assertEquals(1.2 / 0.9 - 1, impact.relativeChange(), 1e-9);
        assertNull(impact.monthlyDelta());
        assertEquals(0, impact.unpriced());
    }

    @Test
    void aCostOverrideDowngradesRuleRoutedClassesToo() {
        RoutingDocument after = doc(BASE.formatted("""
                cost_override: {active: true, use_cases: [], model: lite, reason: INC-1, engineer: ana,
                                started_at: "2026-12-01T09:00:00Z", expires_at: "2026-12-01T13:00:00Z"}"""));
        Impact impact = RoutingImpact.between(base(), after, ModelCatalog.builtIn(), TrafficMix.equalShares(), NOW);
        assertEquals(List.of("use case moderation", "rule eu-moderation (region=eu-central-1|eu-west-1, task_type=moderation)"),
                impact.changes().stream().map(c -> c.requestClass().label()).toList());
        assertTrue(impact.changes().stream().allMatch(c -> c.after().decision().overrideApplied()));
        assertEquals(dev.modelctl.core.model.route.RouteSource.RULE, impact.changes().get(1).before().decision().source());
        // Expired at NOW: nothing changes.
        RoutingDocument expired = doc(BASE.formatted("""
                cost_override: {active: true, use_cases: [], model: lite, reason: INC-1, engineer: ana,
                                started_at: "2026-12-01T06:00:00Z", expires_at: "2026-12-01T10:00:00Z"}"""));
        assertTrue(RoutingImpact.between(base(), expired, ModelCatalog.builtIn(), TrafficMix.equalShares(), NOW).changes().isEmpty());
    }

    @Test
    void trafficMixWeighsClassesAndGivesMonthlyFigures() {
        TrafficMix mix = new TrafficMix(Map.of("intent", 0.6, "moderation", 0.4),
                Map.of("region", Map.of("eu-west-1", 0.1, "eu-central-1", 0.1)), 1000, 1000, 1_000_000L);
        List<RequestClass> classes = RequestClasses.of(base());
        List<Double> shares = mix.shares(classes);
        assertEquals(0.6, shares.get(0), 1e-12);
        assertEquals(0.32, shares.get(1), 1e-12);
        assertEquals(0.08, shares.get(2), 1e-12);
        assertEquals(0.0, shares.get(3), 1e-12);
        RoutingDocument after = doc(BASE.replace("intent: {model: lite}", "intent: {model: haiku}").formatted(""));
        Impact impact = RoutingImpact.between(base(), after, ModelCatalog.builtIn(), mix, NOW);
        assertFalse(impact.equalShares());
        assertEquals((HAIKU - LITE) * 0.6 * 1_000_000, impact.changes().get(0).monthlyDelta(), 1e-6);
        assertEquals((HAIKU - LITE) * 0.6 * 1_000_000, impact.monthlyDelta(), 1e-6);
    }

    @Test
    void unknownPricesAreCountedNotTreatedAsFree() {
        RoutingDocument after = doc(BASE.replace("intent: {model: lite}", "intent: {model: mystery}")
                .replace("models:\n", "models:\n  mystery: {model_id: example.unknown-model-v1:0, max_tokens: 10}\n").formatted(""));
        Impact impact = RoutingImpact.between(base(), after, ModelCatalog.builtIn(), TrafficMix.equalShares(), NOW);
        assertEquals(1, impact.unpriced());
        assertNull(impact.changes().get(0).relativeChange());
        // The intent class is priced only before: it is left out of both totals, which cover the other three.
        assertEquals((HAIKU + HAIKU + LITE) / 3, impact.costPerRequestBefore(), 1e-12);
        assertEquals((HAIKU + HAIKU + LITE) / 3, impact.costPerRequestAfter(), 1e-12);
    }

    @Test
    void repoConfigReadsTheTrafficSection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".modelctl.yaml");
        Files.writeString(file, """
                traffic:
                  requests_per_month: 2000000
                  tokens_per_request: {input: 1200, output: 300}
                  use_cases: {intent: 0.6, moderation: 0.4}
                  attributes: {region: {eu-west-1: 0.1}}
                """);
        TrafficMix mix = RepoConfig.load(file, true).traffic();
        assertEquals(new TrafficMix(Map.of("intent", 0.6, "moderation", 0.4), Map.of("region", Map.of("eu-west-1", 0.1)),
                1200, 300, 2_000_000L), mix);
        assertTrue(RepoConfig.load(dir.resolve("absent.yaml"), false).traffic().isEqualShares());

        Files.writeString(file, "traffic:\n  use_cases: {intent: 0.7, moderation: 0.4}\n");
        InputException e = assertThrows(InputException.class, () -> RepoConfig.load(file, true));
        assertEquals(file + ":2:3: shares add up to 1.100, more than 1", e.getMessage());
        Files.writeString(file, "traffic:\n  use_cases:\n    intent: 60\n");
        e = assertThrows(InputException.class, () -> RepoConfig.load(file, true));
        assertEquals(file + ":3:5: 'intent' must be a share between 0 and 1 (0.25 = a quarter of requests)", e.getMessage());
    }

    @Test
    void aClassMovedToALegacyRetiredOrProfileOnlyModelIsCalledOut() {
        ModelCatalog catalog = ModelCatalog.builtIn();
        java.util.function.Function<String, java.util.Optional<String>> callOut = id -> catalog.find(id)
                .flatMap(m -> ImpactChecks.lifecycleWarning(m, id, catalog));
        assertEquals(java.util.Optional.of("is legacy (end of life 2026-09-10)"), callOut.apply("anthropic.claude-3-haiku-20240307-v1:0"));
        assertEquals(java.util.Optional.of("is retired on Bedrock (calls fail)"), callOut.apply("anthropic.claude-3-5-sonnet-20240620-v1:0"));
        assertEquals(java.util.Optional.of("needs an inference profile: the bare ID has no on-demand in-region throughput"),
                callOut.apply("anthropic.claude-haiku-4-5-20251001-v1:0"));
        assertEquals(java.util.Optional.empty(), callOut.apply("us.anthropic.claude-haiku-4-5-20251001-v1:0"));
    }
}
