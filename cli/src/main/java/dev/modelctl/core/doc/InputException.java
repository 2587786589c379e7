package dev.modelctl.core.doc;

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
}
