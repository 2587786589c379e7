package dev.modelctl.git;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.nio.file.Path;

/** The top of the git working tree a directory belongs to: what SARIF URIs are relative to (docs/ci.md). */
public final class WorkTree {
    private WorkTree() {
    }

    /** The working tree containing {@code dir}, or {@code dir} itself outside a repository (or in a bare one). */
    public static Path rootOf(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
            if (builder.getGitDir() == null) {
                return abs;
            }
            try (Repository repo = builder.build()) {
                return repo.isBare() ? abs : repo.getWorkTree().toPath().toAbsolutePath().normalize();
            }
        } catch (Exception e) {
            return abs; // an unreadable repository only costs the relative URIs, never the report
        }
    }
}
