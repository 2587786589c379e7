package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.CatalogDiff;
import dev.modelctl.core.model.catalog.CatalogRefresh;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl catalog diff}: what the overlay changes in the catalog, or what Bedrock lists now that the catalog in use does not say. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what the catalog overlay changes in the built-in catalog (lifecycle, in-region access, profiles, new models), "
                + "or with --live what a fresh Bedrock listing changes in the catalog in use.")
public final class CatalogDiffCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    BedrockListingOptions bedrock;

    @Option(names = "--overlay", paramLabel = "FILE", description = "Overlay to compare (default: catalog_overlay of .modelctl.yaml).")
    Path overlay;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Catalog to compare against instead of the built-in one.")
    Path catalog;

    @Option(names = "--live", description = "Compare the catalog in use (with its overlay) with what Bedrock lists now in each --region.")
    boolean live;

    @Option(names = "--exit-code", description = "Exit 1 when there are changes (like `git diff --exit-code`).")
    boolean exitCode;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CatalogCommand.ListingFormat format = CatalogCommand.ListingFormat.TEXT;

    CatalogDiffCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        ModelCatalog base = CatalogOptions.base(catalog, config);
        Path overlayFile = overlay != null ? overlay : CatalogOptions.overlayPath(config);
        List<CatalogDiff.Change> changes;
        String between;
        if (live) {
            ModelCatalog inUse = overlayFile == null ? base : base.withOverlay(CatalogOptions.loadOverlay(overlayFile));
            var listings = bedrock.list(config);
            ModelCatalog fresh = CatalogRefresh.build(base, listings, Instant.now()).catalog();
            changes = CatalogDiff.compare(inUse, fresh, true);
            between = (overlayFile == null ? "the catalog" : "the catalog with " + overlayFile) + " and Bedrock's listing in "
                    + String.join(", ", listings.stream().map(l -> l.region()).toList());
        } else {
            if (overlayFile == null) {
                throw new CommandFailure("catalog diff: no overlay to compare: pass --overlay FILE, set catalog_overlay in "
                        + RepoConfig.DEFAULT_FILE + ", or use --live --region R");
            }
            changes = CatalogDiff.compare(base, CatalogOptions.loadOverlay(overlayFile), true);
            between = (catalog == null && config.catalog() == null ? "the built-in catalog" : "the catalog") + " and " + overlayFile;
        }
        io.out().print(format == CatalogCommand.ListingFormat.JSON ? CatalogDiff.json(changes, between)
                : CatalogDiff.text(changes, between));
        return exitCode && !changes.isEmpty() ? 1 : 0;
    }
}
