package dev.modelctl.team;

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

import static dev.modelctl.testing.TestFiles.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check --base REF} on real repositories whose commits the test makes with JGit, including shallow clones. */
class BaseRefTest {
    @TempDir
    Path dir;

    @BeforeEach
    void repositoryWithTheTeamsFixture() throws Exception {
        TestFiles.copyTree(Fixture.ROOT.resolve("teams"), dir);
        GitRepo.initAndCommitAll(dir, "routing");
    }

    /** {@code check} in {@code root} as JSON: one row per finding (check, severity, file:line:col, message), then the exit code and stderr. */
    private static List<String> check(Path root, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", root.resolve("routing.yaml").toString(),
                "--ownership", root.resolve("ownership.yaml").toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        List<String> rows = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            if (f.check().equals("routing-change")) {
                continue; // the routing and cost impact of these changes is asserted in impact/PullRequestImpactTest
            }
            rows.add(f.located(root) + " " + f.message());
        }
        rows.add("exit " + r.exit());
        rows.add("stderr " + r.err().strip());
        return rows;
    }

    @Test
    void unchangedRulesNeedNoApproval() throws IOException {
        edit(dir.resolve("routing.yaml"), "version: 1", "# reformatted, same rules\nversion: 1");
        assertEquals(List.of("exit 0", "stderr no rule changes since main: no approvals needed"), check(dir, "--base", "main"));
    }

    @Test
    void addedRuleNeedsItsTeam() throws IOException {
        Files.writeString(dir.resolve("teams/recs.yaml"), Files.readString(dir.resolve("teams/recs.yaml"))
                + "  - {rule_id: rec-trial, priority: 220, conditions: {task_type: recommendation, user_segment: trial}, model: sonnet}\n");
        assertEquals(List.of(
                "approval-required info teams/recs.yaml:3:5 rule rec-trial added since main: approval required from recommendations (@acme/recs)",
                "exit 0", "stderr approvals required since main: recommendations (@acme/recs)"), check(dir, "--base", "main"));
        assertEquals(List.of(
                "approval-required error teams/recs.yaml:3:5 rule rec-trial added since main: needs approval from recommendations",
                "exit 1", "stderr approvals required since main: recommendations (@acme/recs)"), check(dir, "--base", "main", "--approved-by", "safety"));
    }

    @Test
    void removalIsReportedInTheFileItWasRemovedFrom() throws IOException {
        Files.writeString(dir.resolve("teams/safety.yaml"), "rules: []\n");
        assertEquals(List.of(
                "approval-required error teams/safety.yaml:1:1 rule safety-mod removed since main: needs approval from safety",
                "exit 1", "stderr approvals required since main: safety (@acme/safety)"), check(dir, "--base", "main", "--approved-by", "core-ml"));
    }

    @Test
    void moveBetweenFilesAndOwnershipChangeNeedBothTeams() throws Exception {
        // core-default-rec leaves the base document for the recommendations team's file, and the team takes it over
        edit(dir.resolve("routing.yaml"), "  - {rule_id: core-default-rec, priority: 150, conditions: {task_type: recommendation, user_segment: free}, model: sonnet}\n", "");
        edit(dir.resolve("routing.yaml"), "rules:\n", "rules: []\n");
        Files.writeString(dir.resolve("teams/recs.yaml"), Files.readString(dir.resolve("teams/recs.yaml"))
                + "  - {rule_id: core-default-rec, priority: 250, conditions: {task_type: recommendation, user_segment: free}, model: sonnet}\n");
        edit(dir.resolve("ownership.yaml"), "rule_patterns: [\"rec-*\"]", "rule_patterns: [\"rec-*\", \"core-default-rec\"]");
        edit(dir.resolve("ownership.yaml"), "rule_patterns: [\"core-*\"]", "rule_patterns: [\"core-ml-*\"]");
        String moved = "rule core-default-rec moved since main (priority 150 -> 250, moved from " + dir.resolve("routing.yaml") + " to "
                + dir.resolve("teams/recs.yaml") + ", owner core-ml -> recommendations)";
        assertEquals(List.of("approval-required info teams/recs.yaml:3:5 " + moved
                        + ": approval required from recommendations (@acme/recs); core-ml (@acme/core-ml)",
                "exit 0", "stderr approvals required since main: core-ml (@acme/core-ml); recommendations (@acme/recs)"),
                check(dir, "--base", "main"));
        assertEquals(List.of("approval-required error teams/recs.yaml:3:5 " + moved + ": needs approval from core-ml", "exit 1",
                        "stderr approvals required since main: core-ml (@acme/core-ml); recommendations (@acme/recs)"),
                check(dir, "--base", "main", "--approved-by", "recommendations"));
        assertEquals(List.of("exit 0", "stderr approvals required since main: core-ml (@acme/core-ml); recommendations (@acme/recs)"),
                check(dir, "--base", "main", "--approved-by", "recommendations,core-ml"));
    }

    @Test
    void olderRevisionsByAnyRevisionSyntax() throws Exception {
        try (GitRepo git = GitRepo.open(dir)) {
            edit(dir.resolve("teams/recs.yaml"), "model: haiku", "model: sonnet");
            git.commitAll("recs on sonnet");
        }
        assertEquals(List.of("exit 0", "stderr no rule changes since HEAD: no approvals needed"), check(dir, "--base", "HEAD"));
        List<String> rows = check(dir, "--base", "HEAD~1");
        assertEquals("approval-required info teams/recs.yaml:2:5 rule rec-premium changed since HEAD~1 (model haiku -> sonnet): "
                + "approval required from recommendations (@acme/recs)", rows.get(0));
    }

    @Test
    void shallowCloneWorksOnceTheBaseIsFetched() throws Exception {
        try (GitRepo git = GitRepo.open(dir)) {
            git.checkoutNewBranch("feature");
            edit(dir.resolve("teams/recs.yaml"), "model: haiku", "model: sonnet");
            git.commitAll("recs on sonnet");
        }
        Path clone = dir.resolveSibling(dir.getFileName() + "-clone");
        try (GitRepo shallow = GitRepo.shallowClone(dir, "feature", clone)) {
            Cli.Result missing = Cli.run("check", clone.resolve("routing.yaml").toString(), "--ownership", clone.resolve("ownership.yaml").toString(),
                    "--base", "origin/main");
            assertEquals(2, missing.exit(), missing::toString);
            assertEquals("modelctl: --base origin/main: no such revision in " + clone.toRealPath()
                    + " (in a shallow CI checkout, fetch it first: git fetch --depth=1 origin main)\n", missing.err());
            Cli.Result parent = Cli.run("check", clone.resolve("routing.yaml").toString(), "--ownership", clone.resolve("ownership.yaml").toString(),
                    "--base", "HEAD~1");
            assertEquals(2, parent.exit(), parent::toString);
            assertTrue(parent.err().startsWith("modelctl: --base HEAD~1: no such revision in "), parent.err());

            shallow.fetchShallow("main");
            List<String> rows = check(clone, "--base", "origin/main");
            assertEquals(List.of("approval-required info teams/recs.yaml:2:5 rule rec-premium changed since origin/main (model haiku -> sonnet): "
                            + "approval required from recommendations (@acme/recs)", "exit 0",
                    "stderr approvals required since origin/main: recommendations (@acme/recs)"), rows);
        } finally {
            try (Stream<Path> files = Files.walk(clone)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void outsideARepositoryIsAClearError() throws IOException {
        Path plain = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-plain"));
        try {
            Files.copy(dir.resolve("routing.yaml"), plain.resolve("routing.yaml"));
            Cli.Result r = Cli.run("check", plain.resolve("routing.yaml").toString(), "--base", "main");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().matches("modelctl: --base main: .* is not inside a git repository\\n"), r.err());
        } finally {
            Files.delete(plain.resolve("routing.yaml"));
            Files.delete(plain);
        }
    }
}
