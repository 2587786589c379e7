package dev.modelctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the findings of a {@code --format json} run: the one parser tests use instead of their own. */
public final class Findings {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Findings() {
    }

    /** One finding as the JSON output gives it. */
    public record Row(String check, String severity, String file, int line, int column, String message, JsonNode json) {
        /** {@code unknown-model-id 9:15}: how fixtures write an expected finding. */
        public String brief() {
            return check + " " + line + ":" + column;
        }
    }

    /** The {@code findings} array of a JSON report. */
    public static List<Row> of(String jsonOutput) {
        JsonNode root;
        try {
            root = MAPPER.readTree(jsonOutput);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON report:\n" + jsonOutput, e);
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
}
