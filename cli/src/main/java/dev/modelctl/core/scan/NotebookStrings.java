package dev.modelctl.core.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook ({@code .ipynb}) is JSON: code sits in string values with escapes ({@code \"}, {@code \n}) that
 * can hide an ID from a plain text scan ({@code "\nanthropic.claude-…"} reads as {@code nanthropic…}). The scanner
 * matches the decoded strings and reports the ID at its exact place in the JSON file.
 */
final class NotebookStrings {
    private static final JsonFactory JSON = new JsonFactory();

    private NotebookStrings() {
    }

    /** Matches inside the notebook's string values, at file positions; {@code null} if the text is not JSON. */
    static List<Match> matches(String text, TextMatcher matcher) {
        List<Match> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    continue;
                }
                String value = p.getText();
                if (value.indexOf('.') < 0 && value.indexOf(':') < 0) {
                    continue; // no ID and no ARN can be in it
                }
                List<Match> inValue = matcher.matches(value);
                if (inValue.isEmpty()) {
                    continue;
                }
                JsonLocation at = p.currentTokenLocation(); // the opening quote
                int quote = (int) at.getCharOffset();
                for (Match m : inValue) {
                    int raw = rawIndex(text, quote, decodedIndex(value, m.line(), m.column()));
                    // JSON strings hold no raw line breaks: the ID is on the opening quote's line
                    out.add(new Match(m.rule(), at.getLineNr(), at.getColumnNr() + (raw - quote), m.text(), -1));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    /** Index in {@code value} of 1-based {@code line}/{@code column} (columns count code points). */
    private static int decodedIndex(String value, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = value.indexOf('\n', start) + 1;
        }
        return value.offsetByCodePoints(start, column - 1);
    }

    /** Index in the raw JSON text of decoded character {@code decoded} of the string whose quote is at {@code quote}. */
    private static int rawIndex(String raw, int quote, int decoded) {
        int i = quote + 1;
        for (int d = 0; d < decoded && i < raw.length(); d++) {
            if (raw.charAt(i) == '\\') {
                i += i + 1 < raw.length() && raw.charAt(i + 1) == 'u' ? 6 : 2;
            } else {
                i++;
            }
        }
        return i;
    }
}
