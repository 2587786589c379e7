package dev.modelctl.core.check;

import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.config.RepoConfig;

import java.time.Clock;

/** What document checks may consult besides the document: the catalog, the repo config, the clock. */
public record CheckContext(ModelCatalog catalog, RepoConfig config, Clock clock) {
}
