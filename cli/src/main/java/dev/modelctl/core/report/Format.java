package dev.modelctl.core.report;

import java.nio.file.Path;
import java.util.Locale;

/** The output formats every finding-producing command accepts ({@code --format}). */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, MARKDOWN;

    /** A renderer whose SARIF URIs are relative to the current directory. */
    public Renderer renderer(boolean color) {
        Path cwd = Path.of("").toAbsolutePath();
        return renderer(color, cwd, cwd);
    }

    /**
     * @param sourceRoot the repository root SARIF URIs are made relative to (files outside it get absolute URIs)
     * @param cwd        what relative file names in findings are relative to
     */
    public Renderer renderer(boolean color, Path sourceRoot, Path cwd) {
        return switch (this) {
            case TEXT -> new TextRenderer(color);
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer(sourceRoot, cwd);
            case GITHUB -> new GithubRenderer();
            case MARKDOWN -> new MarkdownRenderer();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
