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

/** Exit codes and one-line errors that every command shares (docs/validate.md, "Errors and exit codes"). */
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
    void binaryHugeAndSymlinkLoopDocumentsAreOneLineExit2(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("routing.yaml"), new byte[]{'v', 0, 1, 2, 3});
        Cli.Result b = Cli.run("validate", binary.toString());
        assertEquals(2, b.exit());
        assertEquals("modelctl: " + binary + ": binary file (NUL bytes), not a YAML or JSON document\n", b.err());

        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "description: " + "x".repeat(2 * 1024 * 1024) + "\n");
        Cli.Result h = Cli.run("validate", "--max-bytes", "1M", huge.toString());
        assertEquals(2, h.exit());
        assertEquals("modelctl: " + huge + ": " + Files.size(huge) + " bytes exceeds the 1048576-byte limit for routing documents (raise it with --max-bytes)\n", h.err());

        Path loop = dir.resolve("loop.yaml");
        Files.createSymbolicLink(loop, dir.resolve("loop2.yaml"));
        Files.createSymbolicLink(dir.resolve("loop2.yaml"), loop);
        Cli.Result l = Cli.run("validate", loop.toString());
        assertEquals(2, l.exit());
        assertEquals(1, l.err().lines().count(), l.err());
        assertTrue(l.err().startsWith("modelctl: " + loop + ": "), l.err());
        assertFalse(l.err().contains("Exception"), l.err());
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
