package dev.modelctl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.Fixture;
import dev.modelctl.testing.GitRepo;
import dev.modelctl.testing.NodeTools;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What CI consumes: SARIF that Microsoft's SARIF multitool accepts (installed from package.json), URIs relative to
 * the repository root or absolute outside it, fingerprints that survive line moves, approval teams and owners as JSON
 * fields, and every output file from one run.
 */
class CiOutputsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static String fixture(String name) {
        return Cli.repoRoot().resolve("cli/src/test/resources/" + name).toString();
    }

    /**
     * Runs the SARIF multitool's validate verb on {@code sarif} with its SARIF rules and its GitHub code-scanning rules
     * (GHxxxx); returns its results as "level ruleId: message".
     */
    private List<String> multitool(Path sarif) throws IOException {
        Path log = dir.resolve(sarif.getFileName() + ".validation.sarif");
        NodeTools.Run run = NodeTools.runExecutable(NodeTools.sarifMultitool(), dir, "validate", sarif.toString(),
                "--rule-kind", "Gh;Sarif", "--output", log.toString());
        assertEquals(0, run.exit(), run::output);
        assertTrue(Files.exists(log), run::output);
        List<String> results = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(log.toFile()).at("/runs/0/results")) {
            results.add(r.path("level").asText("warning") + " " + r.path("ruleId").asText() + ": " + r.at("/message/text").asText()
                    + " " + r.at("/message/arguments"));
        }
        return results;
    }

    private void assertValid(Path sarif) throws IOException {
        // not an error, not a warning: the multitool's whole default rule set passes
        assertEquals(List.of(), multitool(sarif), () -> "sarif-multitool validate " + sarif);
    }

    @Test
    void ruleAnalysisInsideTheRepositoryHasRelativeUrisAndValidates() throws IOException {
        Path sarif = dir.resolve("analysis.sarif");
        Cli.Result r = Cli.run("check", fixture("analysis/anomalies.yaml"), fixture("documents/unknown-model-id.yaml"),
                "--format", "github", "--sarif-file", sarif.toString());
        assertEquals(1, r.exit(), r::toString);
        assertValid(sarif);
        JsonNode run = MAPPER.readTree(sarif.toFile()).at("/runs/0");
        assertEquals(Cli.repoRoot().toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
        JsonNode first = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("cli/src/test/resources/analysis/anomalies.yaml", first.get("uri").asText());
        assertEquals("%SRCROOT%", first.get("uriBaseId").asText());
        JsonNode withRules = null;
        for (JsonNode result : run.get("results")) {
            if (result.at("/properties/rules").isArray() && result.at("/properties/witness").isObject()) {
                withRules = result;
                break;
            }
        }
        assertTrue(withRules != null, "a rule-analysis result carries rules and witness properties");
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            assertTrue(rule.at("/help/text").asText().startsWith(rule.get("id").asText() + ": "), rule::toString);
            assertTrue(rule.at("/help/markdown").asText().contains("**" + rule.get("id").asText() + "**"), rule::toString);
        }
    }

    @Test
    void approvalsAndImpactOutsideTheWorkingTreeUseFileUrisAndCarryTeamsAndOwners() throws Exception {
        TestFiles.copyTree(Fixture.ROOT.resolve("teams"), dir);
        GitRepo.initAndCommitAll(dir, "routing");
        Files.writeString(dir.resolve("teams/recs.yaml"), Files.readString(dir.resolve("teams/recs.yaml")).replace("model: haiku", "model: sonnet"));
        Path sarif = dir.resolve("out/check.sarif");
        Path json = dir.resolve("out/check.json");
        Cli.Result r = Cli.run("check", dir.resolve("routing.yaml").toString(), "--ownership", dir.resolve("ownership.yaml").toString(),
                "--base", "main", "--approved-by", "safety", "--format", "markdown", "--sarif-file", sarif.toString(), "--json-file", json.toString());
        assertEquals(1, r.exit(), r::toString);
        assertValid(sarif);
        JsonNode approval = null;
        for (Findings.Row f : Findings.of(Files.readString(json))) {
            if (f.check().equals("approval-required")) {
                approval = f.json();
            }
        }
        assertTrue(approval != null, json::toString);
        assertEquals("[\"recommendations\"]", approval.get("teams").toString());
        assertEquals("[\"@acme/recs\"]", approval.get("owners").toString());
        assertEquals("[\"recommendations\"]", approval.get("missing_approvals").toString());
        assertEquals("changed", approval.get("change").asText());
        JsonNode results = MAPPER.readTree(sarif.toFile()).at("/runs/0/results");
        JsonNode sarifApproval = null;
        for (JsonNode result : results) {
            assertEquals(dir.resolve(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText().contains("recs") ? "teams/recs.yaml" : "routing.yaml")
                    .toUri().toString(), result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
            assertFalse(result.at("/locations/0/physicalLocation/artifactLocation").has("uriBaseId"));
            if (result.get("ruleId").asText().equals("approval-required")) {
                sarifApproval = result;
            }
        }
        assertTrue(sarifApproval != null);
        assertEquals("[\"recommendations\"]", sarifApproval.at("/properties/teams").toString());
        assertEquals("[\"@acme/recs\"]", sarifApproval.at("/properties/owners").toString());
        assertEquals("[\"rec-premium\"]", sarifApproval.at("/properties/rules").toString());
        assertTrue(r.out().startsWith("### modelctl check: failed\n\n1 error, 0 warnings, 2 info in 1 document\n\n| request class |"), r.out());
    }

    @Test
    void fingerprintsSurviveLineMoves() throws IOException {
        Path doc = Files.copy(Path.of(fixture("analysis/anomalies.yaml")), dir.resolve("anomalies.yaml"));
        Path before = dir.resolve("before.sarif");
        Path after = dir.resolve("after.sarif");
        Cli.run("check", doc.toString(), "--format", "sarif", "--sarif-file", before.toString());
        Files.writeString(doc, "# three new lines\n# above every\n# finding\n" + Files.readString(doc));
        Cli.run("check", doc.toString(), "--format", "sarif", "--sarif-file", after.toString());
        JsonNode b = MAPPER.readTree(before.toFile()).at("/runs/0/results");
        JsonNode a = MAPPER.readTree(after.toFile()).at("/runs/0/results");
        assertEquals(b.size(), a.size());
        assertTrue(b.size() >= 3, b::toString);
        for (int i = 0; i < b.size(); i++) {
            assertEquals(b.get(i).at("/locations/0/physicalLocation/region/startLine").asInt() + 3,
                    a.get(i).at("/locations/0/physicalLocation/region/startLine").asInt());
            assertEquals(b.get(i).at("/partialFingerprints/modelctl~1v1").asText(), a.get(i).at("/partialFingerprints/modelctl~1v1").asText());
        }
        assertEquals(b.size(), a.findValuesAsText("modelctl/v1").stream().distinct().count(), "one fingerprint per result");
    }

    @Test
    void oneRunWritesEveryOutputAndTheyMatchTheFormats() throws IOException {
        String doc = fixture("analysis/anomalies.yaml");
        Path sarif = dir.resolve("a.sarif");
        Path md = dir.resolve("a.md");
        Path json = dir.resolve("a.json");
        Cli.Result all = Cli.run("check", doc, "--format", "github", "--sarif-file", sarif.toString(), "--summary-file", md.toString(),
                "--json-file", json.toString());
        assertEquals(Cli.run("check", doc, "--format", "github").out(), all.out());
        assertEquals(Cli.run("check", doc, "--format", "sarif").out(), Files.readString(sarif));
        assertEquals(Cli.run("check", doc, "--format", "markdown").out(), Files.readString(md));
        assertEquals(Cli.run("check", doc, "--format", "json").out(), Files.readString(json));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("a.json", "a.md", "a.sarif"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void anUnwritableOutputFileIsOneLineAndExit2() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        Cli.Result r = Cli.run("check", fixture("analysis/anomalies.yaml"), "--sarif-file", blocker.resolve("x.sarif").toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modelctl: " + blocker.resolve("x.sarif") + ": cannot write: "), r.err());
    }
}
