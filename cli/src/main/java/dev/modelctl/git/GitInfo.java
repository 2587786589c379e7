package dev.modelctl.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.nio.file.Path;

/** Who and what is being deployed, for the hosted version's description: the git commit and author when in a repo. */
public final class GitInfo {
    private GitInfo() {
    }

    public static String describe(Path file, String what) {
        try {
            var builder = JGitUse.repositoryBuilder().findGitDir(file.toAbsolutePath().getParent().toFile());
            if (builder.getGitDir() == null) {
                return what;
            }
            try (Repository repo = builder.build(); RevWalk walk = new RevWalk(repo)) {
                ObjectId head = repo.resolve("HEAD");
                if (head == null) {
                    return what;
                }
                RevCommit c = walk.parseCommit(head);
                String text = what + " @ " + head.abbreviate(10).name() + (dirty(repo, file) ? "-dirty (uncommitted changes to " + file.getFileName()
                        + ")" : "") + " by " + c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">: " + c.getShortMessage();
                return dev.modelctl.core.features.deploy.AuditDescription.of(text);
            }
        } catch (Exception e) {
            return what; // the description is informational; never fail a deploy over it
        }
    }

    /** The file differs from HEAD (modified, staged, or not tracked at all). */
    private static boolean dirty(Repository repo, Path file) throws Exception {
        Path top = repo.getWorkTree().toPath().toRealPath();
        String relative = top.relativize(file.toAbsolutePath().toRealPath()).toString().replace('\\', '/');
        var status = org.eclipse.jgit.api.Git.wrap(repo).status().addPath(relative).call();
        return !status.isClean();
    }

    /** The git user's email for audit fields (override engineer), or {@code null}. */
    public static String userEmail(Path dir) {
        try {
            var builder = JGitUse.repositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return null;
            }
            try (Repository repo = builder.build()) {
                return repo.getConfig().getString("user", null, "email");
            }
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The work tree that contains {@code dir}, or {@code null} outside a git repository (or in a bare one). Asks the
     * repository rather than taking the parent of the git directory, which is wrong for linked worktrees and submodules
     * (their {@code .git} is a file pointing elsewhere).
     */
    public static Path workTreeRoot(Path dir) {
        java.util.Optional<Path> top = GitCli.workTreeTop(dir.toAbsolutePath());
        if (top.isPresent()) {
            return top.get().toAbsolutePath().normalize();
        }
        FileRepositoryBuilder builder = JGitUse.repositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repo = builder.build()) {
            return repo.isBare() ? null : repo.getWorkTree().toPath().toAbsolutePath().normalize();
        } catch (Exception e) {
            return null; // an unreadable repository: callers fall back as outside one
        }
    }

    /** A new repository in {@code dir} with every file in it staged (the launcher's training run, docs/startup.md). */
    public static void initAndStageAll(Path dir) throws java.io.IOException {
        // the git binary when there is one: JGit here would put its classes into a cache whose hook paths use git
        if (GitCli.run(dir, "init", "-q") && GitCli.run(dir, "add", "-A")) {
            return;
        }
        JGitUse.noteUse();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
    }
}
