package dev.modelctl.robust;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input goes through one bounded, non-blocking reader: FIFOs, devices, directories and links to them are refused
 * before they are opened (nothing blocks), sizes are checked before reading (a 3 GiB file costs no memory), and the
 * scanner skips such entries instead of hanging. Each case reproduces a hang or crash found in issue 9.
 */
class SpecialFilesTest {
    static final String ID = "anthropic.claude-3-haiku-20240307-v1:0";
    static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static Path fifo;
    static Path doc;

    @BeforeAll
    static void setUp() throws Exception {
        fifo = dir.resolve("pipe.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        doc = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("doc.yaml"));
    }

    private static Cli.Result run(String... args) {
        return assertTimeoutPreemptively(BOUND, () -> Cli.run(args), () -> String.join(" ", args) + " hung");
    }

    private static void assertOneLine(Cli.Result r, String expected) {
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: " + expected + "\n", r.err());
    }

    @Test
    void aFifoIsRefusedBeforeItIsOpenedWhereverAFileIsRead() throws Exception {
        String named = fifo + ": is a named pipe (FIFO), expected a regular file";
        assertOneLine(run("validate", fifo.toString()), named);
        assertOneLine(run("check", fifo.toString()), named);
        assertOneLine(run("route", fifo.toString()), named);
        assertOneLine(run("build", "--out", dir.resolve("o.json").toString(), fifo.toString()), named);
        assertOneLine(run("validate", "--config", fifo.toString(), doc.toString()), named);
        assertOneLine(run("check", "--ownership", fifo.toString(), doc.toString()), named);
        assertOneLine(run("validate", "--catalog", fifo.toString(), doc.toString()), named);
        assertOneLine(run("scan", "--baseline", fifo.toString(), doc.toString()), named);
        Path link = dir.resolve("link-to-pipe.yaml");
        Files.createSymbolicLink(link, fifo);
        assertOneLine(run("validate", link.toString()), link + ": is a named pipe (FIFO), expected a regular file");
        assertFalse(Files.exists(dir.resolve("o.json")));
    }

    @Test
    void characterDevicesAreNeverReadUntilTheHeapIsGone() {
        for (String command : new String[]{"validate", "check", "route"}) {
            assertOneLine(run(command, "/dev/zero"), "/dev/zero: is a device or socket, expected a regular file");
        }
        assertOneLine(run("check", "--ownership", "/dev/urandom", doc.toString()), "/dev/urandom: is a device or socket, expected a regular file");
    }

    @Test
    void aFileOverTwoGibibytesIsRefusedBySizeWithoutReadingIt() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: no disk, no memory; read whole it would be an OutOfMemoryError
        }
        String limit = huge + ": 3221225472 bytes exceeds the 8388608-byte limit for routing documents (raise it with --max-bytes)";
        assertOneLine(run("validate", huge.toString()), limit);
        assertOneLine(run("check", huge.toString()), limit);
        assertOneLine(run("route", huge.toString()), limit);
        assertOneLine(run("build", "--out", dir.resolve("o.json").toString(), huge.toString()), limit);
        assertOneLine(run("check", "--ownership", huge.toString(), doc.toString()),
                huge + ": 3221225472 bytes exceeds the 8388608-byte limit for routing documents (raise it with --max-bytes)");
        assertOneLine(run("validate", "--config", huge.toString(), doc.toString()),
                huge + ": 3221225472 bytes exceeds the 1048576-byte limit for repo configs");
        Files.delete(huge);
    }

    @Test
    void anEmptyPathArgumentNamesItself() {
        assertOneLine(run("validate", ""), "'': an empty path names no file");
    }

    @Test
    void theScannerSkipsFifosDevicesAndLinkLoopsInATreeAndStillReportsTheRest(@TempDir Path tree) throws Exception {
        Files.writeString(tree.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        assertEquals(0, new ProcessBuilder("mkfifo", tree.resolve("pipe.py").toString()).start().waitFor());
        assertEquals(0, new ProcessBuilder("mkfifo", tree.resolve(".gitignore").toString()).start().waitFor());
        Files.createSymbolicLink(tree.resolve("to-pipe.py"), tree.resolve("pipe.py"));
        Files.createSymbolicLink(tree.resolve("zero.py"), Path.of("/dev/zero"));
        Files.createSymbolicLink(tree.resolve("loop-a.py"), tree.resolve("loop-b.py"));
        Files.createSymbolicLink(tree.resolve("loop-b.py"), tree.resolve("loop-a.py"));
        Cli.Result r = run("scan", tree.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith(tree.resolve("svc.py") + ":1:10: error [hardcoded-model-id]"), r.out());
        // the links point outside the scan root (the working directory); the FIFO and the FIFO .gitignore are unreadable
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info in 1 file (skipped: 4 symlinks outside the tree, 2 unreadable)\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aBackslashInALinuxFileNameIsPartOfTheName(@TempDir Path tree) throws Exception {
        Path odd = Files.writeString(tree.resolve("a\\b.py"), "MODEL = \"" + ID + "\"\n");
        Cli.Result r = run("scan", odd.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith(tree + "/a\\b.py:1:10: error [hardcoded-model-id]"), r.out());
    }

    @Test
    void aNonAsciiFileNameUnderLangCDoesNotAbortTheScan(@TempDir Path repo) throws Exception {
        GitRepo.initWithGitBinary(repo);
        Files.writeString(repo.resolve("caf\u00e9.py"), "MODEL = \"" + ID + "\"\n");
        Files.writeString(repo.resolve("plain.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "-A");
        Map<String, String> c = Map.of("LANG", "C", "LC_ALL", "C");
        Cli.Result tracked = Cli.runIn(repo, c, 60, "scan");
        assertEquals(1, tracked.exit(), tracked::toString);
        assertTrue(tracked.out().contains("caf\u00e9.py:1:10: error [hardcoded-model-id]"), tracked.out());
        assertTrue(tracked.out().contains("plain.py:1:10: error [hardcoded-model-id]"), tracked.out());
        Cli.Result walk = Cli.runIn(repo, c, 60, "scan", ".");
        assertEquals(1, walk.exit(), walk::toString);
        assertTrue(walk.out().contains("plain.py:1:10: error [hardcoded-model-id]"), walk.out());
    }
}
