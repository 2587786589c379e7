package dev.modelctl.testing;

import dev.modelctl.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the real CLI entry point in-process with captured streams. Relative paths in arguments resolve against the
 * JVM's working directory (the {@code cli/} module during Maven tests), so tests pass absolute paths.
 */
public final class Cli {
    private Cli() {
    }

    /** The outcome of one CLI run. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the CLI in its own JVM with {@code cwd} as the working directory and {@code env} added to the environment
     * (what pre-commit and CI do; needed for the locale, GIT_INDEX_FILE and the git binary's view of the repository).
     * Killed after {@code timeoutSeconds}: a hang fails the test instead of the build.
     */
    public static Result runIn(Path cwd, java.util.Map<String, String> env, long timeoutSeconds, String... args) throws Exception {
        java.util.List<String> command = javaCommand(java.util.List.of("-XX:TieredStopAtLevel=1", "-Xmx256m"), java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().putAll(env);
        java.io.File outFile = java.io.File.createTempFile("modelctl-out", ".txt");
        java.io.File errFile = java.io.File.createTempFile("modelctl-err", ".txt");
        try {
            Process p = pb.redirectOutput(outFile).redirectError(errFile).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("modelctl " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(outFile.toPath()), java.nio.file.Files.readString(errFile.toPath()));
        } finally {
            outFile.delete();
            errFile.delete();
        }
    }

    /** {@link #runIn(Path, java.util.Map, long, String...)} with nothing added to the environment, killed after 60 s. */
    public static Result runIn(Path cwd, String... args) throws Exception {
        return runIn(cwd, java.util.Map.of(), 60, args);
    }

    /** The command that runs the CLI in a child JVM on the tests' class path: {@code java jvmOptions… -cp … Main args…}. */
    public static java.util.List<String> javaCommand(java.util.List<String> jvmOptions, java.util.List<String> args) {
        return javaCommand(jvmOptions, "dev.modelctl.cli.Main", args);
    }

    /** The same with another main class of the tests' class path (one that ends by calling {@code Main.main}). */
    public static java.util.List<String> javaCommand(java.util.List<String> jvmOptions, String mainClass, java.util.List<String> args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /** Sends a child the SIGINT that Ctrl-C sends (through {@code kill -INT}), without waiting for it to exit. */
    public static void interrupt(Process child) throws java.io.IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
    }

    /** The repository root (set by surefire), for reaching {@code templates/}, {@code schemas/}, {@code rules/}. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("modelctl.repoRoot", "..")).toAbsolutePath().normalize();
    }
}
