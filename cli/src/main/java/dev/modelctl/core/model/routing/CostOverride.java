package dev.modelctl.core.model.routing;

import java.time.Instant;
import java.util.List;

/** The {@code cost_override} block; timestamps are {@code null} when absent or unparseable. */
public record CostOverride(boolean active, List<String> useCases, String model, String reason, String engineer,
                           Instant startedAt, Instant expiresAt, String pointer) {

    /** Active, not yet expired at {@code now}, and covering {@code useCase} (empty list = every use case). */
    public boolean appliesTo(String useCase, Instant now) {
        if (!active || (expiresAt != null && !now.isBefore(expiresAt))) {
            return false;
        }
        return useCases.isEmpty() || (useCase != null && useCases.contains(useCase));
    }
}
