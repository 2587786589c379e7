package dev.modelctl.core.features.drill;

import java.time.Duration;
import java.util.List;

/**
 * What one drill run is asked to do.
 *
 * @param environment  the environment's name (for messages and the report)
 * @param scope        use cases to override; empty = every use case
 * @param target       the longest acceptable time from the flip to the last sampled session serving it
 * @param minReduction the smallest acceptable shadow cost reduction (0.7 = 70 %)
 * @param sessions     how many concurrent AppConfig Data sessions sample the rollout
 * @param minimumPoll  RequiredMinimumPollIntervalInSeconds of each session
 * @param timeout      how long to wait for the sessions in each phase (override served, clear served)
 * @param ttl          the drill override's lifetime: if every clear fails, the runtimes drop it at expiry
 * @param reason       recorded in the document; also how the sessions recognise the drill's override
 */
public record DrillSettings(String environment, List<String> scope, Duration target, double minReduction, int sessions,
                            Duration minimumPoll, Duration timeout, Duration ttl, String reason, boolean smoke) {
}
