package dev.modelctl.core.report;

import java.io.PrintStream;

/** Turns a report into one output format. */
public interface Renderer {
    void render(Report report, PrintStream out);
}
