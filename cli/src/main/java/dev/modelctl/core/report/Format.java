package dev.modelctl.core.report;

import java.util.Locale;

/** The output formats every finding-producing command accepts ({@code --format}). */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, MARKDOWN;

    public Renderer renderer(boolean color) {
        return switch (this) {
            case TEXT -> new TextRenderer(color);
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer();
            case GITHUB -> new GithubRenderer();
            case MARKDOWN -> new MarkdownRenderer();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
