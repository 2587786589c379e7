package dev.modelctl.cli;

import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.config.RepoConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --catalog FILE}: the model catalog to use, else the repo config's {@code catalog:}, else the built-in one. */
public final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    Path catalog;

    public ModelCatalog catalog(RepoConfig config) {
        return resolve(catalog, config);
    }

    static ModelCatalog resolve(Path explicit, RepoConfig config) {
        if (explicit != null) {
            return ModelCatalog.load(explicit);
        }
        if (config.catalog() != null) {
            return ModelCatalog.load(config.root().resolve(config.catalog()));
        }
        return ModelCatalog.builtIn();
    }
}
