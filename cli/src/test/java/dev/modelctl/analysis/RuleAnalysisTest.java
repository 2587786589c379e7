package dev.modelctl.analysis;

import dev.modelctl.core.checks.analysis.RuleAnalyzer;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule analysis on real documents: positives and near-miss negatives, with rules, lines and witnesses. */
class RuleAnalysisTest {

    /** Analyses the given rule lines (flow-style YAML, one rule per line starting at line 2). */
    private static List<Finding> analyze(String... rules) {
        StringBuilder doc = new StringBuilder("rules:\n");
        for (String r : rules) {
            doc.append("  - ").append(r).append('\n');
        }
        var source = new DocumentLoader().parse(doc.toString().getBytes(StandardCharsets.UTF_8), "r.yaml");
        RoutingDocument d = RoutingDocument.from(source);
        return new RuleAnalyzer().analyze(d.rules(), Set.of());
    }

    private static String row(Finding f) {
        return f.check().id() + "@" + f.line() + " " + f.rules() + " " + f.witness();
    }

    private static List<String> rows(List<Finding> findings) {
        return findings.stream().map(RuleAnalysisTest::row).sorted().toList();
    }

    @Test
    void samePriorityOverlapIsAConflictWhateverTheModels() {
        List<Finding> f = analyze(
                "{rule_id: rec-latency, priority: 10, conditions: {task_type: recommendation}, model: a}",
                "{rule_id: rec-cost, priority: 10, conditions: {task_type: recommendation, user_segment: premium}, model: a}");
        // reported on the rule that loses the tie-break
        assertEquals(List.of("priority-conflict@2 [rec-cost, rec-latency] {task_type=recommendation, user_segment=premium}"), rows(f));
        assertEquals("rules rec-cost (line 3, priority 10) and rec-latency (line 2, priority 10) have the same priority and can match "
                + "the same request; rec-cost wins only by the rule_id tie-break", f.get(0).message());
    }

    @Test
    void threeRulesAtOnePriorityGiveEveryOverlappingPair() {
        List<Finding> f = analyze(
                "{rule_id: a, priority: 5, conditions: {region: [eu, us]}, model: x}",
                "{rule_id: b, priority: 5, conditions: {region: eu}, model: y}",
                "{rule_id: c, priority: 5, conditions: {tier: gold}, model: z}");
        assertEquals(List.of("priority-conflict@3 [a, b] {region=eu}", "priority-conflict@4 [a, c] {region=eu, tier=gold}",
                "priority-conflict@4 [b, c] {region=eu, tier=gold}"), rows(f));
    }

    @Test
    void disjointListsAtOnePriorityAreFine() {
        assertEquals(List.of(), analyze(
                "{rule_id: a, priority: 5, conditions: {task_type: recommendation, user_segment: [free, trial]}, model: x}",
                "{rule_id: b, priority: 5, conditions: {task_type: recommendation, user_segment: [premium]}, model: y}"));
    }

    @Test
    void singleCoveringRuleShadowsOrMakesRedundant() {
        List<Finding> f = analyze(
                "{rule_id: general, priority: 1, conditions: {task_type: [search, chat]}, model: haiku}",
                "{rule_id: specific, priority: 2, conditions: {task_type: search, region: eu}, model: sonnet}",
                "{rule_id: same, priority: 3, conditions: {task_type: chat}, model: haiku}");
        assertEquals(List.of("redundant-rule@4 [general, same] {task_type=chat}",
                "shadowed-rule@3 [general, specific] {region=eu, task_type=search}"), rows(f));
        assertEquals("rule specific (line 3, priority 2) can never fire: general (line 2, priority 1) matches every request it "
                + "matches (higher priority)", f.stream().filter(x -> x.check().id().equals("shadowed-rule")).findFirst().orElseThrow().message());
    }

