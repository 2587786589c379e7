package dev.modelctl.robust;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The git binary, for repository states (worktrees, GIT_INDEX_FILE, corrupt indexes) that the scan must read as git does. */
final class Git {
    private Git() {
    }

    static void init(Path repo) throws Exception {
        run(repo, "init", "-q", "-b", "main");
        run(repo, "config", "user.email", "dev@example.com");
        run(repo, "config", "user.name", "Dev");
        run(repo, "config", "core.quotepath", "false");
    }

    static String run(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> "git " + String.join(" ", args) + ": " + out);
        return out;
    }
}
