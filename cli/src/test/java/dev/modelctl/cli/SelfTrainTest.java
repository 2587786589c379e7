package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The launcher's training run must succeed, or the launcher runs without a cache (and says so once). */
class SelfTrainTest {
    @Test
    void trainingRunSucceedsAndPrintsNothing() {
        Cli.Result r = Cli.run("self-train");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out() + r.err());
    }

    /** Each profile's commands run without a usage error (a training run that fails silently would leave classes out). */
    @Test
    void everyProfileTrainsOnCommandsThatRun() {
        for (SelfTrainCommand.Profile profile : SelfTrainCommand.Profile.values()) {
            Cli.Result r = Cli.run("self-train", "--profile=" + profile.name().toLowerCase(java.util.Locale.ROOT));
            assertEquals(0, r.exit(), profile + ": " + r);
            assertEquals("", r.out() + r.err(), profile.name());
        }
    }
}