    @Test
    void severalHigherRulesTogetherShadowARule() {
        List<Finding> f = analyze(
                "{rule_id: free, priority: 1, conditions: {user_segment: free}, model: haiku}",
                "{rule_id: premium, priority: 2, conditions: {user_segment: premium}, model: sonnet}",
                "{rule_id: both, priority: 3, conditions: {user_segment: [free, premium]}, model: nova}");
        assertEquals(List.of("shadowed-rule@4 [free, premium, both] {user_segment=free}"), rows(f));
        assertEquals("rule both (line 4, priority 3) can never fire: rules free (line 2, priority 1), premium (line 3, priority 2) "
                + "together match every request it matches (higher priority)", f.get(0).message());
    }

    @Test
    void partialCoverIsNotShadowing() {
        // free and premium above, but trial is still reachable: no shadowing, only correlations
        List<Finding> f = analyze(
                "{rule_id: free, priority: 1, conditions: {user_segment: free}, model: haiku}",
                "{rule_id: premium, priority: 2, conditions: {user_segment: premium}, model: sonnet}",
                "{rule_id: most, priority: 3, conditions: {user_segment: [free, premium, trial]}, model: nova}");
        assertEquals(List.of("generalization@4 [free, most] {user_segment=free}", "generalization@4 [premium, most] {user_segment=premium}"), rows(f));
    }

    @Test
    void unconstrainedAttributeIsNotCoveredByNamedValues() {
        // region is unconstrained in 'any-region': eu and us above do not cover every region
        List<Finding> f = analyze(
                "{rule_id: eu, priority: 1, conditions: {task_type: chat, region: eu}, model: a}",
                "{rule_id: us, priority: 2, conditions: {task_type: chat, region: us}, model: a}",
                "{rule_id: any-region, priority: 3, conditions: {task_type: chat}, model: b}");
        assertEquals(List.of("generalization@4 [eu, any-region] {region=eu, task_type=chat}",
                "generalization@4 [us, any-region] {region=us, task_type=chat}"), rows(f));
    }

    @Test
    void correlatedRulesOverlapWithoutContainment() {
        List<Finding> f = analyze(
                "{rule_id: eu-chat, priority: 1, conditions: {task_type: chat, region: eu}, model: a}",
                "{rule_id: premium-all, priority: 2, conditions: {user_segment: premium, region: [eu, us]}, model: b}");
        assertEquals(List.of("correlated-rules@3 [eu-chat, premium-all] {region=eu, task_type=chat, user_segment=premium}"), rows(f));
    }

    @Test
    void overlapsThatAgreeOnTheModelAreSilent() {
        assertEquals(List.of(), analyze(
                "{rule_id: eu-chat, priority: 1, conditions: {task_type: chat, region: eu}, model: a}",
                "{rule_id: premium-all, priority: 2, conditions: {user_segment: premium, region: [eu, us]}, model: a}"));
    }

    @Test
    void coverOverTheProductOfTwoAttributes() {
        // the four cells of [eu, us] x [free, premium] come from three rules: eu-free, eu-premium and all of us
        List<Finding> f = analyze(
                "{rule_id: eu-free, priority: 1, conditions: {region: eu, user_segment: free}, model: a}",
                "{rule_id: eu-premium, priority: 2, conditions: {region: eu, user_segment: premium}, model: b}",
                "{rule_id: us-all, priority: 3, conditions: {region: us}, model: a}",
                "{rule_id: grid, priority: 4, conditions: {region: [eu, us], user_segment: [free, premium]}, model: c}");
        assertEquals(List.of("shadowed-rule@5 [eu-free, eu-premium, us-all, grid] {region=eu, user_segment=free}"), rows(f));
    }

