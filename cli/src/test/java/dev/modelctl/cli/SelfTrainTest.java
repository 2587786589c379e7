package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The training adds its rules inside the example's rule list: appended at the end of the file they had become a
     * syntax error once the example ended with another block, and the cache was trained on the syntax-error path.
     */
    @Test
    void theFindingsDocumentHasRuleAnalysisFindings(@TempDir Path dir) throws IOException {
        String example;
        try (InputStream in = SelfTrainTest.class.getResourceAsStream("/templates/model_routing_config.example.yaml")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path doc = dir.resolve("findings.yaml");
        Files.writeString(doc, SelfTrainCommand.findingsDocument(example));
        Cli.Result r = Cli.run("check", doc.toString());
        assertEquals(1, r.exit(), r.toString());
        assertFalse(r.out().contains("syntax-error"), r.toString());
        for (String check : List.of("[priority-conflict]", "[unknown-use-case]")) {
            assertTrue(r.out().contains(check), check + " in " + r.out());
        }
    }
}
