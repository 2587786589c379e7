package dev.modelctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files for a test's temporary directory: a fixture tree copied in, a text edited in place. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Copies the tree {@code from} (a folder under {@link Fixture#ROOT}, say) to {@code to}, creating it; returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        return copyTree(from, to, file -> true);
    }

    /** As {@link #copyTree(Path, Path)}, copying only the files {@code include} accepts (every folder is created). */
    public static Path copyTree(Path from, Path to, Predicate<Path> include) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (include.test(p)) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Replaces {@code from} with {@code to} in {@code file}; fails the test when {@code from} does not occur in it. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }
}
