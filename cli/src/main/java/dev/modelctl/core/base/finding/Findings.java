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

    /**
     * File, line, column, check id, message. Written out rather than chained from {@code Comparator.comparing}: the
     * JDK's comparator combinators are serializable lambdas, which the AOT cache does not hold, so each spun its
     * class on every cold start (docs/startup.md, "Set-up the hook paths never do").
     */
    public static final Comparator<Finding> ORDER = Findings::compare;

    private static int compare(Finding a, Finding b) {
        int c = a.file().compareTo(b.file());
        if (c == 0) {
            c = Integer.compare(a.line(), b.line());
        }
        if (c == 0) {
            c = Integer.compare(a.column(), b.column());
        }
        if (c == 0) {
            c = a.check().id().compareTo(b.check().id());
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    }

    private Findings() {
    }

    public static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocks) ? EXIT_BLOCKING : EXIT_OK;
    }

    public static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(ORDER).toList();
    }
}
