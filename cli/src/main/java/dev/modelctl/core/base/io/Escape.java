package dev.modelctl.core.base.io;

/**
 * Input echoed to a terminal or a CI log: control characters (C0, DEL, C1) become visible escapes, so an ANSI
 * sequence or a NUL byte in a rule id, a file name or a value never reaches the terminal raw. JSON and SARIF escape by
 * their own rules.
 */
public final class Escape {
    private Escape() {
    }

    public static String controls(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
