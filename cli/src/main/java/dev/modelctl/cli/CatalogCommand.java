package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.CatalogListing;
import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl catalog [TERM…]}: the models the catalog knows, with their limits and prices. */
@Command(name = "catalog", mixinStandardHelpOptions = true, subcommands = {CatalogRefreshCommand.class, CatalogDiffCommand.class},
        description = "List the Bedrock models of the model catalog: IDs, output limits, context windows, on-demand prices, lifecycle, "
                + "how to invoke them. `catalog refresh` overlays it with Bedrock's own listing; `catalog diff` shows what that changes.")
public final class CatalogCommand implements Callable<Integer> {
    /** What {@code --format} accepts in the commands that print a listing or an answer, not findings: catalog (and its subcommands), route. */
    public enum ListingFormat {
        TEXT, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    CatalogOptions catalogOptions;

    @Parameters(paramLabel = "TERM", arity = "0..*",
            description = "Only models whose ID, provider or family contains every TERM (e.g. claude sonnet, nova).")
    List<String> terms = List.of();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ListingFormat format = ListingFormat.TEXT;

    CatalogCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ModelCatalog catalog = catalogOptions.catalog(global.repoConfig());
        List<CatalogModel> models = CatalogListing.filter(catalog, terms);
        if (models.isEmpty()) {
            throw new CommandFailure("catalog: no model matches " + String.join(" ", terms) + "; `modelctl catalog` lists them all");
        }
        io.out().print(format == ListingFormat.JSON ? CatalogListing.json(models, catalog.profilePrefixes())
                : CatalogListing.table(models, catalog.profilePrefixes()));
        return 0;
    }
}
