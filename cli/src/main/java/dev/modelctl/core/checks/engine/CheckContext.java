package dev.modelctl.core.checks.engine;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;

import java.time.Clock;

/** What document checks may consult besides the document: the catalog, the repo config, the clock. */
public record CheckContext(ModelCatalog catalog, RepoConfig config, Clock clock) {
}
