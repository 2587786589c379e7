package dev.modelctl.cli;

import dev.modelctl.core.report.Version;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level {@code modelctl} command: a list of subcommands. */
@Command(name = "modelctl", mixinStandardHelpOptions = true, versionProvider = ModelctlCommand.VersionProvider.class,
        description = "Config governance for LLM model routing documents served by AWS AppConfig.",
        // subcommands: see SUBCOMMANDS (registered by Main, only the one a hook run needs)
        subcommands = {})
public final class ModelctlCommand implements Runnable {
    /**
     * Every subcommand, by its name, in help order. Picocli builds a command's model by reflection (~4 ms each, 90 ms
     * for all), so {@link Main} registers only the one being run, and all of them for help, completion and errors.
     * To add a command: one line here; {@code SubcommandRegistryTest} checks the name against its {@code @Command}.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            ValidateCommand.class, "validate",
            CheckCommand.class, "check",
            DiffCommand.class, "diff",
            RouteCommand.class, "route",
            BuildCommand.class, "build",
            ScanCommand.class, "scan",
            SmokeCommand.class, "smoke",
            DeployCommand.class, "deploy",
            OverrideCommand.class, "override",
            DrillCommand.class, "drill",
            StatusCommand.class, "status",
            HistoryCommand.class, "history",
            RollbackCommand.class, "rollback",
            EnvCommand.class, "env",
            ProfileCommand.class, "profile",
            OwnershipCommand.class, "ownership",
            SchemaCommand.class, "schema",
            NewModelCommand.class, "new-model",
            CatalogCommand.class, "catalog",
            AutoComplete.GenerateCompletion.class, "generate-completion",
            SelfTrainCommand.class, "self-train");

    /** Subcommands that read the whole command tree (completion scripts) and so need every sibling registered. */
    static final java.util.Set<String> NEED_ALL = java.util.Set.of("generate-completion");

    private static Map<String, Class<?>> subcommands(Object... classAndName) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < classAndName.length; i += 2) {
            m.put((String) classAndName[i + 1], (Class<?>) classAndName[i]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private final Streams io;

    @Spec
    CommandSpec spec;

    public ModelctlCommand(Streams io) {
        this.io = io;
    }

    @Override
    public void run() {
        spec.commandLine().usage(io.out());
    }

    /** {@code modelctl --version}. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"modelctl " + Version.get(), "JVM " + System.getProperty("java.version")};
        }
    }
}
