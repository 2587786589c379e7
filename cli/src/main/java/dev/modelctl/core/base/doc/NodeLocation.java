package dev.modelctl.core.base.doc;

/**
 * Where a node sits in its source file: the node itself, and the mapping key that names it (the same as the node for
 * array items and the root). Four ints rather than two {@link Position}s: a large document has millions of these.
 */
public record NodeLocation(int keyLine, int keyColumn, int line, int column) {

    public NodeLocation(Position key, Position value) {
        this(key.line(), key.column(), value.line(), value.column());
    }

    public Position key() {
        return new Position(keyLine, keyColumn);
    }

    public Position value() {
        return new Position(line, column);
    }
}
