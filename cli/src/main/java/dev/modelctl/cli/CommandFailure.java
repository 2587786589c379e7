package dev.modelctl.cli;

/** A command could not do its job for a reason the user can act on; printed as one line, exit 2 (or the given code). */
public class CommandFailure extends RuntimeException {
    private final int exitCode;

    public CommandFailure(String message) {
        this(message, dev.modelctl.core.base.finding.Findings.EXIT_FAILURE);
    }

    public CommandFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
