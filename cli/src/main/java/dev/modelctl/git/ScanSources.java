package dev.modelctl.git;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.io.Escape;
import dev.modelctl.core.base.io.InputFiles;
import dev.modelctl.core.features.scan.ScanStats;
import dev.modelctl.core.features.scan.ScanTarget;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

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
    private GitCli git;

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
        FileRepositoryBuilder builder = JGitUse.repositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() != null) {
            try {
                Repository repo = builder.setMustExist(true).build();
                if (!repo.isBare()) {
                    return new ScanSources(repo.getWorkTree().toPath().toAbsolutePath().normalize(), repo, stats);
                }
                repo.close();
            } catch (IOException | RuntimeException e) {
                throw new InputException(dir + ": cannot open the git repository: " + e.getMessage());
            }
        }
        return new ScanSources(dir, null, stats);
    }

    /**
     * For {@code scan PATHS}, what pre-commit runs: the repository's top found as git finds it from {@code cwd}, the
     * nearest directory holding a {@code .git} directory (with a {@code HEAD}) or a {@code .git} file (a worktree or
     * submodule: {@code gitdir: …}), without opening the repository. Opening it with JGit starts with reading git's
     * system configuration, for which JGit runs the git binary: most of a small scan's time (docs/scan.md). With
     * {@code GIT_DIR}, {@code GIT_WORK_TREE} or {@code GIT_CEILING_DIRECTORIES} set, {@link #open} decides, as
     * before. (A {@code core.worktree} setting elsewhere than the {@code .git} directory's parent is not read.)
     */
    public static ScanSources openForPaths(Path cwd, ScanStats stats) {
        if (System.getenv("GIT_DIR") != null || System.getenv("GIT_WORK_TREE") != null || System.getenv("GIT_CEILING_DIRECTORIES") != null) {
            return open(cwd, stats);
        }
        Path dir = cwd.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit) ? Files.isRegularFile(dotGit.resolve("HEAD")) : isGitFile(dotGit)) {
                return new ScanSources(d, null, stats);
            }
        }
        return new ScanSources(dir, null, stats); // outside a repository: paths are reported from the current directory
    }

    /** A {@code .git} file as worktrees and submodules have: {@code gitdir: PATH}. */
    private static boolean isGitFile(Path dotGit) {
        if (!Files.isRegularFile(dotGit)) {
            return false;
        }
        try {
            byte[] text = InputFiles.readBounded(dotGit, MAX_GIT_FILE_BYTES);
            return text != null && new String(text, java.nio.charset.StandardCharsets.UTF_8).startsWith("gitdir: ");
        } catch (IOException e) {
            return false;
        }
    }

    /** A {@code .git} file holds one line, a path. */
    private static final int MAX_GIT_FILE_BYTES = 8192;

    /**
     * For {@code scan --staged}: the work tree as the git binary finds it, without opening the repository with JGit
     * (the index is read through git too); when git is missing or finds no work tree, {@link #open} decides.
     */
    public static ScanSources openForStaged(Path cwd, ScanStats stats) {
        Path dir = cwd.toAbsolutePath().normalize();
        Optional<Path> top = GitCli.workTreeTop(dir);
        if (top.isPresent()) {
            ScanSources sources = new ScanSources(top.get().toAbsolutePath().normalize(), null, stats);
            sources.git = GitCli.at(dir);
            return sources;
        }
        return open(cwd, stats);
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
            } else if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
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
        DirCache index = readIndex(null);
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getFileMode() == FileMode.GITLINK) {
                continue;
            }
            Path abs;
            try {
                abs = root.resolve(e.getPathString());
            } catch (InvalidPathException unencodable) {
                // a name the locale cannot encode (non-ASCII under LANG=C): scan what git holds for it instead
                out.add(blob(e.getPathString(), e.getObjectId()));
                continue;
            }
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                file(abs, out);
            }
        }
        return out;
    }

    /** The blobs staged in the index: what is really being committed, not the working tree. */
    public List<ScanTarget> staged() {
        if (git != null) {
            return stagedWithGit(git);
        }
        requireRepository("--staged");
        Optional<GitCli> cli = GitCli.find(Path.of("").toAbsolutePath());
        if (cli.isPresent()) {
            return stagedWithGit(cli.get());
        }
        List<ScanTarget> out = new ArrayList<>();
        DirCache index = readIndex("--staged");
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getFileMode() == FileMode.GITLINK || e.getFileMode() == FileMode.SYMLINK) {
                continue;
            }
            out.add(blob(e.getPathString(), e.getObjectId()));
        }
        return out;
    }

    /** The staged blobs as the git binary lists them (what the commit will hold); each is read only when it fits the limit. */
    private List<ScanTarget> stagedWithGit(GitCli cli) {
        this.git = cli;
        List<GitCli.Entry> entries = cli.stagedEntries("--staged").stream().filter(GitCli.Entry::regularFile).toList();
        List<ScanTarget> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (GitCli.Entry e : entries) {
            if (!seen.add(e.path())) {
                continue; // a conflicted path has several stages; the first is scanned
            }
            out.add(new ScanTarget(e.path(), limit -> cli.blob(e.id(), limit)));
        }
        return out;
    }

    /** A blob of the object database, read only when it fits the limit. */
    private ScanTarget blob(String path, ObjectId id) {
        return new ScanTarget(path, limit -> {
            try (ObjectReader reader = repository.newObjectReader()) {
                ObjectLoader loader = reader.open(id);
                return loader.getSize() > limit ? null : loader.getBytes();
            }
        });
    }

    /** The index through JGit, after checking it is not corrupt (JGit would allocate whatever the header claims). */
    private DirCache readIndex(String flag) {
        IndexCheck.verify(repository.getIndexFile().toPath(), flag);
        try {
            return repository.readDirCache();
        } catch (IOException | RuntimeException e) {
            throw new InputException((flag == null ? "" : flag + ": ") + "cannot read the git index: " + e.getMessage());
        }
    }

    /** Working-tree files added or modified since {@code ref}, among those git tracks (like {@code git diff REF}). */
    public List<ScanTarget> changedSince(String ref) {
        requireRepository("--since");
        String flag = "--since " + Escape.controls(ref);
        List<ScanTarget> out = new ArrayList<>();
        DirCache index = readIndex(flag);
        try (Git git = new Git(repository); ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(repository)) {
            ObjectId id;
            try {
                id = repository.resolve(ref + "^{commit}");
            } catch (RevisionSyntaxException e) {
                throw new InputException(flag + ": not a valid revision (examples: main, origin/main, HEAD~3, a commit id)");
            }
            if (id == null) {
                throw new InputException(flag + ": no such revision (in a shallow checkout, fetch it first)");
            }
            CanonicalTreeParser old = new CanonicalTreeParser();
            old.reset(reader, walk.parseCommit(id).getTree());
            for (DiffEntry d : git.diff().setOldTree(old).setShowNameAndStatusOnly(true).call()) {
                if (d.getChangeType() != DiffEntry.ChangeType.DELETE && index.findEntry(d.getNewPath()) >= 0) {
                    Path abs;
                    try {
                        abs = root.resolve(d.getNewPath());
                    } catch (InvalidPathException unencodable) {
                        out.add(blob(d.getNewPath(), index.getEntry(d.getNewPath()).getObjectId()));
                        continue;
                    }
                    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                        file(abs, out);
                    }
                }
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            if (e instanceof InputException i) {
                throw i;
            }
            throw new InputException(flag + ": " + Escape.controls(String.valueOf(e.getMessage())));
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
        // regular files only, size first: a FIFO, socket or device (or a link to one) is never opened (unreadable)
        out.add(new ScanTarget(relative(abs), limit -> InputFiles.readBounded(abs, limit)));
    }

    /** '/'-separated and relative to the root; a backslash in a name on Linux is part of the name, not a separator. */
    private String relative(Path abs) {
        String rel = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return SEPARATOR_IS_SLASH ? rel : rel.replace('\\', '/');
    }

    private static final boolean SEPARATOR_IS_SLASH = java.io.File.separatorChar == '/';

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
                    byte[] rules = InputFiles.check(gitignore).isEmpty() ? readIgnore(gitignore) : null;
                    if (rules != null) { // a FIFO or device named .gitignore is not read
                        IgnoreNode node = new IgnoreNode();
                        node.parse(new ByteArrayInputStream(rules));
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
                        String rel = SEPARATOR_IS_SLASH ? base.relativize(p).toString() : base.relativize(p).toString().replace('\\', '/');
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

    private static final long MAX_GITIGNORE_BYTES = 1024 * 1024;

    private static byte[] readIgnore(Path gitignore) {
        try {
            return InputFiles.readBounded(gitignore, MAX_GITIGNORE_BYTES);
        } catch (IOException e) {
            return null; // unreadable: no rules from it, as git does
        }
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
        }
        if (repository != null) {
            repository.close();
        }
    }
}
