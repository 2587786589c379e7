package dev.modelctl.core.checks.team;

import dev.modelctl.core.base.doc.DocumentLoader;

import java.nio.file.Path;
import java.util.Optional;

/** Where routing files are read from: the working tree, or a git revision ({@code check --base}). */
public interface FileSource {
    /** The bytes of {@code path} (relative to the source's root, '/'-separated), or empty when it does not exist. */
    Optional<byte[]> read(String path);

    /** How findings name {@code path}. */
    String displayName(String path);

    /**
     * The working tree under {@code root}; files are named as given (relative paths stay relative). Read through
     * {@code loader}: regular files only, within its size limit, checked before reading.
     */
    static FileSource workingTree(Path root, DocumentLoader loader) {
        return new FileSource() {
            @Override
            public Optional<byte[]> read(String path) {
                return loader.readIfExists(root.resolve(path), path);
            }

            @Override
            public String displayName(String path) {
                return path;
            }
        };
    }
}
