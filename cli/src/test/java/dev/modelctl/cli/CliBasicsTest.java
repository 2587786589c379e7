package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and one-line errors that every command shares (SPEC §3, §5). */
class CliBasicsTest {
    @Test
    void unknownFlagIsExit2WithOneLineAndAHelpPointer() {
        Cli.Result r = Cli.run("validate", "--bogus", "x.yaml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Try 'modelctl validate --help'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        Cli.Result r = Cli.run("chekc");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("check"), r.err());
    }

    @Test
    void missingFileIsExit2WithoutStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("routing.yaml");
        Cli.Result r = Cli.run("validate", missing.toString());
        assertEquals(2, r.exit());
        assertEquals("modelctl: " + missing + ": no such file\n", r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void badFormatValueIsExit2() {
        Cli.Result r = Cli.run("validate", "--format", "xml", "x.yaml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Invalid value for option '--format'"), r.err());
    }

    @Test
    void unknownConfigFieldNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve(".modelctl.yaml"), "documents: [a.yaml]\nscan:\n  alow: ['**/x']\n");
        Cli.Result r = Cli.run("validate", "--config", config.toString(), dir.resolve("a.yaml").toString());
        assertEquals(2, r.exit());
        assertEquals("modelctl: " + config + ":3:3: unknown field 'alow' (allowed: allow, baseline, hint, max_file_bytes, rules)\n", r.err());
    }

    @Test
    void overlongOverrideTtlCapInConfigIsRefused(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "override:\n  max_ttl: 48h\n");
        Cli.Result r = Cli.run("validate", "--config", config.toString(), "x.yaml");
        assertEquals(2, r.exit());
        assertEquals("modelctl: " + config + ":2:3: max_ttl may not exceed 24h\n", r.err());
    }

    @Test
    void debugPrintsTheStackTrace(@TempDir Path dir) {
        Cli.Result r = Cli.run("validate", "--debug", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat dev.modelctl"), r.err());
    }

    @Test
    void versionAndCompletion() {
        Cli.Result v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("modelctl "), v.out());
        Cli.Result c = Cli.run("generate-completion");
        assertEquals(0, c.exit());
        assertTrue(c.out().contains("complete -F _complete_modelctl"), c.out().lines().limit(5).toList().toString());
    }
}
