package dev.modelctl.core.base.io;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one way modelctl reads an input file (documents, repo config, ownership and team files, catalog, baseline,
 * .gitignore, scanned files). Only regular files are opened: the file type is checked with {@code lstat} semantics
 * first, so a FIFO, socket or character device ({@code /dev/zero}) is refused before anything could block on it or
 * stream forever; the size is checked before reading and the read itself stops one byte past the limit, so a file of
 * any size (over 2 GiB too) costs at most {@code limit + 1} bytes of memory. Symlinks are followed to a regular file;
 * a loop or a dangling link is refused. See docs/validate.md, "Errors and exit codes".
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** Why a path is not a readable regular file; {@link #message()} is the text after {@code file: }. */
    public enum Refusal {
        MISSING("no such file"),
        DIRECTORY("is a directory, expected a YAML or JSON file"),
        FIFO("is a named pipe (FIFO), expected a regular file"),
        DEVICE("is a device or socket, expected a regular file"),
        LINK_LOOP("is a symlink loop or a dangling symlink"),
        DENIED("permission denied");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A path that cannot be read as a regular file, or one over the limit; carries the one-line reason. */
    public static final class NotReadable extends IOException {
        private final Refusal refusal;

        NotReadable(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        /** The refusal, or {@code null} when the file was readable but too large. */
        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * The attributes of the file {@code path} names, following symlinks, or why it is not a regular file. Nothing is
     * opened: {@code lstat}/{@code stat} only.
     */
    public static Optional<Refusal> check(Path path) {
        try {
            BasicFileAttributes link = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes target = link;
            if (link.isSymbolicLink()) {
                try {
                    target = Files.readAttributes(path.toRealPath(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    return Optional.of(Refusal.LINK_LOOP);
                } catch (FileSystemException e) {
                    // ELOOP: "Too many levels of symbolic links"
                    return Optional.of(e instanceof AccessDeniedException ? Refusal.DENIED : Refusal.LINK_LOOP);
                }
            }
            if (target.isRegularFile()) {
                return Optional.empty();
            }
            if (target.isDirectory()) {
                return Optional.of(Refusal.DIRECTORY);
            }
            // BasicFileAttributes cannot tell a FIFO from a device; the unix view can, where there is one
            return Optional.of(isFifo(path) ? Refusal.FIFO : Refusal.DEVICE);
        } catch (NoSuchFileException e) {
            return Optional.of(Refusal.MISSING);
        } catch (AccessDeniedException e) {
            return Optional.of(Refusal.DENIED);
        } catch (IOException e) {
            return Optional.of(Refusal.LINK_LOOP);
        }
    }

    private static boolean isFifo(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The bytes of the regular file {@code path}, or {@code null} when it has more than {@code limit} bytes (checked
     * before reading, and again while reading in case it grows). Not a regular file: {@link NotReadable}.
     */
    public static byte[] readBounded(Path path, long limit) throws IOException {
        Optional<Refusal> refusal = check(path);
        if (refusal.isPresent()) {
            throw new NotReadable(refusal.get(), refusal.get().message());
        }
        if (Files.size(path) > limit) {
            return null;
        }
        try (InputStream in = Files.newInputStream(path)) {
            int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 16);
            byte[] bytes = in.readNBytes(cap);
            if (bytes.length > limit) {
                return null; // grew meanwhile
            }
            return bytes;
        }
    }

    /**
     * Reads an input the command needs (a document, a config, a team file), refusing anything but a regular file of at
     * most {@code limit} bytes with one line: {@code NAME: reason}. {@code what} names the kind of file in the size
     * message ("routing document", "repo config"); {@code limitHint} says how to raise the limit, or is {@code null}.
     */
    public static byte[] read(Path path, String displayName, long limit, String what, String limitHint) {
        return readIfExists(path, displayName, limit, what, limitHint)
                .orElseThrow(() -> new InputException(displayName + ": no such file"));
    }

    /** Like {@link #read}, but a missing file is empty rather than an error. */
    public static Optional<byte[]> readIfExists(Path path, String displayName, long limit, String what, String limitHint) {
        String name = Escape.controls(displayName);
        if (path.toString().isEmpty()) {
            throw new InputException("'': an empty path names no file");
        }
        try {
            Optional<Refusal> refusal = check(path);
            if (refusal.isPresent()) {
                if (refusal.get() == Refusal.MISSING) {
                    return Optional.empty();
                }
                throw new InputException(name + ": " + refusal.get().message());
            }
            long size = Files.size(path);
            byte[] bytes = size > limit ? null : readBounded(path, limit);
            if (bytes == null) {
                throw new InputException(name + ": " + Math.max(size, limit + 1) + " bytes exceeds the " + limit + "-byte limit for "
                        + what + "s" + (limitHint == null ? "" : " (" + limitHint + ")"));
            }
            return Optional.of(bytes);
        } catch (NotReadable e) {
            throw new InputException(name + ": " + e.getMessage());
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * {@code text} as a path, or one line naming {@code where} (e.g. {@code .modelctl.yaml:3:12}) and the value with
     * control characters escaped (a NUL byte is not allowed in a path).
     */
    public static Path path(String text, String where) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputException(where + ": '" + Escape.controls(text) + "' is not a valid path ("
                    + Escape.controls(e.getReason()) + ")");
        }
    }
}
