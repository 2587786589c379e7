package dev.modelctl.cli;

import java.io.PrintStream;

/**
 * Where a run writes: standard output and standard error, created once in {@link Main#run} and handed to every
 * command or mixin that declares a constructor taking it ({@link CommandFactory}).
 */
public record Streams(PrintStream out, PrintStream err) {
}
