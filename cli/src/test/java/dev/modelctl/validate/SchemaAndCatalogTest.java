package dev.modelctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical schema is AppConfig-acceptable draft-04; the catalog is well-formed; new-model output validates. */
class SchemaAndCatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMA = Cli.repoRoot().resolve("schemas/model_routing_config.schema.json");

    @Test
    void schemaIsValidDraft04AndFitsAnAppConfigValidator() throws IOException {
        String text = Files.readString(SCHEMA);
        JsonNode schema = MAPPER.readTree(text);
        assertEquals("http://json-schema.org/draft-04/schema#", schema.get("$schema").asText());
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-04/schema#"));
        List<Error> errors = meta.validate(schema);
        assertTrue(errors.isEmpty(), () -> "not valid draft-04: " + errors);
        assertTrue(text.length() <= 32_768, "schema is " + text.length() + " characters");
        Cli.Result compact = Cli.run("schema", "--appconfig");
        assertEquals(0, compact.exit());
        assertTrue(compact.out().strip().length() <= 32_768);
        assertFalse(compact.out().strip().contains("\n"));
        assertEquals(schema, MAPPER.readTree(compact.out()));
        assertEquals(schema, MAPPER.readTree(Cli.run("schema").out()));
    }

    @Test
    void schemaUsesNoKeywordNewerThanDraft04() throws IOException {
        Set<String> keys = new HashSet<>();
        collectKeys(MAPPER.readTree(SCHEMA.toFile()), keys);
        for (String later : List.of("if", "then", "else", "const", "contains", "propertyNames", "examples", "$defs", "$id")) {
            assertFalse(keys.contains(later), "draft-06+ keyword in the schema: " + later);
        }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                keys.add(e.getKey());
                collectKeys(e.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }

    @Test
    void everyCatalogEntryIsWellFormedAndSourced() throws IOException {
        JsonNode raw = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Cli.repoRoot().resolve("catalog/bedrock_models.yaml").toFile());
        Set<String> sources = new HashSet<>();
        raw.get("sources").forEach(s -> {
            assertTrue(s.get("url").asText().startsWith("https://"), s::toString);
            sources.add(s.get("id").asText());
        });
        ModelCatalog catalog = ModelCatalog.builtIn();
        assertTrue(catalog.all().size() >= 40, "catalog has " + catalog.all().size() + " models");
        Set<String> ids = new HashSet<>();
        for (CatalogModel m : catalog.all()) {
            assertTrue(ids.add(m.modelId()), "duplicate " + m.modelId());
            assertTrue(m.maxOutputTokens() > 0 && m.contextWindow() >= m.maxOutputTokens(), m::toString);
            assertTrue(m.pricePer1kInput() > 0 && m.pricePer1kOutput() > 0, m::toString);
            assertTrue(sources.contains(m.source()), "undeclared source for " + m.modelId());
            assertFalse(m.requestFormat().isEmpty(), m::toString);
            assertTrue(m.modelId().startsWith(m.provider() + "."), m::toString);
            assertEquals(m.provider().equals("anthropic"), m.anthropicVersions().equals(List.of("bedrock-2023-05-31")), m::toString);
        }
        assertEquals(4096, catalog.find("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow().maxOutputTokens());
        assertEquals(8192, catalog.find("us.anthropic.claude-3-5-sonnet-20240620-v1:0").orElseThrow().maxOutputTokens());
        assertEquals("amazon.nova-pro-v1:0", catalog.find("arn:aws:bedrock:us-east-1:123456789012:inference-profile/apac.amazon.nova-pro-v1:0")
                .orElseThrow().modelId());
    }

    @Test
    void newModelBlocksValidateInsideADocument(@TempDir Path dir) throws IOException {
        for (String id : List.of("anthropic.claude-3-5-haiku-20241022-v1:0", "us.anthropic.claude-sonnet-4-20250514-v1:0",
                "amazon.nova-lite-v1:0", "meta.llama3-1-70b-instruct-v1:0", "mistral.mistral-large-2407-v1:0", "amazon.titan-text-lite-v1")) {
            for (boolean json : List.of(false, true)) {
                Cli.Result r = json ? Cli.run("new-model", "candidate", "--model-id", id, "--json") : Cli.run("new-model", "candidate", "--model-id", id);
                assertEquals(0, r.exit(), r::toString);
                String doc;
                if (json) {
                    JsonNode block = MAPPER.readTree(r.out());
                    doc = "{\"version\": 1, \"models\": " + block + ", \"defaults\": {\"model\": \"candidate\"}}";
                } else {
                    doc = "version: 1\nmodels:\n" + r.out().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n")
                            + "defaults:\n  model: candidate\n";
                }
                Path file = Files.writeString(dir.resolve("doc" + (json ? ".json" : ".yaml")), doc);
                Cli.Result v = Cli.run("validate", file.toString());
                assertEquals(0, v.exit(), () -> id + "\n" + doc + "\n" + v);
            }
        }
        assertTrue(Cli.run("new-model", "x", "--model-id", "meta.llama3-1-70b-instruct-v1:0").out().contains("max_tokens: 2048"));
        assertFalse(Cli.run("new-model", "x", "--model-id", "amazon.nova-lite-v1:0").out().contains("anthropic_version:"));
    }

    @Test
    void newModelRefusesUnknownIdsWithASuggestion() {
        Cli.Result r = Cli.run("new-model", "x", "--model-id", "anthropic.claude-3-haiku");
        assertEquals(2, r.exit());
        assertEquals("modelctl: new-model: 'anthropic.claude-3-haiku' is not in the model catalog; did you mean "
                + "'anthropic.claude-3-haiku-20240307-v1:0'?\n", r.err());
    }
}
