package dev.modelctl.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared parser reads the text format back to what the JSON format gives, so tests may assert on either. */
class FindingsTest {
    private static final List<String> DOCUMENTS = List.of(
            Cli.repoRoot().resolve("cli/src/test/resources/analysis/anomalies.yaml").toString(),
            Cli.repoRoot().resolve("cli/src/test/resources/documents/unknown-model-id.yaml").toString());

    private static Cli.Result check(String... options) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(List.of(options));
        args.addAll(DOCUMENTS);
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> fields(List<Findings.Row> rows) {
        return rows.stream().map(f -> String.join(" | ", f.check(), f.severity(), f.file(), f.line() + ":" + f.column(), f.message(),
                String.valueOf(f.hint()))).toList();
    }

    @Test
    void textFindingsHaveTheFieldsAndHintsOfTheJsonFindings() {
        List<Findings.Row> json = Findings.of(check("--format", "json").out());
        assertTrue(json.size() >= 5, json::toString);
        assertTrue(json.stream().anyMatch(f -> f.hint() != null), "a finding with a hint: " + json);
        assertTrue(json.stream().anyMatch(f -> f.get("witness") != null), "a finding with a witness line in text: " + json);
        for (String color : List.of("never", "always")) {
            Cli.Result text = check("--color", color);
            assertEquals(fields(json), fields(Findings.text(text.out())), text::toString);
        }
    }

    @Test
    void aJsonOutputWithoutFindingsIsNoReport() {
        assertThrows(AssertionError.class, () -> Findings.of("{\"models\": []}"));
        assertEquals(List.of(), Findings.of("{\"findings\": [], \"summary\": {}}"));
    }
}
