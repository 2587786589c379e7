package dev.modelctl.scan;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.features.scan.Match;
import dev.modelctl.core.features.scan.ModelNamespaces;
import dev.modelctl.core.features.scan.ScanRule;
import dev.modelctl.core.features.scan.ScanRules;
import dev.modelctl.core.features.scan.TextMatcher;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example of every detection rule in rules/ must (not) match, through the same matcher the scanner uses. The
 * rules' providers and geographies come from the catalog: the shipped one plus a test catalog naming one model of every
 * Bedrock provider namespace (as a repository's own catalog would), so the examples of every provider run.
 */
class ScanRulesTest {
    static final ModelCatalog PROVIDERS = ModelCatalog.load(Cli.repoRoot().resolve("cli/src/test/resources/scan/providers-catalog.yaml"));
    static final ModelNamespaces NAMESPACES = ModelNamespaces.of(List.of(ModelCatalog.builtIn(), PROVIDERS));

    static List<ScanRule> rules() {
        return ScanRules.load(List.of(), NAMESPACES);
    }

    @TestFactory
    List<DynamicTest> everyExampleOfEveryRule() {
        List<DynamicTest> tests = new ArrayList<>();
        List<ScanRule> all = rules();
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
     * {@code keyword_starts_name} is a pre-filter only: on every example and every corpus file, a rule finds exactly
     * what it finds with plain keywords tried from every start before them.
     */
    @Test
    void keywordsThatStartNamesLoseNoMatch() throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        rules().forEach(r -> {
            texts.addAll(r.mustMatch());
            texts.addAll(r.mustNotMatch());
        });
        try (var files = java.nio.file.Files.walk(Cli.repoRoot().resolve("cli/src/test/resources/scan"))) {
            for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                texts.add(java.nio.file.Files.readString(f));
            }
        }
        int flagged = 0;
        for (ScanRule rule : rules()) {
            if (!rule.keywordStartsName()) {
                continue;
            }
            flagged++;
            ScanRule plain = new ScanRule(rule.id(), rule.check(), rule.description(), rule.keywords(), false, 12, rule.pattern(),
                    rule.mustMatch(), rule.mustNotMatch(), rule.source());
            TextMatcher fast = new TextMatcher(List.of(rule));
            TextMatcher slow = new TextMatcher(List.of(plain));
            for (String t : texts) {
                assertEquals(slow.matches(t).stream().map(Match::text).toList(), fast.matches(t).stream().map(Match::text).toList(),
                        () -> rule.id() + " on " + t.substring(0, Math.min(80, t.length())));
            }
        }
        assertTrue(flagged >= 3, "rules with keyword_starts_name: " + flagged);
    }

    /** Each provider namespace of the catalogs has an example of its own among the rules' positive examples. */
    @Test
    void everyProviderOfTheCatalogHasAnExample() {
        List<String> examples = rules().stream().flatMap(r -> r.mustMatch().stream()).toList();
        assertTrue(NAMESPACES.providers().size() >= 19, NAMESPACES.providers()::toString);
        List<String> uncovered = NAMESPACES.providers().stream()
                .filter(p -> examples.stream().noneMatch(e -> e.matches("(?s).*(?<![A-Za-z0-9_-])" + p.replace(".", "\\.") + "\\.[a-z0-9].*")))
                .toList();
        assertEquals(List.of(), uncovered, "providers without a rule example");
    }

    /** The rules know exactly the catalog's geography prefixes (one home: inference_profile_prefixes). */
    @Test
    void geographyPrefixesAreTheCatalogs() {
        assertEquals(ModelCatalog.builtIn().profilePrefixes().stream().sorted().toList(), ModelNamespaces.builtIn().geographies());
        TextMatcher matcher = new TextMatcher(ScanRules.load(List.of()));
        for (String g : ModelCatalog.builtIn().profilePrefixes()) {
            assertEquals(1, matcher.matches("m = '" + g + ".amazon.nova-pro-v1:0'").size(), g);
        }
        // a prefix the catalog does not know is no geography: `xx.amazon.…` reads like `my.amazon.…`
        assertEquals(List.of(), matcher.matches("m = 'xx.amazon.nova-pro-v1:0'"));
    }

    /**
     * Recall on real IDs: every model of the catalogs, bare and with every cross-region geography prefix, and as
     * foundation-model and inference-profile ARNs, is found whole at its exact column by the rules together.
     */
    @Test
    void everyCatalogModelIdIsFoundWholeAtItsColumn() {
        TextMatcher matcher = new TextMatcher(rules());
        List<CatalogModel> models = new ArrayList<>(ModelCatalog.builtIn().all());
        models.addAll(PROVIDERS.all());
        assertTrue(models.size() >= 20, "catalog has " + models.size() + " models");
        List<String> geographies = new ArrayList<>(List.of(""));
        ModelCatalog.builtIn().profilePrefixes().forEach(g -> geographies.add(g + "."));
        List<String> misses = new ArrayList<>();
        java.util.Set<String> missedModels = new java.util.TreeSet<>();
        for (CatalogModel m : models) {
            List<String> forms = new ArrayList<>();
            geographies.forEach(g -> forms.add(g + m.modelId()));
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
        assertEquals(List.of(), List.copyOf(missedModels), misses::toString);
    }

    @Test
    void newestVersionlessIdsAndNewProvidersAreFound() {
        TextMatcher matcher = new TextMatcher(rules());
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
        TextMatcher matcher = new TextMatcher(rules());
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
