package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How a run ends (Main): the hook commands halt after flushing, which skips shutdown hooks, so a run that used JGit
 * must exit instead: JGit saves its file-system measurements to the user's JGit config and deletes the lock files it
 * holds in a shutdown hook (JGitUse). Each run is a child JVM whose own shutdown hook writes a marker file, as JGit's
 * would do its work.
 */
class ShutdownTest {
    /** Registers a shutdown hook that writes {@code args[0]}, then runs {@code Main.main} on the rest. */
    public static final class WithShutdownMarker {
        public static void main(String[] args) {
            Path marker = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(marker, "shutdown hooks ran\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            Main.main(Arrays.copyOfRange(args, 1, args.length));
        }
    }

    /** The exit code, and whether the JVM ran its shutdown hooks, of {@code modelctl args} in {@code cwd}. */
    private static List<Object> end(Path cwd, String... args) throws Exception {
        Path marker = cwd.resolve("hooks-ran.marker");
        Files.deleteIfExists(marker);
        List<String> all = new ArrayList<>(List.of(marker.toString()));
        all.addAll(List.of(args));
        Process p = new ProcessBuilder(Cli.javaCommand(List.of(), WithShutdownMarker.class.getName(), all)).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("modelctl " + String.join(" ", args) + " did not finish");
        }
        return List.of(p.exitValue(), Files.exists(marker) ? "hooks ran" : "halted");
    }

    @Test
    void runsThatUsedJGitExitAndTheHookPathsHalt(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("model_routing_config.yaml");
        Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), doc);
        Files.writeString(dir.resolve("client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        GitRepo.initAndCommitAll(dir, "first");
        // JGit opened the repository: its shutdown work must run
        assertEquals(List.of(0, "hooks ran"), end(dir, "check", "--base", "HEAD", doc.toString()));
        assertEquals(List.of(0, "hooks ran"), end(dir, "scan", "--since", "HEAD", "--no-baseline"));
        assertEquals(List.of(1, "hooks ran"), end(dir, "scan", "--no-baseline"));
        // the hook paths read no repository with JGit, and halt (what saves them the JDK logger's set-up)
        assertEquals(List.of(0, "halted"), end(dir, "check", doc.toString()));
        assertEquals(List.of(0, "halted"), end(dir, "validate", doc.toString()));
        assertEquals(List.of(1, "halted"), end(dir, "scan", "client.py", "--no-baseline"));
    }
}
