package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.model.diff.SemanticDiff;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.impact.ImpactChecks;
import dev.modelctl.core.model.impact.RoutingImpact;
import dev.modelctl.core.report.Format;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.model.routing.RoutingDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code modelctl diff BASE HEAD}: the semantic diff of two routing documents and its routing and cost impact per
 * request class — what {@code check --base} reports for a pull request, for two files (docs/ci.md).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Semantic diff and cost impact between two routing documents: routing-change per request class, "
                + "cost-increase above --max-cost-increase.")
public final class DiffCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    OutputOptions output;
    @Mixin
    ImpactOptions impact;

    @Parameters(index = "0", paramLabel = "BASE_FILE", description = "The routing document before the change.")
    Path baseFile;

    @Parameters(index = "1", paramLabel = "HEAD_FILE", description = "The routing document after the change.")
    Path headFile;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    Path catalog;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8M",
            description = "Refuse documents larger than this (default: ${DEFAULT-VALUE}; suffixes K, M).")
    String maxBytes = "8M";

    DiffCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        Double maxIncrease = impact.maxIncrease(config);
        DocumentLoader loader = DocumentOptions.loader(maxBytes);
        SourceDocument before = loader.load(baseFile, baseFile.toString());
        SourceDocument after = loader.load(headFile, headFile.toString());
        List<Finding> findings = new ArrayList<>();
        if (!before.parsed() || !after.parsed()) {
            // nothing to compare: report why, as validate would
            findings.addAll(before.findings());
            findings.addAll(after.findings());
            return output.emit(new Report("diff", findings, "2 documents"), io.out());
        }
        RoutingDocument b = RoutingDocument.from(before);
        RoutingDocument a = RoutingDocument.from(after);
        ModelCatalog models = CatalogOptions.resolve(catalog, config);
        findings.addAll(ImpactChecks.findings(RoutingImpact.between(b, a, models, config.traffic(), Instant.now()), a, models,
                "since " + baseFile, maxIncrease));
        if (output.format() == Format.TEXT) {
            List<String> changes = SemanticDiff.between(b, a);
            io.out().println(changes.isEmpty() ? "no routing changes between " + baseFile + " and " + headFile
                    : baseFile + " -> " + headFile + ":");
            changes.forEach(c -> io.out().println("  " + c));
        }
        return output.emit(new Report("diff", findings, "2 documents"), io.out());
    }
}
