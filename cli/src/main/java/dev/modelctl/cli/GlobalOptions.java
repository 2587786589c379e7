package dev.modelctl.cli;

import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config} and {@code --debug}, accepted by every subcommand. */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Repository config (default: .modelctl.yaml in the current directory, if present).")
    Path config;

    // declared here so every subcommand accepts it; Main's error boundary reads it from the parse result
    @Option(names = "--debug", description = "Print stack traces for failures.")
    boolean debug;

    private RepoConfig loaded;

    public RepoConfig repoConfig() {
        if (loaded == null) {
            loaded = config != null ? RepoConfig.load(config, true) : RepoConfig.load(Path.of(RepoConfig.DEFAULT_FILE), false);
        }
        return loaded;
    }
}
