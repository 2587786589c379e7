package dev.modelctl.testing;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A test's git repository, every commit by {@link #NAME} &lt;{@link #EMAIL}&gt; and unsigned. Made with JGit ({@link #init},
 * {@link #commitAll}, {@link #shallowClone}, …); or, for the states the scan must read as git itself does (linked
 * worktrees, GIT_INDEX_FILE, quoted names), with the git binary ({@link #initWithGitBinary}, {@link #git}).
 */
public final class GitRepo implements AutoCloseable {
    public static final String NAME = "Dev";
    public static final String EMAIL = "dev@example.com";
    private final Git git;

    private GitRepo(Git git) {
        this.git = git;
    }

    /** A new repository in {@code dir} (created when missing) on branch {@code main}, no commit yet. */
    public static GitRepo init(Path dir) throws GitAPIException {
        return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    /** The repository whose work tree is {@code dir}. */
    public static GitRepo open(Path dir) throws IOException {
        return new GitRepo(Git.open(dir.toFile()));
    }

    /** A new repository in {@code dir} on branch {@code main} with everything in {@code dir} committed as {@code message}. */
    public static void initAndCommitAll(Path dir, String message) throws GitAPIException {
        try (GitRepo repo = init(dir)) {
            repo.commitAll(message);
        }
    }

    /** Stages the files {@code pattern} names ({@code git add}). */
    public GitRepo add(String pattern) throws GitAPIException {
        git.add().addFilepattern(pattern).call();
        return this;
    }

    /** Commits what is staged. */
    public GitRepo commit(String message) throws GitAPIException {
        git.commit().setMessage(message).setAuthor(NAME, EMAIL).setCommitter(NAME, EMAIL).setSign(false).call();
        return this;
    }

    /** Stages every change in the work tree, new and deleted files too ({@code git add -A}), and commits it. */
    public GitRepo commitAll(String message) throws GitAPIException {
        add(".");
        git.add().addFilepattern(".").setUpdate(true).call();
        return commit(message);
    }

    /** Creates branch {@code name} at HEAD and checks it out. */
    public GitRepo checkoutNewBranch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    /** A clone of {@code origin} into {@code into} with only {@code branch}, one commit deep (what CI checks out). */
    public static GitRepo shallowClone(Path origin, String branch, Path into) throws GitAPIException {
        return new GitRepo(Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(into.toFile()).setBranch(branch)
                .setBranchesToClone(List.of("refs/heads/" + branch)).setDepth(1).call());
    }

    /** Fetches {@code branch} of origin, one commit deep, to {@code origin/<branch>} ({@code git fetch --depth=1 origin branch}). */
    public GitRepo fetchShallow(String branch) throws GitAPIException {
        git.fetch().setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).setDepth(1).call();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }

    /** With the git binary: a new repository in {@code repo} on branch {@code main}, this identity, names unquoted. */
    public static void initWithGitBinary(Path repo) throws Exception {
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.email", EMAIL);
        git(repo, "config", "user.name", NAME);
        git(repo, "config", "core.quotepath", "false");
    }

    /** Runs the git binary in {@code repo}, commit signing off; returns its output and errors together, and fails the test on a non-zero exit. */
    public static String git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> "git " + String.join(" ", args) + ": " + out);
        return out;
    }
}
