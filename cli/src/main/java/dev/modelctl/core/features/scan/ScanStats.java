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
        StringBuilder sb = new StringBuilder(grouped(scanned.get())).append(scanned.get() == 1 ? " file" : " files");
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

    /**
     * {@code 1204} as {@code "1,204"} whatever the default locale, without {@code String.format}: its first use loads
     * the JDK's locale data, about 30 ms of a cold {@code scan --staged} (docs/startup.md, "Inside the JVM").
     */
    static String grouped(int count) {
        String digits = Integer.toString(count);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
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
