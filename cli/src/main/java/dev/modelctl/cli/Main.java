package dev.modelctl.cli;

import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.finding.Findings;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point. Every failure becomes one line on stderr and exit 2; stack traces only with {@code --debug}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command with the given streams; used by {@code main} and by the tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new ModelctlCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("modelctl: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return Findings.EXIT_FAILURE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            boolean expected = e instanceof InputException || e instanceof CommandFailure || e instanceof DeployException;
            err.println("modelctl: " + describe(e) + (debug || expected ? "" : " (rerun with --debug for details)"));
            return e instanceof CommandFailure f ? f.exitCode() : Findings.EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    static String describe(Throwable e) {
        if (e instanceof InputException || e instanceof CommandFailure || e instanceof DeployException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
