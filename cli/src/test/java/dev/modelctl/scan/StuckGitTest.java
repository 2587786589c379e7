package dev.modelctl.scan;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A git binary that never answers (stuck on a lock, a network mount) must not hang a commit: the work-tree lookup
 * gives up after 30 s and scan --staged reads the index with JGit, with the same finding.
 */
class StuckGitTest {
    @Test
    void scanStagedFallsBackToJGitWhenGitHangs(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        try (GitRepo r = GitRepo.init(repo)) {
            Files.writeString(repo.resolve("client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
            r.add("client.py");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path git = bin.resolve("git");
        // rev-parse never returns; anything else (the version probe) fails, so only JGit is left
        Files.writeString(git, "#!/bin/sh\nif [ \"$1\" = rev-parse ]; then exec sleep 600; fi\nexit 1\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        long start = System.nanoTime();
        Cli.Result r = Cli.runIn(repo, Map.of("PATH", bin + ":" + System.getenv("PATH")), 120, "scan", "--staged");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("client.py:1:10: error [hardcoded-model-id] hard-coded Bedrock model ID "
                + "'anthropic.claude-3-haiku-20240307-v1:0' in client.py:1"), r.out());
        assertTrue(seconds >= 29 && seconds < 90, "took " + seconds + " s");
    }
}
