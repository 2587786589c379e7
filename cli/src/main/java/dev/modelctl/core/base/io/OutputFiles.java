package dev.modelctl.core.base.io;


import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command may write a file it produces ({@code build --out}): a new file or an existing regular file, which
 * is replaced atomically (a temporary file beside it, then a rename). Anything else is refused before any work:
 * a directory, a FIFO, a device ({@code /dev/null} would be replaced by a regular file when run as root) and a symlink
 * (the rename would replace the link, not its target; give the target's path). See docs/validate.md. Every file a
 * command writes goes through {@link #writeAtomically}, so none is ever left half-written.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void requireRegularTarget(Path out, String flag) {
        String name = flag + " " + Escape.controls(out.toString());
        if (out.toString().isEmpty() || out.getFileName() == null) {
            throw new InputException(name + ": not a file name (give the path of the file to write)");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // a new file
        } catch (IOException e) {
            throw new InputException(name + ": cannot check the target: " + e.getMessage());
        }
        String refusal = refusal(attrs);
        if (refusal != null) {
            throw new InputException(name + refusal);
        }
    }

    /** Why an existing {@code attrs} may not be replaced, or null for a regular file. */
    private static String refusal(BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return ": is a symlink; writing would replace the link, so give the path it points to";
        }
        if (attrs.isDirectory()) {
            return ": is a directory, expected a file name";
        }
        return attrs.isRegularFile() ? null : ": is not a regular file (a device, FIFO or socket); refusing to replace it";
    }

    /**
     * Writes {@code bytes} to {@code out} all at once: a temporary file beside it, then a rename. The temporary file is
     * created like any new file (so the umask applies, unlike {@code Files.createTempFile}'s owner-only mode) and takes
     * over the permissions of the file it replaces.
     */
    public static void writeAtomically(Path out, byte[] bytes) {
        try { // never replace a device, FIFO, directory or link, whichever command writes; other problems the write reports
            String refusal = refusal(Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            if (refusal != null) {
                throw new InputException(Escape.controls(out.toString()) + refusal);
            }
        } catch (IOException e) {
            // no such file yet, or unreadable: the write below says what is wrong
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = dir.resolve("." + out.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (Files.exists(out) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(out));
            }
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException(out + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the output
                }
            }
        }
    }
}
