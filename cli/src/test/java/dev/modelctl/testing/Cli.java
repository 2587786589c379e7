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

    /** The repository root (set by surefire), for reaching {@code templates/}, {@code schemas/}, {@code rules/}. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("modelctl.repoRoot", "..")).toAbsolutePath().normalize();
    }
}
