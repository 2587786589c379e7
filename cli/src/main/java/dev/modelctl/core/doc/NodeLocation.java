package dev.modelctl.core.doc;

/**
 * Where a node sits in its source file: {@code value} is the node itself, {@code key} the mapping key that names it
 * (equal to {@code value} for array items and the root).
 */
public record NodeLocation(Position key, Position value) {
}
