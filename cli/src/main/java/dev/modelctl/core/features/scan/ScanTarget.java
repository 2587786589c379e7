package dev.modelctl.core.features.scan;

import java.io.IOException;

/** One file to scan: its repository-relative path and how to get its bytes (working tree or a git blob). */
public record ScanTarget(String path, Content content) {

    /** Reads the file's bytes, or returns {@code null} when it has more than {@code limit} (checked before reading). */
    @FunctionalInterface
    public interface Content {
        byte[] read(long limit) throws IOException;
    }
}
