package dev.modelctl.core.base.io;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a command may write a file it produces ({@code build --out}): a new file or an existing regular file, which
 * is replaced atomically (a temporary file beside it, then a rename). Anything else is refused before any work:
 * a directory, a FIFO, a device ({@code /dev/null} would be replaced by a regular file when run as root) and a symlink
 * (the rename would replace the link, not its target; give the target's path). See docs/validate.md.
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
        if (attrs.isSymbolicLink()) {
            throw new InputException(name + ": is a symlink; writing would replace the link, so give the path it points to");
        }
        if (attrs.isDirectory()) {
            throw new InputException(name + ": is a directory, expected a file name");
        }
        if (!attrs.isRegularFile()) {
            throw new InputException(name + ": is not a regular file (a device, FIFO or socket); refusing to replace it");
        }
    }
}
