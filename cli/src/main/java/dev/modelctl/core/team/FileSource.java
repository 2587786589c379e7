package dev.modelctl.core.team;

import dev.modelctl.core.doc.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where routing files are read from: the working tree, or a git revision ({@code check --base}). */
public interface FileSource {
    /** The bytes of {@code path} (relative to the source's root, '/'-separated), or empty when it does not exist. */
    Optional<byte[]> read(String path);

    /** How findings name {@code path}. */
    String displayName(String path);

    /** The working tree under {@code root}; files are named as given (relative paths stay relative). */
    static FileSource workingTree(Path root) {
        return new FileSource() {
            @Override
            public Optional<byte[]> read(String path) {
                Path p = root.resolve(path);
                try {
                    if (Files.isDirectory(p)) {
                        throw new InputException(path + ": is a directory, expected a YAML or JSON file");
                    }
                    return Optional.of(Files.readAllBytes(p));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new InputException(path + ": cannot read: " + e.getMessage(), e);
                }
            }

            @Override
            public String displayName(String path) {
                return path;
            }
        };
    }
}
