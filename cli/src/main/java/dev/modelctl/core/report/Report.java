package dev.modelctl.core.report;

import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Findings;
import dev.modelctl.core.base.finding.Severity;

import java.util.List;

/**
 * What a command found: its findings (sorted) and how many inputs it examined, e.g. "3 files".
 *
 * @param tool     the command that produced it ({@code check}, {@code scan}, …), shown in summaries
 * @param examined how many inputs were examined, with their noun ("2 documents", "1,204 files")
 */
public record Report(String tool, List<Finding> findings, String examined) {
    public Report {
        findings = Findings.sorted(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public int exitCode() {
        return Findings.exitCode(findings);
    }

    /** "2 errors, 1 warning, 0 info in 3 files". */
    public String summary() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + count(Severity.INFO) + " info" + (examined == null || examined.isEmpty() ? "" : " in " + examined);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
