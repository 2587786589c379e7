package dev.modelctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The validators the repository's package.json pins (sarif-multitool, action-validator), installed with {@code npm ci}
 * into the gitignored {@code node_modules/} on first use, so {@code mvn verify} runs them on a fresh clone too.
 */
public final class NodeTools {
    private NodeTools() {
    }

    /** The output of one tool run. */
    public record Run(int exit, String output) {
    }

    /** Path of an installed tool's launcher, installing the pinned packages first when needed. */
    public static synchronized Path tool(String name) {
        Path root = Cli.repoRoot();
        Path bin = root.resolve("node_modules/.bin/" + name);
        if (!Files.isExecutable(bin)) {
            Run install = exec(root, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            if (install.exit() != 0 || !Files.isExecutable(bin)) {
                throw new IllegalStateException("npm ci in " + root + " did not install " + name + " (exit " + install.exit() + "):\n" + install.output());
            }
        }
        return bin;
    }

    /**
     * The SARIF multitool's own executable (what its npm launcher runs through a shell, which would split a
     * {@code "Gh;Sarif"} argument at the semicolon).
     */
    public static Path sarifMultitool() {
        tool("sarif-multitool");
        Run where = exec(Cli.repoRoot(), List.of("node", "-p", "require('@microsoft/sarif-multitool')"), 60);
        if (where.exit() != 0) {
            throw new IllegalStateException("cannot locate the sarif-multitool executable:\n" + where.output());
        }
        return Path.of(where.output().strip());
    }

    /** Runs {@code executable args…} in {@code dir}, output and errors together. */
    public static Run runExecutable(Path executable, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        return exec(dir, command, 300);
    }

    /** Runs {@code tool args…} in {@code dir}, output and errors together. */
    public static Run run(String tool, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(tool(tool).toString()));
        command.addAll(List.of(args));
        return exec(dir, command, 300);
    }

    private static Run exec(Path dir, List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " timed out");
            }
            return new Run(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (is Node.js/npm installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
