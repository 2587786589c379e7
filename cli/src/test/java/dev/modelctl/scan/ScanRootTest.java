package dev.modelctl.scan;

import dev.modelctl.core.features.scan.ScanStats;
import dev.modelctl.git.ScanSources;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scan PATHS} (what pre-commit runs) finds the repository's top without opening it with JGit
 * (ScanSources.openForPaths), and finds the same top JGit finds: from a subdirectory, in a worktree or submodule (a
 * {@code .git} file) and past a stray {@code .git} directory that is no repository as git and JGit find it, and
 * outside any repository.
 */
class ScanRootTest {
    private static final String ID = "anthropic.claude-3-haiku-20240307-v1:0";

    @TempDir
    Path dir;

    /** The top openForPaths finds from {@code cwd}, checked against what JGit finds and what {@code git rev-parse} says. */
    private static Path rootFor(Path cwd) throws Exception {
        Path fast = ScanSources.openForPaths(cwd, new ScanStats()).root();
        try (ScanSources jgit = ScanSources.open(cwd, new ScanStats())) {
            assertEquals(jgit.root(), fast, "the top JGit finds from " + cwd);
        }
        assertEquals(git(cwd, "rev-parse", "--show-toplevel"), fast.toRealPath().toString(), "the top git finds from " + cwd);
        return fast;
    }

    private static String git(Path cwd, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        return out;
    }

    @Test
    void theTopIsWhereGitAndJGitFindIt() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("README"), "x\n");
        GitRepo.initAndCommitAll(repo, "first");
        Path deep = Files.createDirectories(repo.resolve("src/app"));
        assertEquals(repo, rootFor(repo));
        assertEquals(repo, rootFor(deep));

        // a linked worktree: its .git is a file naming the git directory
        git(repo, "worktree", "add", "-q", dir.resolve("wt").toString());
        Path inWorktree = Files.createDirectories(dir.resolve("wt/sub"));
        assertTrue(Files.isRegularFile(dir.resolve("wt/.git")));
        assertEquals(dir.resolve("wt"), rootFor(inWorktree));

        // a directory named .git that is not a repository is passed over, as git and JGit pass it over
        Path stray = Files.createDirectories(repo.resolve("vendor/lib"));
        Files.createDirectories(repo.resolve("vendor/.git"));
        assertEquals(repo, rootFor(stray));

        Path outside = Files.createDirectories(dir.resolve("plain/dir"));
        assertEquals(outside, ScanSources.openForPaths(outside, new ScanStats()).root());
    }

    /** Through the CLI from a subdirectory: findings carry repository-relative paths, with and without GIT_DIR. */
    @Test
    void findingsAreReportedFromTheTop() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        GitRepo.init(repo).close();
        Path src = Files.createDirectories(repo.resolve("src"));
        Files.writeString(src.resolve("client.py"), "MODEL = \"" + ID + "\"\n");
        Files.writeString(repo.resolve(".modelctl.yaml"), "scan:\n  allow: []\n");
        Cli.Result fromSrc = Cli.runIn(src, "scan", "client.py", "--no-baseline", "--format", "github");
        assertEquals(1, fromSrc.exit(), fromSrc.err());
        assertEquals(List.of("::error file=src/client.py,line=1,col=10,title=modelctl hardcoded-model-id::hard-coded Bedrock model ID '"
                + ID + "' in src/client.py:1"), fromSrc.out().lines().filter(l -> l.startsWith("::error")).map(l -> l.replaceAll("%0A.*", "")).toList());
        // GIT_DIR set: JGit opens the repository and decides the top, as before this fast path (its work tree)
        Cli.Result withGitDir = Cli.runIn(src, Map.of("GIT_DIR", repo.resolve(".git").toString()), 60, "scan", "client.py", "--no-baseline", "--format", "github");
        assertEquals(1, withGitDir.exit(), withGitDir.err());
        assertEquals(List.of("::error file=src/client.py,line=1,col=10,title=modelctl hardcoded-model-id::hard-coded Bedrock model ID '"
                + ID + "' in src/client.py:1"), withGitDir.out().lines().filter(l -> l.startsWith("::error")).map(l -> l.replaceAll("%0A.*", "")).toList());
    }
}
