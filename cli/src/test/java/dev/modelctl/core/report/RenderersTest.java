package dev.modelctl.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Report sample() {
        Map<String, String> witness = new LinkedHashMap<>();
        witness.put("task_type", "recommendation");
        witness.put("user_segment", "premium");
        return new Report("check", List.of(
                Finding.of(Check.UNKNOWN_MODEL_ID, "routing/b config.yaml", 12, 15, "model 'x': 'foo' is not a known Bedrock model ID", "did you mean 'bar'?"),
                new Finding(Check.PRIORITY_CONFLICT, Severity.ERROR, "routing/a.yaml", 30, 5,
                        "rules rec-cost (line 30) and rec-latency (line 40) both have priority 10, and can match one request", "give them distinct priorities",
                        List.of("rec-cost", "rec-latency"), witness),
                Finding.of(Check.OVERRIDE_EXPIRED, "routing/a.yaml", 0, 0, "expired: 50%, a, b", null)), "2 documents");
    }

    private static String render(Format format, boolean color) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.renderer(color).render(sample(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textIsSortedPlainAndHasASummary() {
        String text = render(Format.TEXT, false);
        assertEquals("""
                routing/a.yaml: warning [override-expired] expired: 50%, a, b
                routing/a.yaml:30:5: error [priority-conflict] rules rec-cost (line 30) and rec-latency (line 40) both have priority 10, and can match one request
                    witness: {task_type: recommendation, user_segment: premium}
                    hint: give them distinct priorities
                routing/b config.yaml:12:15: error [unknown-model-id] model 'x': 'foo' is not a known Bedrock model ID
                    hint: did you mean 'bar'?
                2 errors, 1 warning, 0 info in 2 documents
                """, text);
        assertFalse(text.contains("\u001B["));
        assertTrue(render(Format.TEXT, true).contains("\u001B[31merror\u001B[0m"));
    }

    @Test
    void streamedJsonIsTheTreeRenderingByteForByte() {
        assertEquals(JsonRenderer.toJson(sample()).toPrettyString() + "\n", render(Format.JSON, false));
        Report empty = new Report("check", List.of(), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JsonRenderer().render(empty, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(JsonRenderer.toJson(empty).toPrettyString() + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasTheSpecShape() throws Exception {
        JsonNode root = MAPPER.readTree(render(Format.JSON, false));
        JsonNode conflict = root.get("findings").get(1);
        assertEquals("priority-conflict", conflict.get("check").asText());
        assertEquals("error", conflict.get("severity").asText());
        assertEquals("routing/a.yaml", conflict.get("file").asText());
        assertEquals(30, conflict.get("line").asInt());
        assertEquals(5, conflict.get("column").asInt());
        assertEquals("give them distinct priorities", conflict.get("hint").asText());
        assertEquals("[\"rec-cost\",\"rec-latency\"]", conflict.get("rules").toString());
        assertEquals("{\"task_type\":\"recommendation\",\"user_segment\":\"premium\"}", conflict.get("witness").toString());
        assertFalse(root.get("findings").get(0).has("hint"));
        assertEquals(1, root.get("summary").get("exit_code").asInt());
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = MAPPER.readTree(render(Format.SARIF, false));
        Schema schema;
        try (InputStream in = RenderersTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("modelctl", run.at("/tool/driver/name").asText());
        JsonNode result = run.get("results").get(2);
        assertEquals("unknown-model-id", result.get("ruleId").asText());
        assertEquals("routing/b%20config.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(12, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(15, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals(run.at("/tool/driver/rules").get(result.get("ruleIndex").asInt()).get("id").asText(), "unknown-model-id");
        assertEquals("warning", run.get("results").get(0).get("level").asText());
        assertEquals("{\"startLine\":1}", run.get("results").get(0).at("/locations/0/physicalLocation/region").toString());
    }

    @Test
    void githubAnnotationsEscapeDataAndProperties() {
        String gh = render(Format.GITHUB, false);
        List<String> lines = gh.lines().toList();
        assertEquals("::warning file=routing/a.yaml,title=modelctl override-expired::expired: 50%25, a, b", lines.get(0));
        assertEquals("::error file=routing/a.yaml,line=30,col=5,title=modelctl priority-conflict::rules rec-cost (line 30) and rec-latency (line 40) "
                + "both have priority 10, and can match one request%0Agive them distinct priorities", lines.get(1));
        assertTrue(lines.get(2).startsWith("::error file=routing/b config.yaml,line=12,col=15,"), lines.get(2));
    }

    @Test
    void markdownIsATable() {
        String md = render(Format.MARKDOWN, false);
        assertTrue(md.startsWith("### modelctl check: failed\n"), md);
        assertTrue(md.contains("| severity | check | location | message | hint |"));
        assertTrue(md.contains("| error | `unknown-model-id` | `routing/b config.yaml:12:15` | model 'x': 'foo' is not a known Bedrock model ID | did you mean 'bar'? |"), md);
    }
}
