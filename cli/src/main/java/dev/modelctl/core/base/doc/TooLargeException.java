package dev.modelctl.core.base.doc;

/** Input that would make the loader build an absurd tree (nesting, expanded aliases): reported as a syntax error. */
final class TooLargeException extends RuntimeException {
    final Position at;

    TooLargeException(Position at, String message) {
        super(message, null, false, false);
        this.at = at;
    }
}
