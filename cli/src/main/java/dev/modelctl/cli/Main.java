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
        return run(args, out, err, true);
    }

    /** @param lazy register only the subcommand being run (false: all of them, what the tests compare against) */
    static int run(String[] args, PrintStream out, PrintStream err, boolean lazy) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new ModelctlCommand(out, err));
        if (lazy) {
            registerSubcommands(cli, args);
        } else {
            ModelctlCommand.SUBCOMMANDS.forEach(cli::addSubcommand);
        }
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

    /**
     * Registers the subcommand named by the first argument only (the hook paths never pay for the other commands'
     * models), none for a bare {@code --version}, and all of them for anything else (help, suggestions, completion),
     * so what picocli answers is unchanged. Registered before the settings below, which apply to registered commands.
     */
    static void registerSubcommands(CommandLine cli, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        Class<?> only = ModelctlCommand.NEED_ALL.contains(first) ? null : ModelctlCommand.SUBCOMMANDS.get(first);
        if (only != null) {
            cli.addSubcommand(first, only);
        } else if (!(args.length == 1 && (first.equals("--version") || first.equals("-V")))) {
            ModelctlCommand.SUBCOMMANDS.forEach(cli::addSubcommand);
        }
    }

    static String describe(Throwable e) {
        if (e instanceof InputException || e instanceof CommandFailure || e instanceof DeployException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