    @Test
    void productCoverWithOneCellMissingIsNotShadowing() {
        // (us, premium) is left to grid: every higher rule is only an exception carved out of it
        List<Finding> f = analyze(
                "{rule_id: eu-free, priority: 1, conditions: {region: eu, user_segment: free}, model: a}",
                "{rule_id: eu-premium, priority: 2, conditions: {region: eu, user_segment: premium}, model: b}",
                "{rule_id: us-free, priority: 3, conditions: {region: us, user_segment: free}, model: a}",
                "{rule_id: grid, priority: 4, conditions: {region: [eu, us], user_segment: [free, premium]}, model: c}");
        assertEquals(List.of("generalization@5 [eu-free, grid] {region=eu, user_segment=free}",
                "generalization@5 [eu-premium, grid] {region=eu, user_segment=premium}",
                "generalization@5 [us-free, grid] {region=us, user_segment=free}"), rows(f));
    }

    @Test
    void severalRulesWithTheSameModelMakeARuleRedundant() {
        List<Finding> f = analyze(
                "{rule_id: free, priority: 1, conditions: {user_segment: free}, model: haiku}",
                "{rule_id: premium, priority: 2, conditions: {user_segment: premium}, model: haiku}",
                "{rule_id: both, priority: 3, conditions: {user_segment: [free, premium], task_type: chat}, model: haiku}");
        assertEquals(List.of("redundant-rule@4 [free, premium, both] {task_type=chat, user_segment=free}"), rows(f));
        assertEquals("rule both (line 4, priority 3) is redundant: rules free (line 2, priority 1), premium (line 3, priority 2) together "
                + "match every request it matches and routes it to the same model 'haiku'", f.get(0).message());
    }

    @Test
    void coverOnlyNamesTheRulesThatWin() {
        // 'wide' covers 'narrow' alone, but 'first' wins part of it and picks another model: shadowed, not redundant
        List<Finding> f = analyze(
                "{rule_id: first, priority: 1, conditions: {user_segment: free, region: eu}, model: sonnet}",
                "{rule_id: wide, priority: 2, conditions: {user_segment: [free, premium]}, model: haiku}",
                "{rule_id: unrelated, priority: 3, conditions: {user_segment: trial}, model: sonnet}",
                "{rule_id: narrow, priority: 4, conditions: {user_segment: free}, model: haiku}");
        assertEquals(List.of("generalization@3 [first, wide] {region=eu, user_segment=free}",
                "shadowed-rule@5 [first, wide, narrow] {user_segment=free}"), rows(f));
    }

    @Test
    void lowerPriorityNumberAfterwardsIsNotShadowedByLaterLines() {
        // precedence is by priority, not by position in the file: the general rule written first has the higher number
        List<Finding> f = analyze(
                "{rule_id: general, priority: 20, conditions: {task_type: chat}, model: a}",
                "{rule_id: specific, priority: 10, conditions: {task_type: chat, region: eu}, model: b}");
        assertEquals(List.of("generalization@2 [specific, general] {region=eu, task_type=chat}"), rows(f));
    }

    @Test
    void emptyValueListMatchesNothingAndOverlapsNothing() {
        assertEquals(List.of(), analyze(
                "{rule_id: a, priority: 1, conditions: {task_type: []}, model: x}",
                "{rule_id: b, priority: 1, conditions: {task_type: chat}, model: y}"));
    }

    @Test
    void catchAllRuleBelowSpecificOnes() {
        // the second catch-all is shadowed; both rules above win part of what it matches
        List<Finding> f = analyze(
                "{rule_id: chat, priority: 1, conditions: {task_type: chat}, model: a}",
                "{rule_id: everything, priority: 9, conditions: {}, model: b}",
                "{rule_id: also-everything, priority: 10, model: c}");
        assertEquals(List.of("generalization@3 [chat, everything] {task_type=chat}",
                "shadowed-rule@4 [chat, everything, also-everything] {}"), rows(f));
    }

