package dev.modelctl.git;

import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.scan.ScanStats;
import dev.modelctl.core.scan.ScanTarget;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code scan} reads: explicit paths (what pre-commit passes), every tracked file, the staged blobs of the git
 * index, the files changed since a revision, or a directory walk that honours {@code .gitignore}. Paths are reported
 * relative to the repository (or the current directory outside one).
 */
public final class ScanSources implements AutoCloseable {
    private final Path root;
    private final Path realRoot;
    private final Repository repository;
    private final ScanStats stats;

    private ScanSources(Path root, Repository repository, ScanStats stats) {
        this.root = root;
        this.repository = repository;
        this.stats = stats;
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root;
        }
        this.realRoot = real;
    }

    /** Opens the repository around {@code cwd}, if any. */
    public static ScanSources open(Path cwd, ScanStats stats) {
        Path dir = cwd.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() != null) {
            try {
                Repository repo = builder.setMustExist(true).build();
                if (!repo.isBare()) {
                    return new ScanSources(repo.getWorkTree().toPath().toAbsolutePath().normalize(), repo, stats);
                }
                repo.close();
            } catch (IOException e) {
                throw new InputException(dir + ": cannot open the git repository: " + e.getMessage());
            }
        }
        return new ScanSources(dir, null, stats);
    }

    public boolean inRepository() {
        return repository != null;
    }

    public Path root() {
        return root;
    }

    /** The given files and directories (directories are walked, honouring .gitignore). */
    public List<ScanTarget> paths(List<Path> paths) {
        List<ScanTarget> out = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs) && !Files.isSymbolicLink(abs)) {
                walk(abs, out);
            } else if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                file(abs, out);
            } else {
                throw new InputException(p + ": no such file or directory");
            }
        }
        return out;
    }

    /** Every file git tracks (the working-tree content), or the directory walk outside a repository. */
    public List<ScanTarget> all() {
        if (repository == null) {
            List<ScanTarget> out = new ArrayList<>();
            walk(root, out);
            return out;
        }
        List<ScanTarget> out = new ArrayList<>();
        try {
            DirCache index = repository.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getFileMode() == FileMode.GITLINK) {
                    continue;
                }
                Path abs = root.resolve(e.getPathString());
                if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    file(abs, out);
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read the git index: " + e.getMessage());
        }
        return out;
    }

    /** The blobs staged in the index: what is really being committed, not the working tree. */
    public List<ScanTarget> staged() {
        requireRepository("--staged");
        List<ScanTarget> out = new ArrayList<>();
        try {
            DirCache index = repository.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getFileMode() == FileMode.GITLINK || e.getFileMode() == FileMode.SYMLINK) {
                    continue;
                }
                ObjectId blob = e.getObjectId();
                out.add(new ScanTarget(e.getPathString(), limit -> {
                    try (ObjectReader reader = repository.newObjectReader()) {
                        ObjectLoader loader = reader.open(blob);
                        return loader.getSize() > limit ? null : loader.getBytes();
                    }
                }));
            }
        } catch (IOException e) {
            throw new InputException("cannot read the git index: " + e.getMessage());
        }
        return out;
    }

    /** Working-tree files added or modified since {@code ref}, among those git tracks (like {@code git diff REF}). */
    public List<ScanTarget> changedSince(String ref) {
        requireRepository("--since");
        List<ScanTarget> out = new ArrayList<>();
        try (Git git = new Git(repository); ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                throw new InputException("--since " + ref + ": no such revision (in a shallow checkout, fetch it first)");
            }
            CanonicalTreeParser old = new CanonicalTreeParser();
            old.reset(reader, walk.parseCommit(id).getTree());
            DirCache index = repository.readDirCache();
            for (DiffEntry d : git.diff().setOldTree(old).setShowNameAndStatusOnly(true).call()) {
                if (d.getChangeType() != DiffEntry.ChangeType.DELETE && index.findEntry(d.getNewPath()) >= 0) {
                    Path abs = root.resolve(d.getNewPath());
                    if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        file(abs, out);
                    }
                }
            }
        } catch (IOException | GitAPIException e) {
            throw new InputException("--since " + ref + ": " + e.getMessage());
        }
        return out;
    }

    private void requireRepository(String flag) {
        if (repository == null) {
            throw new InputException(flag + ": " + root + " is not inside a git repository");
        }
    }

    private void file(Path abs, List<ScanTarget> out) {
        if (Files.isSymbolicLink(abs)) {
            try {
                Path real = abs.toRealPath();
                if (!real.startsWith(realRoot) || Files.isDirectory(real)) {
                    stats.symlinksOutside.incrementAndGet();
                    return;
                }
            } catch (IOException e) { // dangling link or a loop
                stats.symlinksOutside.incrementAndGet();
                return;
            }
        }
        out.add(new ScanTarget(relative(abs), limit -> {
            if (Files.size(abs) > limit) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(abs);
            return bytes.length > limit ? null : bytes; // grew meanwhile
        }));
    }

    private String relative(Path abs) {
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /** A directory walk honouring every .gitignore on the way down (and skipping .git). */
    private void walk(Path start, List<ScanTarget> out) {
        Deque<IgnoreNode> ignores = new ArrayDeque<>();
        Deque<Path> ignoreDirs = new ArrayDeque<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(start) && ignored(dir, true)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path gitignore = dir.resolve(".gitignore");
                    if (Files.isRegularFile(gitignore)) {
                        IgnoreNode node = new IgnoreNode();
                        try (InputStream in = Files.newInputStream(gitignore)) {
                            node.parse(in);
                        }
                        ignores.push(node);
                        ignoreDirs.push(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!ignored(file, false)) {
                        file(file, out);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // unreadable entries (permission, a symlink loop) are skipped; the walk goes on
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (!ignoreDirs.isEmpty() && ignoreDirs.peek().equals(dir)) {
                        ignoreDirs.pop();
                        ignores.pop();
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** The nearest .gitignore with an opinion decides (JGit's IgnoreNode semantics). */
                private boolean ignored(Path p, boolean directory) {
                    var dirs = ignoreDirs.iterator();
                    for (IgnoreNode node : ignores) {
                        Path base = dirs.next();
                        String rel = base.relativize(p).toString().replace('\\', '/');
                        Boolean result = node.checkIgnored(rel, directory);
                        if (result != null) {
                            return result;
                        }
                    }
                    return false;
                }
            });
        } catch (IOException e) {
            throw new InputException(start + ": cannot walk: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
