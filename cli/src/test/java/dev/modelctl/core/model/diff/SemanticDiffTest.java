package dev.modelctl.core.model.diff;

import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SemanticDiff}: routing terms, and order-insensitive where order routes nothing differently. */
class SemanticDiffTest {
    private static RoutingDocument doc(String yaml) {
        return RoutingDocument.from(new DocumentLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "d.yaml"));
    }

    private static final String BASE = """
            version: 1
            models:
              a: {model_id: amazon.nova-lite-v1:0, max_tokens: 100}
              b: {model_id: amazon.titan-text-lite-v1, max_tokens: 100}
            defaults: {model: a}
            use_cases:
              chat: {model: a}
            rules:
              - {rule_id: r1, priority: 10, conditions: {task_type: chat, region: [eu-west-1, eu-central-1]}, model: b}
            cost_override: {active: true, use_cases: [chat, x], model: b, reason: r, engineer: e,
                            started_at: "2026-01-01T00:00:00Z", expires_at: "2026-01-01T04:00:00Z"}
            """;

    @Test
    void aReorderedAnyOfListOrOverrideScopeIsNoChange() {
        String reordered = BASE.replace("[eu-west-1, eu-central-1]", "[eu-central-1, eu-west-1]").replace("[chat, x]", "[x, chat]");
        assertEquals(List.of(), SemanticDiff.between(doc(BASE), doc(reordered)));
    }

    @Test
    void realChangesAreNamedInRoutingTerms() {
        String changed = BASE.replace("[eu-west-1, eu-central-1]", "[eu-west-1]").replace("use_cases:\n  chat: {model: a}", "use_cases:\n  chat: {model: b}")
                .replace("active: true", "active: false");
        assertEquals(List.of("use case chat: a (amazon.nova-lite-v1:0) -> b (amazon.titan-text-lite-v1)",
                "rule r1: conditions {task_type=[chat], region=[eu-west-1, eu-central-1]} -> {task_type=[chat], region=[eu-west-1]}",
                "cost override cleared"), SemanticDiff.between(doc(BASE), doc(changed)));
    }
}
