package dev.modelctl.core.scan;

import java.io.IOException;

/** One file to scan: its repository-relative path and how to get its bytes (working tree or a git blob). */
public record ScanTarget(String path, Content content) {

    /** Reads the file's bytes, at most {@code limit + 1} of them is enough to know it is too large. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }
}
