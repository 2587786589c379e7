package dev.modelctl.core.features.drill;

/** The drill could not run (exit 2): nothing to measure, or a guard refused before the lever was pulled. */
public final class DrillException extends RuntimeException {
    public DrillException(String message) {
        super(message, null, false, false);
    }
}
