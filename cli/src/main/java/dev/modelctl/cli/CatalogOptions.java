package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --catalog FILE}: the model catalog to use, else the repo config's {@code catalog:}, else the built-in one; then
 * the repo config's {@code catalog_overlay:} (what {@code catalog refresh} wrote) over it.
 */
public final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    Path catalog;

    public ModelCatalog catalog(RepoConfig config) {
        return resolve(catalog, config);
    }

    static ModelCatalog resolve(Path explicit, RepoConfig config) {
        ModelCatalog base = base(explicit, config);
        Path overlay = overlayPath(config);
        return overlay == null ? base : base.withOverlay(loadOverlay(overlay));
    }

    /** The catalog without the overlay. */
    static ModelCatalog base(Path explicit, RepoConfig config) {
        if (explicit != null) {
            return ModelCatalog.load(explicit);
        }
        if (config.catalog() != null) {
            return ModelCatalog.load(config.root().resolve(config.catalog()));
        }
        return ModelCatalog.builtIn();
    }

    static Path overlayPath(RepoConfig config) {
        return config.catalogOverlay() == null ? null : DocumentOptions.relativize(config.root().resolve(config.catalogOverlay()));
    }

    static ModelCatalog loadOverlay(Path overlay) {
        if (!java.nio.file.Files.exists(overlay)) {
            throw new CommandFailure("catalog_overlay: " + overlay + " does not exist; write it with `modelctl catalog refresh`");
        }
        return ModelCatalog.load(overlay);
    }
}
