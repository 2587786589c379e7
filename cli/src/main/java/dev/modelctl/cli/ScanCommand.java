package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.features.scan.Baseline;
import dev.modelctl.core.features.scan.ModelNamespaces;
import dev.modelctl.core.features.scan.ScanRule;
import dev.modelctl.core.features.scan.ScanRules;
import dev.modelctl.core.features.scan.ScanStats;
import dev.modelctl.core.features.scan.ScanTarget;
import dev.modelctl.core.features.scan.Scanner;
import dev.modelctl.git.ScanSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** {@code modelctl scan [PATH…]}: hard-coded model IDs and env-var model keys (pre-commit hook and CI check). */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Find hard-coded Bedrock model IDs and model-selecting environment variables.")
public final class ScanCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: every file git tracks, or the directory walk).")
    List<Path> paths = List.of();

    @Option(names = "--staged", description = "Scan the blobs staged in the git index (what is being committed).")
    boolean staged;

    @Option(names = "--since", paramLabel = "REF", description = "Scan only files changed since git revision REF.")
    String since;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline of accepted findings (default: the repo config's, .modelctl-baseline.json).")
    Path baselineFile;

    @Option(names = "--no-baseline", description = "Report every finding, ignoring the baseline.")
    boolean noBaseline;

    @Option(names = "--update-baseline", description = "Record the current findings in the baseline and exit 0 (a scan of some files keeps the entries of the others).")
    boolean updateBaseline;

    ScanCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (staged && (since != null || !paths.isEmpty())) {
            throw new CommandFailure("scan: --staged scans the git index; do not combine it with --since or paths");
        }
        RepoConfig config = global.repoConfig();
        List<Path> extraRules = config.scan().rules().stream().map(r -> config.root().resolve(r)).toList();
        // the rules (YAML, regexes, the catalog's providers and geographies) load on another core while the files are listed
        CompletableFuture<List<ScanRule>> rules = CompletableFuture.supplyAsync(() -> ScanRules.load(extraRules, namespaces(config)));
        ScanStats stats = new ScanStats();
        Path cwd = Path.of("");
        try (ScanSources sources = staged ? ScanSources.openForStaged(cwd, stats)
                : since == null && !paths.isEmpty() ? ScanSources.openForPaths(cwd, stats) : ScanSources.open(cwd, stats)) {
            List<ScanTarget> targets = staged ? sources.staged()
                    : since != null ? sources.changedSince(since)
                    : !paths.isEmpty() ? sources.paths(paths)
                    : sources.all();
            Scanner scanner = new Scanner(join(rules), allowed(config, sources.root()), config.scan().hint(), config.scan().maxFileBytes());
            Path baselinePath = baselineFile != null ? baselineFile : sources.root().resolve(config.scan().baseline());
            Baseline baseline = noBaseline || updateBaseline ? Baseline.empty() : Baseline.load(baselinePath);
            Scanner.Result result = scanner.scan(targets, baseline, stats);
            if (updateBaseline) {
                // a scan of some files keeps what the baseline accepted in the others; a full scan starts afresh
                boolean partial = staged || since != null || !paths.isEmpty();
                List<Baseline.Entry> kept = partial
                        ? Baseline.load(baselinePath).entriesOutside(targets.stream().map(ScanTarget::path).collect(Collectors.toSet()))
                        : List.of();
                int total = Baseline.write(baselinePath, result.findings(), result.matched(), kept);
                io.err().println("modelctl: baseline " + baselinePath + ": " + total + " accepted findings ("
                        + result.findings().size() + " from this scan" + (kept.isEmpty() ? "" : ", " + kept.size() + " kept for files not scanned") + ")");
                return 0;
            }
            return output.emit(new Report("scan", result.findings(), stats.describe(config.scan().maxFileBytes())), io.out());
        }
    }

    /**
     * The allowed globs, plus the files the config itself names as holding model IDs: its routing documents, the
     * ownership file and the catalog (as paths relative to the scanned root, glob characters escaped).
     */
    static List<String> allowed(RepoConfig config, Path root) {
        List<String> allow = new ArrayList<>(config.scan().allow());
        List<String> named = new ArrayList<>(config.documents());
        named.add(config.ownership());
        named.add(config.catalog());
        for (String file : named) {
            if (file == null || file.isBlank()) {
                continue;
            }
            Path abs = config.root().resolve(file).toAbsolutePath().normalize();
            if (abs.startsWith(root)) {
                allow.add(root.relativize(abs).toString().replace('\\', '/').replaceAll("([*?\\[\\]{}])", "\\\\$1"));
            }
        }
        return allow;
    }

    /**
     * The providers and geographies the rules look for: those of the built-in catalog and of the repository's own
     * catalog, if its config names one (a repository's catalog adds to what the scanner knows, it cannot hide a provider).
     */
    static ModelNamespaces namespaces(RepoConfig config) {
        if (config.catalog() == null) {
            return ModelNamespaces.builtIn(); // compiled at build time: the catalog itself is not read
        }
        return ModelNamespaces.of(List.of(ModelCatalog.builtIn(), ModelCatalog.load(config.root().resolve(config.catalog()))));
    }

    /** The loaded rules, or the loader's own error (a bad rule file is an InputException, exit 2). */
    private static List<ScanRule> join(CompletableFuture<List<ScanRule>> rules) {
        try {
            return rules.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
