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
}
