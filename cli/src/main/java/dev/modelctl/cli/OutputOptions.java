package dev.modelctl.cli;

import dev.modelctl.core.report.Format;
import dev.modelctl.core.report.Report;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code --format}, {@code --color}: shared by every command that reports findings. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    /** When text output is coloured; anything else on the command line is a usage error (exit 2). */
    enum Color { AUTO, ALWAYS, NEVER }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (only on a terminal), always, never.")
    Color color = Color.AUTO;

    public Format format() {
        return format;
    }

    boolean colorEnabled() {
        return switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** Renders the report in the chosen format and returns the exit code the findings call for. */
    public int emit(Report report, PrintStream out) {
        // one buffered write instead of a flushed write per line: thousands of findings print in milliseconds
        PrintStream buffered = new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8);
        format.renderer(colorEnabled()).render(report, buffered);
        buffered.flush();
        out.flush();
        return report.exitCode();
    }
}
