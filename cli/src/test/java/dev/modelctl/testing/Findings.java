package dev.modelctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the findings of a run: {@link #of} for {@code --format json}, {@link #text} for the text format's
 * {@code file:line:col: severity [check] message} lines. The one parser tests use instead of their own.
 */
public final class Findings {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** {@code file[:line[:col]]: severity [check] message}, as TextRenderer writes a finding. */
    private static final Pattern TEXT_FINDING = Pattern.compile("^(.*?)(?::(\\d+)(?::(\\d+))?)?: (error|warning|info) \\[([a-z0-9-]+)] (.*)$");
    private static final String TEXT_HINT = "    hint: ";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private Findings() {
    }

    /**
     * One finding. {@code json} is the finding's object in a JSON report (with its extra fields: rules, witness, hint,
     * teams, …); for a text finding it holds what the text gives (the fields above and the hint line).
     */
    public record Row(String check, String severity, String file, int line, int column, String message, JsonNode json) {
        /** {@code unknown-model-id 9:15}: how fixtures write an expected finding. */
        public String brief() {
            return check + " " + line + ":" + column;
        }

        /** The hint, or {@code null} when the finding has none. */
        public String hint() {
            return json.path("hint").asText(null);
        }

        /** A field of the finding's JSON ({@code rules}, {@code witness}, …), or {@code null} when it has none. */
        public JsonNode get(String field) {
            return json.get(field);
        }

        /** The file relative to {@code base} when it lies below it, else as reported. */
        public String file(Path base) {
            Path p = Path.of(file);
            return p.startsWith(base) ? base.relativize(p).toString() : file;
        }

        /** {@code check severity file:line:col}, the file relative to {@code base} (see {@link #file(Path)}). */
        public String located(Path base) {
            return check + " " + severity + " " + file(base) + ":" + line + ":" + column;
        }

        /** {@code check line:col message}. */
        @Override
        public String toString() {
            return brief() + " " + message;
        }
    }

    /** The {@code findings} array of a JSON report; an output without one fails the test. */
    public static List<Row> of(String jsonOutput) {
        JsonNode root;
        try {
            root = MAPPER.readTree(jsonOutput);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON report:\n" + jsonOutput, e);
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new AssertionError("no findings array in the JSON output:\n" + jsonOutput);
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            rows.add(new Row(f.path("check").asText(), f.path("severity").asText(), f.path("file").asText(),
                    f.path("line").asInt(), f.path("column").asInt(), f.path("message").asText(), f));
        }
        return rows;
    }

    /** {@code check line:col} of every finding, in output order. */
    public static List<String> briefs(Cli.Result r) {
        return of(r.out()).stream().map(Row::brief).toList();
    }

    /**
     * The findings of text output, in output order: every line shaped {@code file[:line[:col]]: severity [check] message}
     * (colour codes removed), with the {@code hint:} line under it. Other lines (plan, tables, the summary) are passed over.
     */
    public static List<Row> text(String textOutput) {
        List<String> lines = textOutput.lines().map(l -> ANSI.matcher(l).replaceAll("")).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TEXT_FINDING.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int line = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            ObjectNode json = MAPPER.createObjectNode().put("check", m.group(5)).put("severity", m.group(4)).put("file", m.group(1))
                    .put("line", line).put("column", column).put("message", m.group(6));
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("    "); j++) { // its witness and hint lines
                if (lines.get(j).startsWith(TEXT_HINT)) {
                    json.put("hint", lines.get(j).substring(TEXT_HINT.length()));
                }
            }
            rows.add(new Row(m.group(5), m.group(4), m.group(1), line, column, m.group(6), json));
        }
        return rows;
    }
}
