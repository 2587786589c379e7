package dev.modelctl.core.base.doc;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentLoaderTest {
    private final DocumentLoader loader = new DocumentLoader();

    private SourceDocument yaml(String text) {
        return loader.parse(text.getBytes(StandardCharsets.UTF_8), "doc.yaml");
    }

    private SourceDocument json(String text) {
        return loader.parse(text.getBytes(StandardCharsets.UTF_8), "doc.json");
    }

    private static Finding only(SourceDocument doc) {
        assertEquals(1, doc.findings().size(), () -> "findings: " + doc.findings());
        return doc.findings().get(0);
    }

    @Test
    void yamlKeepsKeyAndValuePositions() {
        SourceDocument doc = yaml("version: 1\nmodels:\n  claude:\n    model_id: anthropic.claude-3-haiku-20240307-v1:0\n    max_tokens: 4096\n"
                + "rules:\n  - rule_id: a\n    priority: 10\n");
        assertTrue(doc.findings().isEmpty());
        assertEquals(new Position(5, 17), doc.valueAt("/models/claude/max_tokens"));
        assertEquals(new Position(5, 5), doc.keyAt("/models/claude/max_tokens"));
        assertEquals(new Position(7, 5), doc.valueAt("/rules/0"));
        assertEquals(new Position(8, 15), doc.valueAt("/rules/0/priority"));
        // a pointer below a known node falls back to its nearest ancestor
        assertEquals(new Position(8, 15), doc.valueAt("/rules/0/priority/nope"));
        assertEquals(4096L, doc.root().at("/models/claude/max_tokens").asLong());
    }

    @Test
    void jsonKeepsPositionsToo() {
        SourceDocument doc = json("{\n  \"version\": 1,\n  \"models\": {\"m\": {\"max_tokens\": 10}}\n}\n");
        assertTrue(doc.findings().isEmpty());
        assertEquals(new Position(3, 34), doc.valueAt("/models/m/max_tokens"));
        assertEquals(new Position(3, 14), doc.keyAt("/models/m"));
    }

    @Test
    void duplicateKeysAreFindingsAtTheSecondKey() {
        Finding f = only(yaml("models:\n  a: 1\n  b: 2\n  a: 3\n"));
        assertEquals(Check.DUPLICATE_KEY, f.check());
        assertEquals(4, f.line());
        assertEquals(3, f.column());
        assertEquals("key 'a' appears twice in /models (first at line 2)", f.message());

        Finding j = only(json("{\"version\": 1,\n \"version\": 2}"));
        assertEquals(Check.DUPLICATE_KEY, j.check());
        assertEquals(2, j.line());
        assertEquals("key 'version' appears twice in the top level (first at line 1)", j.message());
    }

    /** A key given twice, first as a mapping and then as a list, inside an anchor that is aliased: the last value's positions. */
    @Test
    void aDuplicateKeyThatChangesKindKeepsTheLastValuesPositionsThroughAnAlias() {
        SourceDocument doc = yaml("base: &b\n  a: {x: 1}\n  a: [p, q]\ncopy: *b\n");
        Finding f = only(doc);
        assertEquals(Check.DUPLICATE_KEY, f.check());
        assertEquals(3, f.line());
        assertEquals(new Position(3, 10), doc.valueAt("/base/a/1"));
        assertEquals(new Position(3, 10), doc.valueAt("/copy/a/1"));
        assertEquals(new Position(3, 7), doc.valueAt("/copy/a/0"));
        assertEquals("q", doc.root().at("/copy/a/1").asText());
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        SourceDocument doc = yaml("version: 1\nmodels:\n  a: [1, 2\n  b: 3\n");
        Finding f = only(doc);
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertFalse(doc.parsed());
        assertEquals(4, f.line());
        assertFalse(f.message().contains("\n"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Finding f = only(json("{\n  \"version\": 1,\n  \"models\": {,}\n}"));
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertEquals(3, f.line());
        assertEquals(14, f.column());
    }

    @Test
    void severalYamlDocumentsAreRefused() {
        Finding f = only(yaml("version: 1\n---\nversion: 2\n"));
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertEquals(2, f.line());
        assertTrue(f.message().startsWith("several YAML documents in one file"), f.message());
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = String.valueOf(c);
        }
        SourceDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> yaml(sb.toString()));
        Finding f = only(doc);
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertTrue(f.message().contains("alias"), f.message());
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        Finding f = only(yaml(deep));
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertTrue(f.message().contains("nesting"), f.message());
        Finding j = only(json("{\"a\": " + "[".repeat(200) + "]".repeat(200) + "}"));
        assertEquals(Check.SYNTAX_ERROR, j.check());
        assertTrue(j.message().toLowerCase().contains("nesting"), j.message());
    }

    @Test
    void invalidUtf8IsASyntaxErrorAtItsLine() {
        byte[] bytes = "version: 1\nmodels:\n  caf\u00e9: x\n".getBytes(StandardCharsets.ISO_8859_1);
        Finding f = only(loader.parse(bytes, "doc.yaml"));
        assertEquals(Check.SYNTAX_ERROR, f.check());
        assertEquals(3, f.line());
        assertEquals(6, f.column());
        assertEquals("invalid UTF-8 byte sequence; save the file as UTF-8", f.message());
    }

    @Test
    void yaml11ScalarsAreReadAsYaml11AndNoted() {
        SourceDocument doc = yaml("a: on\nb: \"on\"\nc: no\nd: 0755\ne: 12\nf: true\ng: 2026-11-23T10:00:00Z\n");
        assertTrue(doc.root().get("a").isBoolean());
        assertTrue(doc.root().get("b").isTextual());
        assertEquals(false, doc.root().get("c").asBoolean(true));
        assertEquals(493, doc.root().get("d").asInt());
        assertEquals("on", doc.yaml11().get("/a"));
        assertEquals("no", doc.yaml11().get("/c"));
        assertEquals("0755", doc.yaml11().get("/d"));
        assertNull(doc.yaml11().get("/b"));
        assertNull(doc.yaml11().get("/e"));
        assertNull(doc.yaml11().get("/f"));
        assertEquals("2026-11-23T10:00:00Z", doc.root().get("g").asText());
    }

    @Test
    void mergeKeysMergeWithExplicitKeysWinning() {
        SourceDocument doc = yaml("base: &b {max_tokens: 10, temperature: 0.5}\nm:\n  <<: *b\n  max_tokens: 20\n");
        assertTrue(doc.findings().isEmpty(), doc.findings()::toString);
        assertEquals(20, doc.root().at("/m/max_tokens").asInt());
        assertEquals(0.5, doc.root().at("/m/temperature").asDouble());
    }

    /** Read from parse events (no composer): aliases, merge lists, tags and anchors behave as SnakeYAML's composer had them. */
    @Test
    void aliasesMergesAndTagsReadFromEvents() {
        SourceDocument doc = yaml("""
                base: &b {max_tokens: 10, temperature: 0.5}
                more: &m {top_p: 0.9, max_tokens: 99}
                name: &n claude
                x:
                  <<: [*b, *m]
                  max_tokens: 20
                list: [*n, *b]
                tagged: !!str 5
                plain: 5
                &k key: 1
                *k : 2
                """);
        assertEquals(List.of(Check.DUPLICATE_KEY), doc.findings().stream().map(Finding::check).toList());
        assertEquals(11, only(doc).line());
        assertEquals(20, doc.root().at("/x/max_tokens").asInt());
        assertEquals(0.5, doc.root().at("/x/temperature").asDouble());
        assertEquals(0.9, doc.root().at("/x/top_p").asDouble());
        assertEquals("claude", doc.root().at("/list/0").asText());
        assertEquals(10, doc.root().at("/list/1/max_tokens").asInt());
        assertTrue(doc.root().get("tagged").isTextual());
        assertTrue(doc.root().get("plain").isIntegralNumber());
        // an alias's positions are those of the anchored node; a mapping key keeps its own
        assertEquals(new NodeLocation(1, 27, 1, 40), doc.locations().find("/list/1/temperature"));
        assertEquals(1, doc.locations().find("/list/1").line());
        assertEquals(7, doc.locations().find("/list").keyLine());
    }

    @Test
    void aliasProblemsAreLocatedSyntaxErrors() {
        Finding undefined = only(yaml("a: 1\nb: *nope\n"));
        assertEquals(List.of(2, 4, "found undefined alias nope"), List.of(undefined.line(), undefined.column(), undefined.message()));
        Finding recursive = only(yaml("a: &a\n  b: [*a]\n"));
        assertEquals(List.of(2, 7, "nesting deeper than 64 levels"), List.of(recursive.line(), recursive.column(), recursive.message()));
        Finding global = only(yaml("a: !!python/object x\n"));
        assertEquals(List.of(1, 4, "Global tag is not allowed: tag:yaml.org,2002:python/object"), List.of(global.line(), global.column(), global.message()));
        StringBuilder many = new StringBuilder("a: &a [1]\nb: [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("*a");
        }
        Finding aliases = only(yaml(many + "]\n"));
        assertEquals("too many YAML aliases (more than 50): refusing a possible alias bomb", aliases.message());
    }

    @Test
    void emptyDocumentIsASyntaxError() {
        assertEquals(Check.SYNTAX_ERROR, only(yaml("# nothing here\n")).check());
        assertEquals(Check.SYNTAX_ERROR, only(json("  ")).check());
    }

    @Test
    void unreadableInputIsAnInputException(@TempDir Path dir) throws IOException {
        InputException missing = assertThrows(InputException.class, () -> loader.load(dir.resolve("nope.yaml"), "nope.yaml"));
        assertEquals("nope.yaml: no such file", missing.getMessage());
        assertEquals("d: is a directory, expected a YAML or JSON file",
                assertThrows(InputException.class, () -> loader.load(dir, "d")).getMessage());
        Path binary = Files.write(dir.resolve("bin.yaml"), new byte[]{'a', ':', 0, 1, 2});
        assertEquals("bin.yaml: binary file (NUL bytes), not a YAML or JSON document",
                assertThrows(InputException.class, () -> loader.load(binary, "bin.yaml")).getMessage());
        Path big = Files.write(dir.resolve("big.yaml"), new byte[2048]);
        assertEquals("big.yaml: 2048 bytes exceeds the 1024-byte limit for routing documents",
                assertThrows(InputException.class, () -> new DocumentLoader(1024).load(big, "big.yaml")).getMessage());
    }

    @Test
    void veryLongLinesParse() {
        String longValue = "x".repeat(1_000_000);
        SourceDocument doc = yaml("description: " + longValue + "\n");
        assertTrue(doc.findings().isEmpty());
        assertEquals(1_000_000, doc.root().get("description").asText().length());
    }

    @Test
    void aYamlLineOverTheLimitIsOneSyntaxErrorAtItsPlaceAndJsonHasNoSuchLimit() {
        String longComment = "#" + "x".repeat(DocumentLoader.MAX_YAML_LINE);
        SourceDocument doc = yaml("version: 1\n" + longComment + "\nmodels: {}\n");
        assertEquals(1, doc.findings().size());
        assertEquals("syntax-error", doc.findings().get(0).check().id());
        assertEquals(2, doc.findings().get(0).line());
        assertEquals(DocumentLoader.MAX_YAML_LINE + 1, doc.findings().get(0).column());
        assertEquals("line 2 is longer than 1,048,576 characters; YAML lines are limited (write machine-generated documents as JSON)",
                doc.findings().get(0).message());
        // exactly at the limit is fine
        assertEquals(List.of(), yaml("version: 1\n#" + "x".repeat(DocumentLoader.MAX_YAML_LINE - 1) + "\n").findings());
        SourceDocument oneLineJson = json("{\"version\": 1, \"description\": \"" + "x".repeat(2 * DocumentLoader.MAX_YAML_LINE) + "\"}");
        assertEquals(List.of(), oneLineJson.findings());
    }
}
