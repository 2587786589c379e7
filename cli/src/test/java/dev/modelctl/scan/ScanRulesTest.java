package dev.modelctl.scan;

import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.scan.Match;
import dev.modelctl.core.scan.ScanRule;
import dev.modelctl.core.scan.ScanRules;
import dev.modelctl.core.scan.TextMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example of every detection rule in rules/ must (not) match, through the same matcher the scanner uses. */
class ScanRulesTest {
    private static final List<String> GEOGRAPHIES = List.of("", "us.", "eu.", "apac.", "global.", "jp.", "au.", "ca.", "us-gov.");

    @TestFactory
    List<DynamicTest> everyExampleOfEveryRule() {
        List<DynamicTest> tests = new ArrayList<>();
        List<ScanRule> all = ScanRules.load(List.of());
        assertTrue(all.size() >= 3);
        for (ScanRule rule : all) {
            assertFalse(rule.mustMatch().isEmpty(), rule.id() + " has no positive examples");
            assertFalse(rule.mustNotMatch().isEmpty(), rule.id() + " has no negative examples");
            TextMatcher one = new TextMatcher(List.of(rule));
            for (String example : rule.mustMatch()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " matches: " + example,
                        () -> assertEquals(1, one.matches(example).size(), () -> rule.id() + " should match once: " + example)));
            }
            for (String example : rule.mustNotMatch()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " ignores: " + example,
                        () -> assertEquals(List.of(), one.matches(example), () -> rule.id() + " must not match: " + example)));
            }
        }
        return tests;
    }

    /**
     * Recall on real IDs: every model of the shipped catalog, bare and with every cross-region geography prefix, and
     * as foundation-model and inference-profile ARNs, is found whole at its exact column by the rules together.
     */
    @Test
    void everyCatalogModelIdIsFoundWholeAtItsColumn() {
        TextMatcher matcher = new TextMatcher(ScanRules.load(List.of()));
        List<CatalogModel> models = ModelCatalog.builtIn().all();
        assertTrue(models.size() >= 20, "catalog has " + models.size() + " models");
        List<String> misses = new ArrayList<>();
        java.util.Set<String> missedModels = new java.util.TreeSet<>();
        for (CatalogModel m : models) {
            List<String> forms = new ArrayList<>();
            GEOGRAPHIES.forEach(g -> forms.add(g + m.modelId()));
            forms.add("arn:aws:bedrock:us-east-1::foundation-model/" + m.modelId());
            forms.add("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu." + m.modelId());
            for (String id : forms) {
                String line = "    model_id = \"" + id + "\"  # pinned";
                List<Match> found = matcher.matches(line);
                if (found.size() != 1 || found.get(0).column() != 17 || !found.get(0).text().equals(id)) {
                    misses.add(id + " -> " + found);
                    missedModels.add(m.modelId());
                }
            }
        }
        assertEquals(NOT_YET_MATCHED, List.copyOf(missedModels), misses::toString);
    }

    /**
     * Catalog IDs of providers and ID shapes the rules of this branch do not match yet (issue 10, scanner coverage,
     * derives the provider list from the catalog): asserted exactly, so the list must shrink when the rules learn them.
     */
    private static final List<String> NOT_YET_MATCHED = List.of("deepseek.v3.2", "minimax.minimax-m2.5", "moonshotai.kimi-k2.5", "zai.glm-5");

    @Test
    void newestVersionlessIdsAndNewProvidersAreFound() {
        TextMatcher matcher = new TextMatcher(ScanRules.load(List.of()));
        for (String id : List.of("anthropic.claude-sonnet-4-6", "global.anthropic.claude-opus-4-7", "anthropic.claude-opus-4-6-v1",
                "moonshot.kimi-k2-thinking", "minimax.minimax-m2", "qwen.qwen3-next-80b-a3b", "google.gemma-3-27b-it",
                "nvidia.nemotron-nano-3-30b", "openai.gpt-oss-20b-1:0", "luma.ray-v2:0", "twelvelabs.marengo-embed-2-7-v1:0")) {
            List<Match> found = matcher.matches("x: '" + id + "'");
            assertEquals(1, found.size(), id);
            assertEquals(id, found.get(0).text());
            assertEquals(5, found.get(0).column());
        }
    }

    @Test
    void matchingIsLinearOnHostileLines() {
        TextMatcher matcher = new TextMatcher(ScanRules.load(List.of()));
        // not a benchmark: a guard against catastrophic backtracking, which would take hours on these near-misses
        // (long dash/digit runs after a family keyword), where a linear pass takes milliseconds
        String hostile = ("anthropic.claude-" + "1-a-".repeat(5_000) + " ").repeat(20)
                + "us.anthropic.claude" + "-v".repeat(50_000) + ":bedrock:".repeat(10_000);
        long start = System.nanoTime();
        List<Match> found = matcher.matches(hostile);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), found);
        assertTrue(ms < 10_000, "took " + ms + " ms: a pattern backtracks (a linear pass takes milliseconds)");
    }
}
