package dev.modelctl.core.model.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations as on-call types them: {@code 90s}, {@code 2m}, {@code 4h}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[smhd])");
    /** The longest duration accepted anywhere (TTLs, bake, interval): beyond it a typo, and arithmetic would overflow. */
    public static final Duration MAX = Duration.ofDays(365);

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            // more than 12 digits is more than 365 days in any unit: refuse before the arithmetic can overflow
            long n = m.group(1).length() > 12 ? Long.MAX_VALUE / 1000 : Long.parseLong(m.group(1));
            Duration part = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> n > MAX.toMinutes() ? MAX.plusDays(1) : Duration.ofMinutes(n);
                case "h" -> n > MAX.toHours() ? MAX.plusDays(1) : Duration.ofHours(n);
                default -> n > MAX.toDays() ? MAX.plusDays(1) : Duration.ofDays(n);
            };
            total = total.plus(part.compareTo(MAX) > 0 ? MAX.plusDays(1) : part);
            if (total.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("'" + text + "' is out of range: durations are at most 365d");
            }
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 2m, 4h, 1h30m)");
        }
        return total;
    }

    /** Parses a command-line flag's value; a bad value is one clear exit-2 line naming the flag. */
    public static Duration parseFlag(String flag, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new dev.modelctl.core.base.io.InputException(flag + ": " + e.getMessage());
        }
    }

    /** {@code 1h30m}, {@code 2m}, {@code 45s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            sb.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || sb.length() == 0) {
            sb.append(s).append('s');
        }
        return sb.toString();
    }
}
