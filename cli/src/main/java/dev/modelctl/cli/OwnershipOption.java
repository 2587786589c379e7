package dev.modelctl.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --ownership FILE}, shared by the commands that read team ownership (docs/rules.md, "Teams and ownership"). */
public final class OwnershipOption {
    @Option(names = "--ownership", paramLabel = "FILE",
            description = "Team ownership file; its per-team rule files are merged in (default: the repo config's, if it exists).")
    Path file;
}
