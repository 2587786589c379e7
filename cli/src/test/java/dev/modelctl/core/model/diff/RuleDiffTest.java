package dev.modelctl.core.model.diff;

import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rule-diff engine, directly: what counts as a change, and how the semantic diff words it. */
class RuleDiffTest {
    private static final String DOC = """
            version: 1
            models:
              a: {model_id: amazon.nova-lite-v1:0, max_tokens: 100}
              b: {model_id: amazon.nova-micro-v1:0, max_tokens: 100}
            defaults: {model: a}
            use_cases: {recs: {model: a}}
            rules:
              - {rule_id: eu, priority: 10, conditions: {task_type: recs, region: [eu-west-1, eu-central-1]}, model: a}
              - {rule_id: gone, priority: 20, conditions: {task_type: recs}, model: b}
            """;

    private static RoutingDocument doc(String text, String name) {
        return RoutingDocument.from(new DocumentLoader().parse(text.getBytes(StandardCharsets.UTF_8), name));
    }

    @Test
    void reorderedAnyOfListsAndAnotherFileNameAreNoChangeForWholeDocuments() {
        RoutingDocument before = doc(DOC, "v1");
        RoutingDocument after = doc(DOC.replace("[eu-west-1, eu-central-1]", "[eu-central-1, eu-west-1]"), "v2");
        assertEquals(List.of(), RuleDiff.between(before.rules(), after.rules(), false, id -> List.of()));
        assertEquals(List.of(), SemanticDiff.between(before, after));
        // with files tracked (team rule files), the same rule in another file has moved
        List<RuleChange> moved = RuleDiff.between(before.rules(), after.rules(), true, id -> List.of());
        assertEquals(List.of(RuleChange.Kind.MOVED, RuleChange.Kind.MOVED), moved.stream().map(RuleChange::kind).toList());
        assertEquals(List.of("moved from v1 to v2"), moved.get(0).details());
    }

    @Test
    void addedRemovedAndChangedRulesInIdOrder() {
        RoutingDocument before = doc(DOC, "routing.yaml");
        RoutingDocument after = doc(DOC.replace("  - {rule_id: gone, priority: 20, conditions: {task_type: recs}, model: b}\n", "")
                .replace("region: [eu-west-1, eu-central-1]}, model: a}", "region: [eu-west-1]}, model: b, description: EU only}")
                + "  - {rule_id: added, priority: 30, conditions: {task_type: recs}, model: a}\n", "main:routing.yaml");
        List<RuleChange> changes = RuleDiff.between(before.rules(), after.rules(), true, id -> id.equals("eu") ? List.of("owner x -> y") : List.of());
        assertEquals(List.of("ADDED added []", "CHANGED eu [conditions {task_type=[recs], region=[eu-west-1, eu-central-1]} -> "
                        + "{task_type=[recs], region=[eu-west-1]}, model a -> b, description null -> EU only, owner x -> y]", "REMOVED gone []"),
                changes.stream().map(c -> c.kind() + " " + c.ruleId() + " " + c.details()).toList());
        assertEquals(List.of(
                "rule added added: priority 30, {task_type=[recs]} -> a",
                "rule eu: conditions {task_type=[recs], region=[eu-west-1, eu-central-1]} -> {task_type=[recs], region=[eu-west-1]}, "
                        + "model a -> b, description null -> EU only",
                "rule gone removed (was priority 20, {task_type=[recs]} -> b)"), SemanticDiff.between(before, after));
    }

    @Test
    void stripRefComparesBaseRevisionNamesWithoutTheRef() {
        assertEquals("teams/recs.yaml", RuleDiff.stripRef("origin/main:teams/recs.yaml"));
        assertEquals("teams/recs.yaml", RuleDiff.stripRef("teams/recs.yaml"));
        Rule r = doc(DOC, "origin/main:routing.yaml").rules().get(0);
        assertEquals(List.of(), RuleDiff.between(List.of(r), doc(DOC, "routing.yaml").rules().subList(0, 1), true, id -> List.of()));
    }
}
