package dev.modelctl.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --poll}: how often deploy, override, rollback and status --watch poll the deployment they follow. */
public final class PollOptions {
    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How often to poll the deployment (default: ${DEFAULT-VALUE}; more than 0s).")
    Duration poll = Duration.ofSeconds(2);

    public Duration interval() {
        if (poll.isNegative() || poll.isZero()) {
            throw new CommandFailure("--poll must be longer than 0s (got " + dev.modelctl.core.model.config.Durations.format(poll) + ")");
        }
        return poll;
    }
}
