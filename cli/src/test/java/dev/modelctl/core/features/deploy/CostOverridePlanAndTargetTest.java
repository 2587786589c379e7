package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Direct tests of {@link CostOverridePlan}, {@link Target}, {@link AuditDescription}. */
class CostOverridePlanAndTargetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void activateWritesEveryFieldAndLeavesTheInputAlone() throws Exception {
        JsonNode live = MAPPER.readTree("{\"version\":1,\"cost_override\":{\"active\":false,\"model\":\"claude_haiku\"}}");
        ObjectNode on = CostOverridePlan.activate(live, new CostOverridePlan.Request(List.of("moderation"), "claude_haiku", "INC-1", "me",
                Duration.ofHours(2)), Instant.parse("2026-01-01T10:00:00.750Z"));
        assertEquals("{\"active\":true,\"use_cases\":[\"moderation\"],\"model\":\"claude_haiku\",\"reason\":\"INC-1\",\"engineer\":\"me\","
                + "\"started_at\":\"2026-01-01T10:00:00Z\",\"expires_at\":\"2026-01-01T12:00:00Z\"}", on.get("cost_override").toString());
        assertEquals(false, live.at("/cost_override/active").asBoolean(), "input untouched");
        ObjectNode off = CostOverridePlan.clear(on);
        assertEquals(false, off.at("/cost_override/active").asBoolean());
        assertEquals("INC-1", off.at("/cost_override/reason").asText(), "kept for the audit trail");
    }

    @Test
    void targetResolvesNamesOrIdsAndListsTheKnownOnes() {
        InMemoryAppConfig service = new InMemoryAppConfig();
        service.addEnvironment("prod");
        service.addEnvironment("staging");
        service.addProfile("model-routing");
        Target byName = Target.resolve(service, "chatbot", "prod", "model-routing");
        assertEquals("env0", byName.environment().id());
        assertEquals("prof0", Target.resolve(service, "app1", "env0", "prof0").profile().id());
        assertEquals("no AppConfig environment 'prdo' in chatbot; known: prod, staging",
                assertThrows(DeployException.NotFound.class, () -> Target.resolve(service, "chatbot", "prdo", null)).getMessage());
        assertEquals("no AppConfig application given: set appconfig.application in .modelctl.yaml or --application",
                assertThrows(DeployException.class, () -> Target.resolve(service, null, null, null)).getMessage());
        Target noEnv = Target.resolve(service, "chatbot", null, null);
        assertEquals("no environment given: use --env NAME (or appconfig.environment in .modelctl.yaml)",
                assertThrows(DeployException.class, noEnv::requireEnvironment).getMessage());
    }

    @Test
    void auditDescriptionsAreAsciiAndAtMost1024Characters() {
        assertEquals("deploy by J?rg: fix", AuditDescription.of("deploy by Jörg:\nfix".replace("\n", " ")));
        assertEquals("a b", AuditDescription.of("a\tb"));
        String long_ = AuditDescription.of("x".repeat(5000));
        assertEquals(1024, long_.length());
        assertEquals("...", long_.substring(1021));
        assertEquals("x".repeat(1024), AuditDescription.of("x".repeat(1024)), "exactly 1024 stays whole");
    }
}
