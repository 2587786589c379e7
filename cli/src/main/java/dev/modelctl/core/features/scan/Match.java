package dev.modelctl.core.features.scan;

/**
 * A rule match: 1-based line and column, the matched text, and its offset in the scanned bytes ({@code -1} when the
 * match was found in a decoded value, e.g. a notebook string).
 */
public record Match(ScanRule rule, int line, int column, String text, int offset) {
}
