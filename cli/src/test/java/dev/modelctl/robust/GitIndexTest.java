package dev.modelctl.robust;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scan --staged} reads what git would commit, through the git binary (GIT_INDEX_FILE, worktrees); a corrupt
 * index is one line and exit 2 in every scan mode, never an OutOfMemoryError; a bad revision names itself.
 */
class GitIndexTest {
    static final String ID = SpecialFilesTest.ID;
    static final Map<String, String> NO_ENV = Map.of();

    private static Path repoWithOneCommit(Path repo) throws Exception {
        GitRepo.initWithGitBinary(repo);
        Files.writeString(repo.resolve("clean.py"), "x = 1\n");
        GitRepo.git(repo, "add", "-A");
        GitRepo.git(repo, "commit", "-qm", "init");
        return repo;
    }

    @Test
    void stagedHonoursGitIndexFileAsAPartialCommitSetsIt(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        Files.writeString(repo.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "svc.py");
        Files.copy(repo.resolve(".git/index"), repo.resolve(".git/alt-index"));
        GitRepo.git(repo, "reset", "-q", "svc.py"); // the default index no longer stages it
        Cli.Result plain = Cli.runIn(repo, NO_ENV, 60, "scan", "--staged");
        assertEquals(0, plain.exit(), plain::toString);
        Cli.Result alt = Cli.runIn(repo, Map.of("GIT_INDEX_FILE", repo.resolve(".git/alt-index").toString()), 60, "scan", "--staged");
        assertEquals(1, alt.exit(), alt::toString);
        assertTrue(alt.out().startsWith("svc.py:1:10: error [hardcoded-model-id]"), alt.out());
    }

    /** git's header gives the size: an oversized blob is not read (its git process is stopped), the next ones still are. */
    @Test
    void anOversizedStagedBlobIsSkippedAndTheBlobsAfterItAreRead(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        Files.writeString(repo.resolve(".modelctl.yaml"), "scan:\n  max_file_bytes: 100000\n");
        Files.writeString(repo.resolve("a_big.py"), "MODEL = \"" + ID + "\"\n" + "# padding\n".repeat(20_000));
        Files.writeString(repo.resolve("b.py"), "MODEL = \"" + ID + "\"\n");
        Files.writeString(repo.resolve("z.py"), "x = 1\nMODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "-A");
        Cli.Result r = Cli.runIn(repo, NO_ENV, 60, "scan", "--staged");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("b.py:1:10: error [hardcoded-model-id]"), r.out());
        assertTrue(r.out().contains("\nz.py:2:10: error [hardcoded-model-id]"), r.out());
        assertFalse(r.out().contains("a_big.py"), r.out());
        assertTrue(r.out().contains("1 over 100000 bytes"), r.out());
    }

