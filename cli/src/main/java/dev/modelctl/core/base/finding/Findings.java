package dev.modelctl.core.base.finding;

import java.util.Comparator;
import java.util.List;

/** Ordering and exit-code policy shared by every command that reports findings. */
public final class Findings {
    /** Exit code: nothing blocking. */
    public static final int EXIT_OK = 0;
    /** Exit code: at least one blocking finding. */
    public static final int EXIT_BLOCKING = 1;
    /** Exit code: the command could not do its job (bad flags, unreadable input, AWS error). */
    public static final int EXIT_FAILURE = 2;
    /** Exit code: AppConfig rolled the deployment back. */
    public static final int EXIT_ROLLED_BACK = 3;

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.check().id())
            .thenComparing(Finding::message);

    private Findings() {
    }

    public static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocks) ? EXIT_BLOCKING : EXIT_OK;
    }

    public static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(ORDER).toList();
    }
}
