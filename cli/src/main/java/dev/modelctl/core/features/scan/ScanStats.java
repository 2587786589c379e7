package dev.modelctl.core.features.scan;

import java.util.concurrent.atomic.AtomicInteger;

/** What a scan looked at and what it skipped or suppressed, for the summary line. */
public final class ScanStats {
    final AtomicInteger scanned = new AtomicInteger();
    final AtomicInteger allowed = new AtomicInteger();
    final AtomicInteger binary = new AtomicInteger();
    final AtomicInteger tooLarge = new AtomicInteger();
    final AtomicInteger unreadable = new AtomicInteger();
    final AtomicInteger inlineAllowed = new AtomicInteger();
    final AtomicInteger baselined = new AtomicInteger();
    public final AtomicInteger symlinksOutside = new AtomicInteger();

    /** "1,204 files (skipped: 3 binary, 1 over 1048576 bytes, 2 symlinks outside the tree; 4 in allowed paths; suppressed: 1 inline, 7 baseline)". */
    public String describe(long maxBytes) {
        StringBuilder sb = new StringBuilder(String.format("%,d file%s", scanned.get(), scanned.get() == 1 ? "" : "s"));
        StringBuilder skipped = new StringBuilder();
        append(skipped, binary.get(), "binary");
        append(skipped, tooLarge.get(), "over " + maxBytes + " bytes");
        append(skipped, symlinksOutside.get(), "symlinks outside the tree");
        append(skipped, unreadable.get(), "unreadable");
        append(skipped, allowed.get(), "in allowed paths");
        StringBuilder suppressed = new StringBuilder();
        append(suppressed, inlineAllowed.get(), "modelctl:allow");
        append(suppressed, baselined.get(), "in baseline");
        if (skipped.length() > 0) {
            sb.append(" (skipped: ").append(skipped).append(')');
        }
        if (suppressed.length() > 0) {
            sb.append(" (suppressed: ").append(suppressed).append(')');
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, int n, String what) {
        if (n > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(n).append(' ').append(what);
        }
    }

    public int scanned() {
        return scanned.get();
    }
}