    /**
     * An index entry whose blob is not in the object database (git itself would refuse to commit it) is counted as
     * unreadable in the summary; the batch git answers "missing" and the scan goes on.
     */
    @Test
    void aStagedBlobMissingFromTheObjectDatabaseIsCountedUnreadable(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        String ghost = "0123456789abcdef0123456789abcdef01234567";
        GitRepo.git(repo, "update-index", "--add", "--info-only", "--cacheinfo", "100644," + ghost + ",ghost.py");
        Files.writeString(repo.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "svc.py"); // after the missing one: still read
        Cli.Result r = Cli.runIn(repo, NO_ENV, 60, "scan", "--staged");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("svc.py:1:10: error [hardcoded-model-id]"), r.out());
        assertTrue(r.out().contains("(skipped: 1 unreadable)"), r.out());
    }

    @Test
    void stagedWorksInALinkedWorktree(@TempDir Path dir) throws Exception {
        Path main = repoWithOneCommit(Files.createDirectory(dir.resolve("main")));
        GitRepo.git(main, "worktree", "add", "-q", dir.resolve("wt").toString());
        Path wt = dir.resolve("wt");
        Files.writeString(wt.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(wt, "add", "svc.py");
        Cli.Result r = Cli.runIn(wt, NO_ENV, 60, "scan", "--staged");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("svc.py:1:10: error [hardcoded-model-id]"), r.out());
    }

    @Test
    void aCorruptIndexIsOneLineExit2InEveryScanMode(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        byte[] corrupt = new byte[4096];
        System.arraycopy(new byte[]{'D', 'I', 'R', 'C', 0, 0, 0, 2, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 0, corrupt, 0, 12);
        for (int i = 12; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Path index = repo.resolve(".git/index");
        Files.write(index, corrupt);
        for (String[] args : new String[][]{{"scan"}, {"scan", "--since", "HEAD"}}) {
            Cli.Result r = Cli.runIn(repo, NO_ENV, 60, args);
            assertEquals(2, r.exit(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().contains(index + ": corrupt git index (the header claims 2147483647 entries, more than 4096 bytes can hold)"), r.err());
        }
        Cli.Result staged = Cli.runIn(repo, NO_ENV, 60, "scan", "--staged");
        assertEquals(2, staged.exit(), staged::toString);
        assertEquals(1, staged.err().lines().count(), staged::toString);
        assertTrue(staged.err().startsWith("modelctl: --staged: git ls-files failed: "), staged.err());
        // garbage of the right length but a wrong checksum: git's own check, made before JGit reads it
        byte[] one = java.util.Arrays.copyOf(corrupt, 12 + 62 + 20);
        java.nio.ByteBuffer.wrap(one).putInt(8, 1); // one entry: the size fits, the SHA-1 trailer does not
        Files.write(index, one);
        Cli.Result sum = Cli.runIn(repo, NO_ENV, 60, "scan");
        assertEquals(2, sum.exit(), sum::toString);
        assertTrue(sum.err().contains("corrupt git index (checksum mismatch)"), sum.err());
    }

    @Test
    void withoutAGitBinaryJGitReadsTheIndexAndStillRefusesACorruptOne(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        Files.writeString(repo.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "svc.py");
        Map<String, String> noGit = Map.of("PATH", "/nonexistent");
        Cli.Result staged = Cli.runIn(repo, noGit, 60, "scan", "--staged");
        assertEquals(1, staged.exit(), staged::toString);
        assertTrue(staged.out().startsWith("svc.py:1:10: error [hardcoded-model-id]"), staged.out());
        Path index = repo.resolve(".git/index");
        Files.write(index, new byte[]{'D', 'I', 'R', 'C', 0, 0, 0, 2, 0x7f, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22});
        Cli.Result corrupt = Cli.runIn(repo, noGit, 60, "scan", "--staged");
        assertEquals(2, corrupt.exit(), corrupt::toString);
        assertEquals("modelctl: --staged: " + index + ": corrupt git index (the header claims 2130706432 entries, more than 34 bytes can hold);"
                + " repair it with 'git read-tree HEAD' or 'rm " + index + " && git reset'\n", corrupt.err());
    }

    @Test
    void aRevisionThatDoesNotParseNamesItself(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        Cli.Result r = Cli.runIn(repo, NO_ENV, 60, "scan", "--since", "@{");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: --since @{: not a valid revision (examples: main, origin/main, HEAD~3, a commit id)\n", r.err());
    }

    @Test
    void aTrackedFileReplacedByAFifoIsSkipped(@TempDir Path repo) throws Exception {
        repoWithOneCommit(repo);
        Files.writeString(repo.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
        GitRepo.git(repo, "add", "svc.py");
        Files.delete(repo.resolve("clean.py"));
        assertEquals(0, new ProcessBuilder("mkfifo", repo.resolve("clean.py").toString()).start().waitFor());
        Cli.Result r = Cli.runIn(repo, NO_ENV, 60, "scan");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info in 1 file (skipped: 1 unreadable)\n"), r.out());
    }
}
