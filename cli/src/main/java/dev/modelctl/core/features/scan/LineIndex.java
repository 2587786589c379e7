package dev.modelctl.core.features.scan;

import java.util.Arrays;

/** Lines of a text by number (1-based), indexed on first use: no split of the whole file. */
final class LineIndex {
    private final String text;
    private int[] starts;
    private int count;

    LineIndex(String text) {
        this.text = text;
    }

    /** The text of {@code line} without its line break, or "" when there is no such line. */
    String line(int line) {
        index();
        if (line < 1 || line > count) {
            return "";
        }
        int end = line < count ? starts[line] - 1 : text.length();
        return text.substring(starts[line - 1], end);
    }

    /** The character at 1-based {@code line} and {@code column}, or 0 outside the text. */
    char charAt(int line, int column) {
        String l = line(line);
        return column >= 1 && column <= l.length() ? l.charAt(column - 1) : 0;
    }

    private void index() {
        if (starts != null) {
            return;
        }
        starts = new int[64];
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
    }
}
