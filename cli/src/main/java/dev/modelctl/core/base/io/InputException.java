package dev.modelctl.core.base.io;

/**
 * The input cannot be read at all (missing, unreadable, too large, binary): the command cannot do its job (exit 2).
 * The message is one line naming the problem and the place.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A file that had to parse cleanly did not: its first finding, as {@code file:line:col: message}. */
    public static InputException at(dev.modelctl.core.base.finding.Finding f) {
        return new InputException(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message());
    }
}
