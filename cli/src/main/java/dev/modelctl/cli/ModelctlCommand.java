package dev.modelctl.cli;

import dev.modelctl.core.report.Version;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;

/** The top-level {@code modelctl} command: a list of subcommands and the streams they write to. */
@Command(name = "modelctl", mixinStandardHelpOptions = true, versionProvider = ModelctlCommand.VersionProvider.class,
        description = "Config governance for LLM model routing documents served by AWS AppConfig.",
        subcommands = {
                ValidateCommand.class,
                CheckCommand.class,
                DiffCommand.class,
                RouteCommand.class,
                BuildCommand.class,
                ScanCommand.class,
                SmokeCommand.class,
                DeployCommand.class,
                OverrideCommand.class,
                DrillCommand.class,
                StatusCommand.class,
                HistoryCommand.class,
                RollbackCommand.class,
                EnvCommand.class,
                ProfileCommand.class,
                OwnershipCommand.class,
                SchemaCommand.class,
                NewModelCommand.class,
                CatalogCommand.class,
                AutoComplete.GenerateCompletion.class,
                SelfTrainCommand.class,
        })
public final class ModelctlCommand implements Runnable {
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    public ModelctlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /** {@code modelctl --version}. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"modelctl " + Version.get(), "JVM " + System.getProperty("java.version")};
        }
    }
}
