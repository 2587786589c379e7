package dev.modelctl.git;

import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where this package starts JGit on a repository (every {@link FileRepositoryBuilder} comes from here), and whether
 * this run has. Once JGit touches a repository it registers work for the JVM's shutdown: it saves its measurements
 * of the file system's timestamp resolution to the user's JGit config and deletes the lock files it still holds. A
 * run that used JGit therefore exits; only one that did not may halt (cli/Main, docs/startup.md).
 */
public final class JGitUse {
    private static volatile boolean used;

    private JGitUse() {
    }

    /** A builder to find and open a repository with; this run now uses JGit. */
    static FileRepositoryBuilder repositoryBuilder() {
        used = true;
        return new FileRepositoryBuilder();
    }

    /** Notes a use of JGit that starts without a builder (creating a repository). */
    static void noteUse() {
        used = true;
    }

    /** Whether this run has used JGit, and so left it shutdown work to do. */
    public static boolean usedThisRun() {
        return used;
    }
}
