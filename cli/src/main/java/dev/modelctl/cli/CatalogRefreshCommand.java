package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.CatalogDiff;
import dev.modelctl.core.model.catalog.CatalogRefresh;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dev.modelctl.core.base.io.OutputFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl catalog refresh}: write the catalog overlay from Bedrock's own listing (docs/catalog.md). */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Read ListFoundationModels and ListInferenceProfiles in each --region and write the catalog overlay "
                + "(lifecycle, on-demand or profile-only, profile geographies); limits and prices stay the reviewed values.")
public final class CatalogRefreshCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    BedrockListingOptions bedrock;

    @Option(names = "--out", paramLabel = "FILE", description = "Overlay file to write (default: catalog_overlay of .modelctl.yaml).")
    Path out;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Catalog the overlay is written against instead of the built-in one.")
    Path catalog;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CatalogCommand.ListingFormat format = CatalogCommand.ListingFormat.TEXT;

    CatalogRefreshCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        RepoConfig config = global.repoConfig();
        Path target = out != null ? out : CatalogOptions.overlayPath(config);
        if (target == null) {
            throw new CommandFailure("catalog refresh: name the overlay file with --out FILE (and add `catalog_overlay: FILE` "
                    + "to .modelctl.yaml so every command applies it)");
        }
        ModelCatalog base = CatalogOptions.base(catalog, config);
        var listings = bedrock.list(config); // every Region read before anything is written
        CatalogRefresh.Overlay overlay = CatalogRefresh.build(base, listings, Instant.now());
        List<CatalogDiff.Change> changes = CatalogDiff.compare(base, overlay.catalog(), false);
        write(target, overlay.text());
        var o = io.out();
        long changed = changes.stream().filter(c -> c.kind() == CatalogDiff.Kind.CHANGED).count();
        boolean named = target.equals(CatalogOptions.overlayPath(config));
        if (format == CatalogCommand.ListingFormat.JSON) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = json.createObjectNode().put("file", target.toString()).put("models", overlay.models())
                    .put("new_models", overlay.newModels()).put("changed_models", changed).put("named_by_config", named);
            listings.forEach(l -> root.withArray("regions").addObject().put("region", l.region())
                    .put("model_summaries", l.models().size()).put("inference_profiles", l.profiles().size()));
            root.set("changes", json.readTree(CatalogDiff.json(changes, "")).get("changes"));
            o.print(json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            return 0;
        }
        o.println("read " + listings.stream().mapToInt(l -> l.models().size()).sum() + " model summaries and "
                + listings.stream().mapToInt(l -> l.profiles().size()).sum() + " inference profiles from "
                + String.join(", ", listings.stream().map(l -> l.region()).toList()));
        o.println("wrote " + target + ": " + overlay.models() + " models, " + overlay.newModels() + " new to the catalog (limits unknown), "
                + changed + " with changed lifecycle or inference facts");
        if (!named) {
            o.println("hint: add `catalog_overlay: " + target + "` to " + RepoConfig.DEFAULT_FILE + " so validate, check and smoke apply it; "
                    + "`modelctl catalog diff --overlay " + target + "` shows the changes");
        }
        return 0;
    }

    /** Written beside the target and moved into place: an interrupted refresh leaves the old overlay intact. */
    private static void write(Path target, String text) {
        OutputFiles.writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
