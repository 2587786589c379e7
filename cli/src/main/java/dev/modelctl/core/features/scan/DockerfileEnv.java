package dev.modelctl.core.features.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dockerfile {@code ENV} in both syntaxes ({@code ENV K=V K2="v 2"} and the legacy {@code ENV K value}), with line
 * continuations (the {@code # escape=} directive honoured), comment lines inside a continuation, and quotes; every
 * variable is reported where its name is, even on a continuation line.
 */
final class DockerfileEnv {
    private DockerfileEnv() {
    }

    /** One logical instruction: its text and, for each character, the 1-based line and column it came from. */
    private record Instruction(String text, int[] lines, int[] columns) {
    }

    static List<EnvVar> extract(String text) {
        List<EnvVar> out = new ArrayList<>();
        for (Instruction ins : instructions(text)) {
            String t = ins.text();
            int kw = skipBlanks(t, 0);
            int kwEnd = kw;
            while (kwEnd < t.length() && !Character.isWhitespace(t.charAt(kwEnd))) {
                kwEnd++;
            }
            if (t.substring(kw, kwEnd).toUpperCase(Locale.ROOT).equals("ENV")) {
                env(ins, skipBlanks(t, kwEnd), out);
            }
        }
        return out;
    }

    private static void env(Instruction ins, int i, List<EnvVar> out) {
        String t = ins.text();
        int firstSpace = i;
        while (firstSpace < t.length() && !Character.isWhitespace(t.charAt(firstSpace))) {
            firstSpace++;
        }
        if (t.substring(i, firstSpace).indexOf('=') < 0) { // legacy: ENV KEY the rest of the line
            if (i < t.length()) {
                String value = t.substring(skipBlanks(t, firstSpace)).trim();
                out.add(new EnvVar(t.substring(i, firstSpace), unquote(value), ins.lines()[i], ins.columns()[i]));
            }
            return;
        }
        while (i < t.length()) { // KEY=VALUE pairs separated by blanks; a value may mix quoted and plain parts
            int keyStart = i;
            int eq = t.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < t.length() && !Character.isWhitespace(t.charAt(j))) {
                char c = t.charAt(j);
                if (c == '"' || c == '\'') {
                    for (j++; j < t.length() && t.charAt(j) != c; j++) {
                        if (c == '"' && t.charAt(j) == '\\' && j + 1 < t.length()) {
                            j++;
                        }
                        value.append(t.charAt(j));
                    }
                    j++;
                } else {
                    if (c == '\\' && j + 1 < t.length()) {
                        j++;
                    }
                    value.append(t.charAt(j));
                    j++;
                }
            }
            out.add(new EnvVar(t.substring(keyStart, eq), value.toString(), ins.lines()[keyStart], ins.columns()[keyStart]));
            i = skipBlanks(t, j);
        }
    }

    /** Logical instructions: continuation lines joined, comment lines dropped, positions kept per character. */
    private static List<Instruction> instructions(String text) {
        String[] lines = text.split("\n", -1);
        char escape = '\\';
        for (String l : lines) { // parser directives come first, as comments
            String d = l.trim();
            if (!d.startsWith("#")) {
                break;
            }
            String directive = d.substring(1).trim().toLowerCase(Locale.ROOT);
            if (directive.startsWith("escape=") && directive.length() > 7) {
                escape = d.substring(d.indexOf('=') + 1).trim().charAt(0);
            }
        }
        List<Instruction> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        List<int[]> positions = new ArrayList<>();
        boolean continuing = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && !continuing)) {
                continue; // comments (also inside a continuation) and blank lines between instructions
            }
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            boolean continues = end > 0 && line.charAt(end - 1) == escape;
            int stop = continues ? end - 1 : end;
            for (int c = 0; c < stop; c++) {
                sb.append(line.charAt(c));
                positions.add(new int[]{n + 1, c + 1});
            }
            if (continues) {
                sb.append(' ');
                positions.add(new int[]{n + 1, stop + 1});
                continuing = true;
                continue;
            }
            flush(sb, positions, out);
            continuing = false;
        }
        flush(sb, positions, out); // a continuation at the end of the file
        return out;
    }

    private static void flush(StringBuilder sb, List<int[]> positions, List<Instruction> out) {
        if (sb.length() == 0) {
            return;
        }
        int[] ls = new int[sb.length()];
        int[] cs = new int[sb.length()];
        for (int k = 0; k < ls.length; k++) {
            ls[k] = positions.get(k)[0];
            cs[k] = positions.get(k)[1];
        }
        out.add(new Instruction(sb.toString(), ls, cs));
        sb.setLength(0);
        positions.clear();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
