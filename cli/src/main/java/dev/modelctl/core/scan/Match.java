package dev.modelctl.core.scan;

/** A rule match in a text: 1-based line and column, and the matched text. */
public record Match(ScanRule rule, int line, int column, String text) {
}
