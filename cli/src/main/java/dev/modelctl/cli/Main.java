package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.DeployException;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.finding.Findings;
import dev.modelctl.core.base.io.Escape;
import dev.modelctl.git.JGitUse;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.regex.PatternSyntaxException;

/**
 * Entry point and the one error boundary: every failure, expected or not, becomes one line on stderr and exit 2 (or
 * the code a {@link CommandFailure} carries); stack traces only with {@code --debug}. See docs/validate.md, "Errors
 * and exit codes".
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        nameTheLoggingBinding();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        if (haltsAfter(args)) {
            // System.exit first sets up the JDK's System.Logger to log the exit (JDK 21+), and finding its backend
            // scans the class path, which opens the jar: 15-20 ms of a check that has not opened it. These commands
            // register no shutdown hook of their own, write their files before they return, and leave only bytes to
            // flush; a run that used JGit (--base, --since, a whole-tree scan) exits, so JGit's shutdown work runs
            // (docs/startup.md).
            out.flush();
            err.flush();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /**
     * Whether a finished run of {@code args} ends by halting the JVM (below). The training runs ask it too after each
     * command, so that a cached start has its classes and never reads one from the jar.
     */
    static boolean haltsAfter(String[] args) {
        return FastPath.isBareVersion(args) || args.length > 0 && HALT_AFTER.contains(args[0]) && !JGitUse.usedThisRun();
    }

    /**
     * Commands that end by halting the JVM rather than exiting it, unless they used JGit ({@link JGitUse}): the hook
     * commands, which never register a shutdown hook of their own (only {@link InterruptReport} and the drill do). Not
     * self-train, whose JVM writes its start-up cache as it exits.
     */
    static final java.util.Set<String> HALT_AFTER = java.util.Set.of("check", "validate", "scan");

    /**
     * JGit, networknt and the AWS SDK log through SLF4J, and slf4j-nop is the one binding in the jar (a CLI prints no
     * logger output). Named, SLF4J takes it directly instead of scanning the class path for bindings, a scan that opens
     * the jar and reads its central directory: 20-35 ms of the thread that compiles the schema in a cold check
     * (docs/startup.md). SLF4J notes that it took a named binding as an INFO line; WARN keeps its warnings.
     */
    static void nameTheLoggingBinding() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", org.slf4j.nop.NOPServiceProvider.class.getName());
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Runs one command with the given streams; used by {@code main} and by the tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, true);
    }

    /** @param lazy register only the subcommand being run (false: all of them, what the tests compare against) */
    static int run(String[] args, PrintStream out, PrintStream err, boolean lazy) {
        try {
            if (lazy) {
                java.util.OptionalInt fast = FastPath.run(args, out, err);
                if (fast.isPresent()) {
                    return fast.getAsInt();
                }
            }
            return picocli(args, out, err, lazy);
        } catch (Throwable e) { // errors picocli does not catch (StackOverflowError, OutOfMemoryError) end the same way
            return report(e, java.util.Arrays.asList(args).contains("--debug"), err);
        }
    }

    private static int picocli(String[] args, PrintStream out, PrintStream err, boolean lazy) {
        CommandLine cli = commandLine(new Streams(out, err), lazy ? args : null);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("modelctl: " + Escape.controls(e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return Findings.EXIT_FAILURE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> report(e, debug(parsed), err));
        return cli.execute(args);
    }

    /** Every command registered, with the parser settings of a run: what {@link CommandTableWriter} reads at build time. */
    static CommandLine allCommands() {
        return commandLine(new Streams(System.out, System.err), null);
    }

    /** The command line for {@code args} (only the subcommand they need), or with every subcommand when null. */
    private static CommandLine commandLine(Streams io, String[] args) {
        CommandLine cli = new CommandLine(new ModelctlCommand(io), new CommandFactory(io));
        if (args != null) {
            registerSubcommands(cli, args);
        } else {
            ModelctlCommand.SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli marks generate-completion a help command, which lets it ignore stray arguments; it takes none
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().helpCommand(false);
        }
        return cli;
    }

    /** Whether {@code --debug} was given to the command that ran (read from the parse, not from the raw arguments). */
    static boolean debug(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return Boolean.TRUE.equals(r.matchedOption("--debug").getValue());
            }
        }
        return false;
    }

    static int report(Throwable e, boolean debug, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
        err.println("modelctl: " + Escape.controls(describe(e)) + (debug || expected(e) ? "" : " (rerun with --debug for details)"));
        return e instanceof CommandFailure f ? f.exitCode() : Findings.EXIT_FAILURE;
    }

    private static boolean expected(Throwable e) {
        return e instanceof InputException || e instanceof CommandFailure || e instanceof DeployException;
    }

    /** The one line for {@code e}: our own messages as they are, anything else named by what went wrong. */

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
        if (expected(e)) {
            return e.getMessage();
        }
        if (e instanceof InvalidPathException p) {
            return "'" + p.getInput() + "' is not a valid path (" + p.getReason() + ")";
        }
        if (e instanceof PatternSyntaxException p) {
            return "bad pattern '" + p.getPattern() + "': " + p.getDescription();
        }
        if (e instanceof ArithmeticException || e instanceof NumberFormatException) {
            return "a number is out of range: " + firstLine(e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (an input is larger than this JVM's heap; raise it with JAVA_TOOL_OPTIONS=-Xmx…)";
        }
        if (e instanceof StackOverflowError) {
            return "input nested too deeply to process";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }
}
