package dev.modelctl.core.report;

import dev.modelctl.core.finding.Finding;

import java.io.PrintStream;

/** A table for GitHub job summaries ({@code >> $GITHUB_STEP_SUMMARY}). */
public final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Report report, PrintStream out) {
        out.println("### modelctl " + report.tool() + ": " + (report.exitCode() == 0 ? "passed" : "failed"));
        out.println();
        out.println(report.summary());
        if (report.findings().isEmpty()) {
            return;
        }
        out.println();
        out.println("| severity | check | location | message | hint |");
        out.println("|---|---|---|---|---|");
        for (Finding f : report.findings()) {
            out.println("| " + f.severity().label() + " | `" + f.check().id() + "` | `" + cell(TextRenderer.location(f)) + "` | "
                    + cell(f.message()) + " | " + cell(f.hint() == null ? "" : f.hint()) + " |");
        }
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
