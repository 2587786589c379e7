package dev.modelctl.core.features.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code .env} files as docker compose and python-dotenv read them: {@code [export] KEY=value}, unquoted values end at
 * {@code " #"}, single-quoted values are literal, double-quoted values have escapes and may span lines.
 */
final class DotenvEnv {
    private DotenvEnv() {
    }

    static List<EnvVar> extract(String text) {
        List<EnvVar> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lineStart = i;
            i = skipBlanks(text, i);
            if (text.startsWith("export", i) && i + 6 < n && (text.charAt(i + 6) == ' ' || text.charAt(i + 6) == '\t')) {
                i = skipBlanks(text, i + 6);
            }
            int keyStart = i;
            while (i < n && isKeyChar(text.charAt(i), i == keyStart)) {
                i++;
            }
            int keyEnd = i;
            i = skipBlanks(text, i);
            if (keyEnd == keyStart || i >= n || text.charAt(i) != '=') { // a comment, a blank or a malformed line
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                line++;
                continue;
            }
            i = skipBlanks(text, i + 1);
            int keyLine = line;
            String value;
            if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char quote = text.charAt(i);
                StringBuilder v = new StringBuilder();
                for (i++; i < n && text.charAt(i) != quote; i++) {
                    char c = text.charAt(i);
                    if (c == '\\' && quote == '"' && i + 1 < n) {
                        char e = text.charAt(++i);
                        v.append(e == 'n' ? '\n' : e);
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        v.append(c);
                    }
                }
                value = v.toString();
            } else {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                String raw = text.substring(i, end);
                int hash = raw.indexOf(" #");
                value = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
                i = end;
            }
            out.add(new EnvVar(text.substring(keyStart, keyEnd), value, keyLine, keyStart - lineStart + 1));
            int nl = text.indexOf('\n', i);
            i = nl < 0 ? n : nl + 1;
            line++;
        }
        return out;
    }

    private static boolean isKeyChar(char c, boolean first) {
        return c == '_' || Character.isLetter(c) || (!first && (Character.isDigit(c) || c == '.' || c == '-'));
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
