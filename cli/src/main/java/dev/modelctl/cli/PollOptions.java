package dev.modelctl.cli;

import dev.modelctl.core.config.Durations;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --poll}: how often deploy, override and rollback poll the deployment they follow. */
public final class PollOptions {
    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "2s", description = "How often to poll the deployment (default: ${DEFAULT-VALUE}).")
    String poll = "2s";

    public Duration interval() {
        return Durations.parseFlag("--poll", poll);
    }
}