    @Test
    void longValueListCoveredOneValueAtATime() {
        List<String> rules = new java.util.ArrayList<>();
        List<String> tenants = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String t = String.format("t%03d", i);
            tenants.add(t);
            rules.add("{rule_id: " + t + ", priority: " + (i + 1) + ", conditions: {tenant: " + t + "}, model: a}");
        }
        rules.add("{rule_id: all, priority: 600, conditions: {tenant: " + tenants + "}, model: b}");
        rules.add("{rule_id: all-and-new, priority: 601, conditions: {tenant: " + tenants + ", region: eu}, model: b}");
        tenants.add("t-new");
        rules.add("{rule_id: almost, priority: 602, conditions: {tenant: " + tenants + "}, model: b}");
        List<Finding> f = analyze(rules.toArray(String[]::new));
        Finding all = f.stream().filter(x -> x.rules().contains("all")).findFirst().orElseThrow();
        assertEquals("shadowed-rule", all.check().id());
        assertEquals(501, all.rules().size());
        assertEquals(Map.of("tenant", "t000"), all.witness());
        // shadowed by the 500 tenant rules, whatever 'all' above it does (it never wins a request)
        Finding andNew = f.stream().filter(x -> x.rules().contains("all-and-new")).findFirst().orElseThrow();
        assertEquals("shadowed-rule", andNew.check().id());
        assertEquals(501, andNew.rules().size());
        // 't-new' is left to 'almost': 500 exceptions carved out of it, no shadowing; the first 10 are listed, the
        // last of them counts the other 490
        List<Finding> almost = f.stream().filter(x -> x.rules().get(x.rules().size() - 1).equals("almost")).toList();
        assertEquals(10, almost.size());
        assertTrue(almost.stream().allMatch(x -> x.check().id().equals("generalization")));
        assertEquals(List.of("t000", "almost"), almost.get(0).rules());
        assertTrue(almost.get(9).message().endsWith(" (and 490 more higher-priority rules overlap almost with another model;"
                + " only the first 10 are listed)"), almost.get(9).message());
    }

    @Test
    void everyRuleOverlappingEveryOtherIsListedTenPerRuleWithACount() {
        List<String> rules = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rules.add("{rule_id: r" + i + ", priority: " + (i < 150 ? i + 1 : 1000) + ", conditions: {task_type: moderation, k" + i + ": v}, model: "
                    + (i % 2 == 0 ? "a" : "b") + "}");
        }
        List<Finding> f = analyze(rules.toArray(String[]::new));
        // r299 (priority 1000) ties with the 149 other rules of priority 1000 and overlaps the 75 higher rules of model a
        List<Finding> last = f.stream().filter(x -> x.rules().get(x.rules().size() - 1).equals("r299")).toList();
        assertEquals(20, last.size(), last.toString());
        assertTrue(last.get(9).message().endsWith("(and 139 more rules of the same priority overlap r299; only the first 10 are listed)"),
                last.get(9).message());
        assertTrue(last.get(19).message().endsWith("(and 65 more higher-priority rules overlap r299 with another model; only the first 10 are listed)"),
                last.get(19).message());
        assertTrue(f.size() <= 300 * 20, "at most 10 per rule and family: " + f.size());
    }

    @Test
    void unknownUseCaseIsAWarningWithDidYouMean() {
        var source = new DocumentLoader().parse(("use_cases: {recommendation: {model: a}}\n"
                + "rules:\n  - {rule_id: r, priority: 1, conditions: {task_type: recomendation}, model: a}\n").getBytes(StandardCharsets.UTF_8), "r.yaml");
        RoutingDocument d = RoutingDocument.from(source);
        List<Finding> f = new RuleAnalyzer().analyze(d.rules(), d.useCases().keySet());
        assertEquals(1, f.size());
        assertEquals("unknown-use-case", f.get(0).check().id());
        assertEquals("warning", f.get(0).severity().label());
        assertEquals(3, f.get(0).line());
        assertEquals("did you mean 'recommendation'?", f.get(0).hint());
        assertEquals(Map.of("task_type", "recomendation"), f.get(0).witness());
    }
}
