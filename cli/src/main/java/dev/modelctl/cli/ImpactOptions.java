package dev.modelctl.cli;

import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.model.impact.ImpactChecks;
import picocli.CommandLine.Option;

/** {@code --max-cost-increase}: shared by {@code check --base} and {@code diff}, defaulting to the repo config's. */
public final class ImpactOptions {
    @Option(names = "--max-cost-increase", paramLabel = "PERCENT",
            description = "Block (cost-increase) when the cost per request rises by more than PERCENT, e.g. 20%% "
                    + "(default: max_cost_increase in .modelctl.yaml; none: never blocks).")
    String maxCostIncrease;

    /** The allowed rise as a fraction (0.2), or {@code null} when neither the flag nor the config sets one. */
    public Double maxIncrease(RepoConfig config) {
        if (maxCostIncrease == null) {
            return config.maxCostIncrease();
        }
        try {
            return ImpactChecks.parsePercent(maxCostIncrease);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--max-cost-increase: " + e.getMessage());
        }
    }
}
