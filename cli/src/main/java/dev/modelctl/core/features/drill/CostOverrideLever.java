package dev.modelctl.core.features.drill;

import java.time.Duration;
import java.util.List;

/**
 * The on-call switch the drill exercises: whatever {@code modelctl override --cost} / {@code --clear} run. The drill
 * only ever sees this interface, so the lever behind it can change without touching the drill.
 */
public interface CostOverrideLever {
    /** Turns the cost override on for {@code useCases} (empty: every use case) and follows the deployment to its end. */
    LeverResult activate(List<String> useCases, String reason, Duration ttl);

    /**
     * Turns the override off. Also called when {@link #activate} failed part-way or was interrupted: then a deployment
     * of the override may still be in progress, and clearing means stopping it.
     */
    LeverResult clear(String reason);
}
