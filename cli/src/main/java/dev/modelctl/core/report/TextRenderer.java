package dev.modelctl.core.report;

import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;
import dev.modelctl.core.base.io.Escape;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code file:line:col: severity [check] message}, a hint line, and a summary; ANSI colour only when asked. Text taken
 * from the input (file names, rule ids, values) is escaped: no control character reaches the terminal raw.
 */
public final class TextRenderer implements Renderer {
    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    @Override
    public void render(Report report, PrintStream out) {
        for (Finding f : report.findings()) {
            out.println(paint(location(f), "1") + ": " + paint(f.severity().label(), colorOf(f.severity()))
                    + " [" + f.check().id() + "] " + Escape.controls(f.message()));
            if (!f.witness().isEmpty()) {
                out.println("    witness: " + witness(f.witness()));
            }
            if (f.hint() != null && !f.hint().isBlank()) {
                out.println("    hint: " + Escape.controls(f.hint()));
            }
        }
        out.println(paint(Escape.controls(report.summary()), report.exitCode() == 0 ? "32" : "31"));
    }

    static String location(Finding f) {
        String file = Escape.controls(f.file());
        if (f.line() <= 0) {
            return file;
        }
        return file + ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "");
    }

    /** {@code {task_type: recommendation, user_segment: premium}}. */
    public static String witness(Map<String, String> witness) {
        return witness.entrySet().stream().map(e -> Escape.controls(e.getKey()) + ": " + Escape.controls(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "31";
            case WARNING -> "33";
            case INFO -> "36";
        };
    }

    private String paint(String text, String code) {
        return color ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
    }
}
