package dev.modelctl.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.Fixture;
import dev.modelctl.testing.GitRepo;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static dev.modelctl.testing.TestFiles.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams, per-team rule files, build, codeowners, route and check --base, on real files and a real git repository. */
class TeamsBuildRouteTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    Path routing;
    Path ownership;

    @BeforeEach
    void copyFixture() throws IOException {
        TestFiles.copyTree(Fixture.ROOT.resolve("teams"), dir);
        routing = dir.resolve("routing.yaml");
        ownership = dir.resolve("ownership.yaml");
    }

    private List<String> check(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", routing.toString(), "--ownership", ownership.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        List<String> rows = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            if (f.check().equals("routing-change")) {
                continue; // the cost impact of --base is asserted in impact/PullRequestImpactTest
            }
            rows.add(f.check() + " " + f.file(dir) + ":" + f.line() + " " + f.get("rules"));
        }
        rows.add("exit " + r.exit());
        return rows;
    }

    @Test
    void cleanFixtureHasNoFindings() throws IOException {
        assertEquals(List.of("exit 0"), check());
    }

    @Test
    void overlappingRangesAreReportedAtTheLaterRange() throws IOException {
        edit(ownership, "priority_range: [101, 200]", "priority_range: [90, 200]");
        assertEquals(List.of("team-range-overlap ownership.yaml:8 null", "exit 1"), check());
    }

    @Test
    void ruleOutsideItsTeamsRange() throws IOException {
        edit(dir.resolve("teams/recs.yaml"), "priority: 210", "priority: 310");
        assertEquals(List.of("rule-outside-team-range teams/recs.yaml:2 [\"rec-premium\"]", "exit 1"), check());
    }

    @Test
    void unownedAndMultiplyOwnedRules() throws IOException {
        edit(routing, "rule_id: core-default-rec", "rule_id: misc-default-rec");
        edit(ownership, "rule_patterns: [\"rec-*\"]", "rule_patterns: [\"rec-*\", \"*-premium\"]");
        edit(ownership, "rule_patterns: [\"safety-*\"]", "rule_patterns: [\"safety-*\", \"rec-prem*\"]");
        assertEquals(List.of("unowned-rule routing.yaml:10 [\"misc-default-rec\"]", "multiply-owned-rule teams/recs.yaml:2 [\"rec-premium\"]", "exit 1"), check());
    }

    @Test
    void ruleInAnotherTeamsFile() throws IOException {
        Files.writeString(dir.resolve("teams/safety.yaml"), Files.readString(dir.resolve("teams/safety.yaml"))
                + "  - {rule_id: rec-eu, priority: 250, conditions: {task_type: recommendation, user_segment: trial}, model: sonnet}\n");
        assertEquals(List.of("rule-in-wrong-team-file teams/safety.yaml:3 [\"rec-eu\"]", "exit 1"), check());
    }

    @Test
    void analysisSpansTeamFilesAndNamesTheOtherFile() throws IOException {
        edit(routing, "user_segment: free}", "user_segment: [free, premium]}");
        Cli.Result r = Cli.run("check", routing.toString(), "--ownership", ownership.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("recs.yaml:2:5: error [shadowed-rule] rule rec-premium (line 2, priority 210) can never fire: "
                + "core-default-rec (" + routing + ":10, priority 150) matches every request it matches"), r.out());
    }

    @Test
    void buildIsDeterministicAndOrdered() throws IOException {
        Path out1 = dir.resolve("out/one.json");
        Path out2 = dir.resolve("out/two.json");
        assertEquals(0, Cli.run("build", routing.toString(), "--ownership", ownership.toString(), "--out", out1.toString()).exit());
        // same content, different order of keys, values and files
        edit(dir.resolve("teams/recs.yaml"), "{rule_id: rec-premium, priority: 210, conditions: {task_type: recommendation, user_segment: premium}, model: haiku}",
                "{model: haiku, conditions: {user_segment: premium, task_type: recommendation}, priority: 210, rule_id: rec-premium}");
        edit(ownership, "files: [teams/recs.yaml]", "files: [./teams/recs.yaml]");
        assertEquals(0, Cli.run("build", routing.toString(), "--ownership", ownership.toString(), "--out", out2.toString()).exit());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2));
        JsonNode merged = MAPPER.readTree(out1.toFile());
        List<String> ids = new ArrayList<>();
        merged.get("rules").forEach(r -> ids.add(r.get("rule_id").asText()));
        assertEquals(List.of("safety-mod", "core-default-rec", "rec-premium"), ids);
        // an ordinary file (umask applies), not the owner-only mode of a temporary file; a rebuild keeps the mode
        if (Files.getFileStore(out1).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Path ordinary = Files.createFile(dir.resolve("out/ordinary"));
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(out1));
            Files.setPosixFilePermissions(out1, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
            assertEquals(0, Cli.run("build", routing.toString(), "--ownership", ownership.toString(), "--out", out1.toString()).exit());
            assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out1)));
        }
        String text = Files.readString(out1);
        assertTrue(text.startsWith("{\n  \"defaults\": {\n    \"model\": \"haiku\"\n  },\n"), text);
        assertFalse(text.contains("\r"));
        // the merged document is itself a valid routing document
        assertEquals(0, Cli.run("check", out1.toString()).exit());
    }

    @Test
    void buildRefusesBlockingFindingsAndWritesNothing() throws IOException {
        edit(dir.resolve("teams/recs.yaml"), "priority: 210", "priority: 150");
        Path out = dir.resolve("merged.json");
        Cli.Result r = Cli.run("build", routing.toString(), "--ownership", ownership.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("build: blocking findings; nothing written to " + out), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void codeownersListsTeamFiles() {
        Cli.Result r = Cli.run("ownership", "codeowners", "--ownership", ownership.toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).endsWith("teams/safety.yaml @acme/safety"), lines.get(0));
        assertTrue(lines.get(1).endsWith("teams/recs.yaml @acme/recs"), lines.get(1));
    }

    @Test
    void routeExplainsEveryRuleAndTheFallbacks() {
        Path example = Cli.repoRoot().resolve("templates/model_routing_config.example.yaml");
        Cli.Result r = Cli.run("route", example.toString(), "--set", "task_type=product_recommendation", "--set", "user_segment=trial", "--explain");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals("model: claude_haiku (us.anthropic.claude-haiku-4-5-20251001-v1:0, max_tokens 4096, temperature 0.2)", lines.get(0));
        assertEquals("via:   rule rec-free (priority 220, line 75)", lines.get(1));
        assertTrue(r.out().contains(" - rec-premium                  priority 210    line 68    user_segment = trial, rule wants [premium] -> claude_sonnet"), r.out());
        assertTrue(r.out().contains("=> rec-free"), r.out());

        Cli.Result fallback = Cli.run("route", example.toString(), "--set", "task_type=intent_classify", "--set", "region=eu-west-1");
        assertTrue(fallback.out().startsWith("model: nova_lite"), fallback.out());
        Cli.Result useCase = Cli.run("route", example.toString(), "--set", "task_type=moderation", "--set", "region=us-east-1", "--explain");
        assertTrue(useCase.out().contains("no rule matched: use case 'moderation' picks 'claude_haiku'"), useCase.out());
        Cli.Result nothing = Cli.run("route", example.toString(), "--explain");
        assertTrue(nothing.out().contains("via:   defaults.model (no rule or use case matched)"), nothing.out());
    }

    @Test
    void routeMergesTheTeamRuleFiles() throws IOException {
        Cli.Result r = Cli.run("route", routing.toString(), "--ownership", ownership.toString(),
                "--set", "task_type=recommendation", "--set", "user_segment=premium", "--explain");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(
                "model: haiku (us.anthropic.claude-haiku-4-5-20251001-v1:0, max_tokens 4096)",
                "via:   rule rec-premium (priority 210, " + dir.resolve("teams/recs.yaml") + ":2)",
                "",
                "request: {task_type=recommendation, user_segment=premium}",
                "rules in priority order:",
                " - safety-mod                   priority 10     " + dir.resolve("teams/safety.yaml") + ":2 task_type = recommendation, rule wants [moderation] -> sonnet",
                " - core-default-rec             priority 150    line 10    user_segment = premium, rule wants [free] -> sonnet",
                "=> rec-premium                  priority 210    " + dir.resolve("teams/recs.yaml") + ":2 matched, wins -> haiku"), r.out().lines().toList());

        Files.writeString(dir.resolve("teams/recs.yaml"), "rules:\n  - {rule_id: rec-premium, priority: 210\n");
        Cli.Result broken = Cli.run("route", routing.toString(), "--ownership", ownership.toString(), "--set", "task_type=recommendation");
        assertEquals(2, broken.exit(), broken::toString);
        assertTrue(broken.err().startsWith("modelctl: " + dir.resolve("teams/recs.yaml") + ":"), broken.err());
        assertEquals("", broken.out());
    }

    @Test
    void badRouteAndCheckFlagsAreOneLineExit2() {
        String doc = routing.toString();
        assertEquals(new Cli.Result(2, "", "modelctl: route: --set 'task_type' must look like attribute=value\n"),
                Cli.run("route", doc, "--set", "task_type"));
        // --now and --format are typed options: a bad value is picocli's usage error, the message and the help pointer
        assertEquals(new Cli.Result(2, "", "modelctl: Invalid value for option '--now': 'tomorrow' is not an RFC 3339 time (e.g. 2026-11-23T10:00:00Z)\n"
                + "Try 'modelctl route --help' for more information.\n"), Cli.run("route", doc, "--now", "tomorrow"));
        assertEquals(new Cli.Result(2, "", "modelctl: Invalid value for option '--format': expected one of [TEXT, JSON] (case-insensitive) but was 'sarif'\n"
                + "Try 'modelctl route --help' for more information.\n"), Cli.run("route", doc, "--format", "sarif"));
        assertEquals(new Cli.Result(2, "", "modelctl: " + dir.resolve("nope.yaml") + ": no such file\n"),
                Cli.run("route", dir.resolve("nope.yaml").toString()));
        assertEquals(new Cli.Result(2, "", "modelctl: check: --approved-by needs --base REF\n"),
                Cli.run("check", doc, "--approved-by", "safety"));
    }

    @Test
    void routeAppliesAnActiveCostOverrideAndReportsTies() throws IOException {
        Path doc = Files.writeString(dir.resolve("o.yaml"), """
                version: 1
                models:
                  big: {model_id: amazon.nova-pro-v1:0, max_tokens: 100}
                  small: {model_id: amazon.nova-micro-v1:0, max_tokens: 100}
                  tiny: {model_id: us.amazon.nova-lite-v1:0, max_tokens: 100}
                defaults: {model: big}
                use_cases:
                  chat: {model: big, cost_override_model: tiny}
                rules:
                  - {rule_id: b-rule, priority: 1, conditions: {task_type: chat}, model: big}
                  - {rule_id: a-rule, priority: 1, conditions: {task_type: chat}, model: big}
                cost_override:
                  active: true
                  use_cases: []
                  model: small
                  reason: drill
                  engineer: oncall
                  started_at: 2026-11-23T10:00:00Z
                  expires_at: 2026-11-23T14:00:00Z
                """);
        Cli.Result during = Cli.run("route", doc.toString(), "--set", "task_type=chat", "--now", "2026-11-23T11:00:00Z", "--format", "json");
        JsonNode j = MAPPER.readTree(during.out());
        assertEquals("tiny", j.get("model").asText());
        assertEquals("big", j.get("routed_model").asText());
        assertEquals("a-rule", j.get("rule").asText());
        assertEquals("[\"b-rule\"]", j.get("conflict_with").toString());
        assertTrue(j.get("cost_override_applied").asBoolean());
        Cli.Result other = Cli.run("route", doc.toString(), "--set", "task_type=search", "--now", "2026-11-23T11:00:00Z", "--format", "json");
        assertEquals("small", MAPPER.readTree(other.out()).get("model").asText());
        Cli.Result after = Cli.run("route", doc.toString(), "--set", "task_type=chat", "--now", "2026-11-23T15:00:00Z", "--format", "json");
        assertEquals("big", MAPPER.readTree(after.out()).get("model").asText());
        assertFalse(MAPPER.readTree(after.out()).get("cost_override_applied").asBoolean());
    }

    @Test
    void baseComparesRulesInARealRepositoryAndRequiresApprovals() throws Exception {
        GitRepo.initAndCommitAll(dir, "routing");
        edit(dir.resolve("teams/recs.yaml"), "model: haiku", "model: sonnet");          // changed: recommendations
        Files.writeString(dir.resolve("teams/safety.yaml"), "rules: []\n");             // removed: safety
        List<String> rows = check("--base", "main");
        assertEquals(List.of("approval-required teams/recs.yaml:2 [\"rec-premium\"]", "approval-required teams/safety.yaml:1 [\"safety-mod\"]", "exit 0"), rows);
        Cli.Result text = Cli.run("check", routing.toString(), "--ownership", ownership.toString(), "--base", "main");
        assertTrue(text.out().contains("rule rec-premium changed since main (model haiku -> sonnet): approval required from recommendations (@acme/recs)"), text.out());
        assertTrue(text.out().contains("rule safety-mod removed since main: approval required from safety (@acme/safety)"), text.out());
        assertEquals("approvals required since main: recommendations (@acme/recs); safety (@acme/safety)\n", text.err());

        List<String> partly = check("--base", "main", "--approved-by", "recommendations");
        assertEquals(List.of("approval-required teams/safety.yaml:1 [\"safety-mod\"]", "exit 1"), partly);
        assertEquals(List.of("exit 0"), check("--base", "main", "--approved-by", "recommendations,safety"));

        Cli.Result missing = Cli.run("check", routing.toString(), "--ownership", ownership.toString(), "--base", "no-such-branch");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("modelctl: --base no-such-branch: no such revision in "), missing.err());
    }

    @Test
    void baseWorksInAShallowCloneOnceTheRefIsFetched(@TempDir Path clones) throws Exception {
        try (GitRepo origin = GitRepo.init(dir)) {
            origin.commitAll("routing").checkoutNewBranch("feature");
            edit(dir.resolve("teams/recs.yaml"), "model: haiku", "model: sonnet");
            origin.commitAll("recs to sonnet");
        }
        Path ci = clones.resolve("ci");
        try (GitRepo clone = GitRepo.shallowClone(dir, "feature", ci)) {
            Path doc = ci.resolve("routing.yaml");
            Path own = ci.resolve("ownership.yaml");
            Cli.Result missing = Cli.run("check", doc.toString(), "--ownership", own.toString(), "--base", "origin/main");
            assertEquals(2, missing.exit(), missing::toString);
            assertTrue(missing.err().contains("no such revision") && missing.err().contains("git fetch --depth=1 origin main)"), missing.err());
            clone.fetchShallow("main");
            Cli.Result r = Cli.run("check", doc.toString(), "--ownership", own.toString(), "--base", "origin/main", "--approved-by", "core-ml");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.out().contains("rule rec-premium changed since origin/main (model haiku -> sonnet): needs approval from recommendations"), r.out());
        }
    }
}
