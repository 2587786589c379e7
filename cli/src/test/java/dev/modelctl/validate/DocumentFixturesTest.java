package dev.modelctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modelctl validate} on the fixture documents of {@code cli/src/test/resources/documents/}: one per check id and
 * bad-input case, plus near misses that must pass. Each is run in text and in JSON format; the exact check ids, lines,
 * columns and exit code are asserted.
 */
class DocumentFixturesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path DOCUMENTS = Cli.repoRoot().resolve("cli/src/test/resources/documents");

    /** file, expected exit code, expected findings as "check line:col" in output order. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("valid.yaml", 0, List.of()),
                Arguments.of("ok--quoted-yaml11.yaml", 0, List.of()),
                Arguments.of("ok--profiles-and-arns.yaml", 0, List.of()),
                Arguments.of("schema-violation--wrong-type.yaml", 1, List.of("schema-violation 11:18")),
                Arguments.of("schema-violation--unknown-field.yaml", 1, List.of("schema-violation 6:5")),
                Arguments.of("schema-violation--missing-priority.yaml", 1, List.of("schema-violation 20:5")),
                Arguments.of("schema-violation--number-as-string.yaml", 1, List.of("schema-violation 10:17")),
                Arguments.of("schema-violation--yaml11-on.yaml", 1, List.of("schema-violation 25:20")),
                Arguments.of("schema-violation--yaml11-no.yaml", 1, List.of("schema-violation 25:16")),
                Arguments.of("schema-violation--yaml11-octal.yaml", 1, List.of("schema-violation 20:14")),
                Arguments.of("unknown-model-reference.yaml", 1, List.of("unknown-model-reference 14:10")),
                Arguments.of("anthropic-version--missing.yaml", 1, List.of("anthropic-version 5:5")),
                Arguments.of("anthropic-version--invalid.yaml", 1, List.of("anthropic-version 7:24")),
                Arguments.of("max-tokens-over-limit.yaml", 1, List.of("max-tokens-over-limit 10:17")),
                Arguments.of("unknown-model-id.yaml", 1, List.of("unknown-model-id 9:15")),
                Arguments.of("conflicting-parameters.yaml", 1, List.of("conflicting-parameters 12:5")),
                Arguments.of("duplicate-rule-id.yaml", 1, List.of("duplicate-rule-id 26:14")),
                Arguments.of("model-retired.yaml", 1, List.of("model-retired 5:15")),
                Arguments.of("model-legacy.yaml", 0, List.of("model-legacy 9:15")), // before its EOL date: a warning
                Arguments.of("model-legacy--past-eol.yaml", 1, List.of("model-legacy 9:15")), // on the EOL date: an error
                Arguments.of("inference-profile-required.yaml", 1, List.of("inference-profile-required 5:15")),
                Arguments.of("parameter-not-supported.yaml", 1, List.of("parameter-not-supported 7:5")),
                Arguments.of("override-incomplete.yaml", 1, List.of("override-incomplete 27:3")),
                Arguments.of("override-expired.yaml", 0, List.of("override-expired 33:15")), // a warning: not blocking
                Arguments.of("override-ttl-too-long.yaml", 1, List.of("override-ttl-too-long 33:15")),
                Arguments.of("duplicate-key.yaml", 1, List.of("duplicate-key 15:3")),
                Arguments.of("syntax-error--malformed.yaml", 1, List.of("syntax-error 4:8")),
                Arguments.of("syntax-error--malformed.json", 1, List.of("syntax-error 4:68")),
                Arguments.of("syntax-error--two-documents.yaml", 1, List.of("syntax-error 26:1")),
                Arguments.of("syntax-error--alias-bomb.yaml", 1, List.of("syntax-error 1:1")),
                Arguments.of("syntax-error--deep-nesting.json", 1, List.of("syntax-error 1:89")),
                Arguments.of("syntax-error--deep-nesting.yaml", 1, List.of("syntax-error 1:1")),
                Arguments.of("syntax-error--invalid-utf8.yaml", 1, List.of("syntax-error 3:6")));
    }

    /** Fixtures judged at a fixed time (lifecycle dates), so their expectations do not drift with the calendar. */
    static final java.util.Map<String, String> NOW = java.util.Map.of(
            "model-legacy.yaml", "2026-08-01T00:00:00Z", "model-legacy--past-eol.yaml", "2026-09-10T00:00:00Z");

    private static Cli.Result validate(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("validate"));
        args.addAll(List.of(options));
        String now = NOW.get(file.getFileName().toString());
        if (now != null) {
            args.addAll(List.of("--now", now));
        }
        args.add(file.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jsonFormatHasExactlyTheExpectedFindings(String name, int exit, List<String> expected) throws IOException {
        Path file = DOCUMENTS.resolve(name);
        Cli.Result r = validate(file, "--format", "json");
        assertEquals(exit, r.exit(), r::toString);
        JsonNode root = MAPPER.readTree(r.out());
        List<String> actual = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            assertEquals(file.toString(), f.get("file").asText());
            actual.add(f.get("check").asText() + " " + f.get("line").asInt() + ":" + f.get("column").asInt());
        }
        assertEquals(expected, actual, r::toString);
        assertEquals(exit, root.get("summary").get("exit_code").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void textFormatNamesFileLineColumnAndCheck(String name, int exit, List<String> expected) {
        Path file = DOCUMENTS.resolve(name);
        Cli.Result r = validate(file);
        assertEquals(exit, r.exit(), r::toString);
        List<String> findingLines = r.out().lines().filter(l -> l.startsWith(file + ":")).toList();
        List<String> actual = findingLines.stream().map(l -> {
            String rest = l.substring(file.toString().length() + 1); // "11:18: error [schema-violation] …"
            String position = rest.substring(0, rest.indexOf(": "));
            String check = rest.substring(rest.indexOf('[') + 1, rest.indexOf(']'));
            return check + " " + position;
        }).toList();
        assertEquals(expected, actual, r::toString);
        assertEquals("", r.err());
    }

    @Test
    void everyFixtureIsInTheTableAndEveryDocumentCheckHasOne() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(DOCUMENTS)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> listed = fixtures().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertEquals(files, listed);
        Set<String> covered = fixtures().flatMap(a -> ((List<?>) a.get()[2]).stream()).map(s -> s.toString().split(" ")[0])
                .collect(Collectors.toSet());
        for (String check : List.of("syntax-error", "duplicate-key", "schema-violation", "unknown-model-reference", "anthropic-version",
                "max-tokens-over-limit", "unknown-model-id", "conflicting-parameters", "duplicate-rule-id", "override-incomplete",
                "model-retired", "model-legacy", "inference-profile-required", "parameter-not-supported",
                "override-expired", "override-ttl-too-long")) {
            assertTrue(covered.contains(check), "no fixture for " + check);
        }
    }
}
