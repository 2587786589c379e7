package dev.modelctl.git;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.checks.team.FileSource;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files as they were at a git revision, read with JGit (no git binary). Paths are relative to the current directory
 * like the working-tree source; they are mapped to repository paths here.
 */
public final class GitFileSource implements FileSource, AutoCloseable {
    /** The largest --max-bytes allows; the document loader applies the command's own limit after this. */
    static final long MAX_BLOB_BYTES = 1L << 30;
    private final Repository repository;
    private final RevCommit commit;
    private final String ref;
    private final Path workTree;
    private final Path cwd;

    private GitFileSource(Repository repository, RevCommit commit, String ref, Path cwd) {
        this.repository = repository;
        this.commit = commit;
        this.ref = ref;
        this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        this.cwd = cwd;
    }

    /**
     * Opens the repository containing {@code start} (the document's directory) at {@code ref}; relative paths are read
     * against the current directory. One clear error when the repository or the revision is missing.
     */
    public static GitFileSource open(Path start, String ref) {
        Path dir = start.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        FileRepositoryBuilder builder = JGitUse.repositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new InputException("--base " + ref + ": " + dir + " is not inside a git repository");
        }
        try {
            Repository repo = builder.build();
            ObjectId id = repo.resolve(ref + "^{commit}");
            if (id == null) {
                repo.close();
                throw new InputException("--base " + ref + ": no such revision in " + repo.getWorkTree()
                        + " (in a shallow CI checkout, fetch it first: git fetch --depth=1 origin " + fetchable(ref) + ")");
            }
            try (RevWalk walk = new RevWalk(repo)) {
                return new GitFileSource(repo, walk.parseCommit(id), ref, cwd);
            }
        } catch (IOException e) {
            throw new InputException("--base " + ref + ": cannot read the repository: " + e.getMessage(), e);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new InputException("--base " + dev.modelctl.core.base.io.Escape.controls(ref)
                    + ": not a valid revision (examples: main, origin/main, HEAD~3, a commit id)");
        }
    }

    /** What to fetch for {@code ref}: {@code origin/main} and {@code refs/remotes/origin/main} are fetched as {@code main}. */
    static String fetchable(String ref) {
        String r = ref.startsWith("refs/remotes/") ? ref.substring("refs/remotes/".length()) : ref;
        return r.startsWith("origin/") ? r.substring("origin/".length()) : r;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path abs = cwd.resolve(path).normalize();
        if (!abs.startsWith(workTree)) {
            return Optional.empty();
        }
        String repoPath = workTree.relativize(abs).toString().replace('\\', '/');
        try (TreeWalk walk = TreeWalk.forPath(repository, repoPath, commit.getTree())) {
            if (walk == null) {
                return Optional.empty();
            }
            var blob = repository.open(walk.getObjectId(0));
            if (blob.getSize() > MAX_BLOB_BYTES) { // checked before reading: a huge blob must not exhaust the heap
                throw new InputException(ref + ":" + repoPath + ": " + blob.getSize() + " bytes exceeds the " + MAX_BLOB_BYTES
                        + "-byte limit for routing files read from git");
            }
            return Optional.of(blob.getBytes());
        } catch (IOException e) {
            throw new InputException(ref + ":" + repoPath + ": cannot read from git: " + e.getMessage(), e);
        }
    }

    @Override
    public String displayName(String path) {
        return ref + ":" + path;
    }

    /** The commit {@code ref} resolved to, abbreviated, for messages. */
    public String commitId() {
        return commit.getId().abbreviate(10).name();
    }

    @Override
    public void close() {
        repository.close();
    }
}
