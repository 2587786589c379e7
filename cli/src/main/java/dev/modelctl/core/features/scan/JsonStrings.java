package dev.modelctl.core.features.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON file (a Jupyter notebook {@code .ipynb}, a CDK {@code tree.json}) can write an ID with Unicode escapes
 * (the dot of {@code anthropic.claude-…} as a backslash-u002e escape) that hide it from a plain text scan. Such a file is matched on its decoded
 * strings, values and keys alike, and each ID is reported at its exact place in the JSON text. (The plain scan already
 * sees through {@code \n} and {@code \"}: a rule's boundary accepts an escape before an ID.)
 */
final class JsonStrings {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonStrings() {
    }

    /** Whether the file is JSON by name and holds a Unicode escape (backslash-u), so its decoded strings must be matched. */
    static boolean mayHideIds(String path, byte[] bytes) {
        String name = path.toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".json") && !name.endsWith(".ipynb") && !name.endsWith(".jsonl")) {
            return false;
        }
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\\' && bytes[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    /** Matches inside the file's string values and keys, at file positions; {@code null} if the text is not JSON. */
    static List<Match> matches(String text, TextMatcher matcher) {
        List<Match> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING && t != JsonToken.FIELD_NAME) {
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
