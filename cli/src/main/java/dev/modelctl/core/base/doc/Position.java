package dev.modelctl.core.base.doc;

/** A 1-based source position; {@code line == 0} means unknown (report against the whole file). */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);
}
