package dev.modelctl.cli;

import dev.modelctl.core.base.io.OutputFiles;
import dev.modelctl.core.report.Format;
import dev.modelctl.core.report.Report;
import dev.modelctl.git.GitInfo;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --format}, {@code --color} and the CI output files ({@code --sarif-file}, {@code --summary-file},
 * {@code --json-file}): shared by every command that reports findings, so CI runs each command once (docs/ci.md).
 */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    /** When text output is coloured; anything else on the command line is a usage error (exit 2). */
    enum Color { AUTO, ALWAYS, NEVER }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (only on a terminal), always, never.")
    Color color = Color.AUTO;

    @Option(names = "--sarif-file", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0 to FILE (for code scanning).")
    Path sarifFile;

    @Option(names = "--summary-file", paramLabel = "FILE", description = "Also write the Markdown summary to FILE (e.g. for $GITHUB_STEP_SUMMARY).")
    Path summaryFile;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Also write the findings as JSON to FILE.")
    Path jsonFile;

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

    /**
     * Renders the report in the chosen format and into every requested file, and returns the exit code the findings
     * call for. Each file is rendered in memory and replaced in one rename, so a failure leaves none half-written.
     */
    public int emit(Report report, PrintStream out) {
        Path cwd = Path.of("").toAbsolutePath();
        // SARIF URIs are relative to the repository root (docs/ci.md); outside a repository, to the current directory
        Path workTree = format == Format.SARIF || sarifFile != null ? GitInfo.workTreeRoot(cwd) : null;
        Path sourceRoot = workTree == null ? cwd : workTree;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (sarifFile != null) {
            files.put(sarifFile, render(Format.SARIF, report, sourceRoot, cwd));
        }
        if (summaryFile != null) {
            files.put(summaryFile, render(Format.MARKDOWN, report, sourceRoot, cwd));
        }
        if (jsonFile != null) {
            files.put(jsonFile, render(Format.JSON, report, sourceRoot, cwd));
        }
        // files first: an unwritable path fails the run (exit 2) before anything claims success on stdout
        files.forEach(OutputFiles::writeAtomically);
        // one buffered write instead of a flushed write per line: thousands of findings print in milliseconds
        PrintStream buffered = new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8);
        format.renderer(colorEnabled(), sourceRoot, cwd).render(report, buffered);
        buffered.flush();
        out.flush();
        return report.exitCode();
    }

    private static byte[] render(Format fileFormat, Report report, Path sourceRoot, Path cwd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        fileFormat.renderer(false, sourceRoot, cwd).render(report, ps);
        ps.flush();
        return bytes.toByteArray();
    }
}
