package dev.modelctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
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
        assertEquals(text.strip() + "\n", Cli.run("schema").out());
        assertEquals(MAPPER.writeValueAsString(schema) + "\n", compact.out());
    }

    @Test
    void schemaUsesNoKeywordNewerThanDraft04() throws IOException {
        Set<String> keys = new HashSet<>();
        collectKeys(MAPPER.readTree(SCHEMA.toFile()), keys);
        for (String later : List.of("if", "then", "else", "const", "contains", "propertyNames", "examples", "$defs", "$id")) {
            assertFalse(keys.contains(later), "draft-06+ keyword in the schema: " + later);
        }
    }

    /**
     * The conditionals that dedicated checks report locally ({@code anthropic-version}, {@code override-incomplete})
     * stay in the schema, so AppConfig's validator refuses such a document too.
     */
    @Test
    void theSchemaItselfEnforcesTheConditionalsAppConfigMustRefuse() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(MAPPER.readTree(SCHEMA.toFile()));
        String base = "{\"version\": 1, \"defaults\": {\"model\": \"m\"}, \"models\": {\"m\": %s}%s}";
        String anthropic = "{\"model_id\": \"us.anthropic.claude-3-haiku-20240307-v1:0\", \"max_tokens\": 10%s}";
        assertFalse(schema.validate(MAPPER.readTree(base.formatted(anthropic.formatted(""), ""))).isEmpty());
        assertFalse(schema.validate(MAPPER.readTree(base.formatted(anthropic.formatted(", \"anthropic_version\": \"x\""), ""))).isEmpty());
        assertEquals(List.of(), schema.validate(MAPPER.readTree(base.formatted(anthropic.formatted(", \"anthropic_version\": \"bedrock-2023-05-31\""), ""))));
        String nova = "{\"model_id\": \"amazon.nova-lite-v1:0\", \"max_tokens\": 10}";
        assertEquals(List.of(), schema.validate(MAPPER.readTree(base.formatted(nova, ""))));
        String override = ", \"cost_override\": {\"active\": true, \"model\": \"m\", \"reason\": \"r\", \"engineer\": \"e\", \"expires_at\": \"2099-01-01T00:00:00Z\"%s}";
        assertFalse(schema.validate(MAPPER.readTree(base.formatted(nova, override.formatted("")))).isEmpty());
        assertEquals(List.of(), schema.validate(MAPPER.readTree(base.formatted(nova, override.formatted(", \"started_at\": \"2098-12-31T20:00:00Z\"")))));
        assertEquals(List.of(), schema.validate(MAPPER.readTree(base.formatted(nova, ", \"cost_override\": {\"active\": false}"))));
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
        // the shipped file passes schemas/bedrock_catalog.schema.json (checked here once, not on every start)
        assertEquals(catalog.all(), ModelCatalog.load(Cli.repoRoot().resolve("catalog/bedrock_models.yaml")).all());
        assertTrue(catalog.all().size() >= 40, "catalog has " + catalog.all().size() + " models");
        Set<String> ids = new HashSet<>();
        Set<String> facts = Set.of("model_id", "max_output_tokens", "context_window", "prices", "lifecycle", "inference", "rejected_parameters");
        for (CatalogModel m : catalog.all()) {
            assertTrue(ids.add(m.modelId()), "duplicate " + m.modelId());
            assertTrue(!m.limitsKnown() || m.contextWindow() >= m.maxOutputTokens(), m::toString);
            assertTrue(m.limitsKnown() || m.note() != null, () -> m.modelId() + ": limits unknown without a note saying why");
            assertTrue(sources.contains(m.source()), "undeclared source for " + m.modelId());
            assertTrue(m.lifecycle().source() != null && sources.contains(m.lifecycle().source()), "lifecycle without a source: " + m.modelId());
            assertTrue(m.inference().source() != null && sources.contains(m.inference().source()), "inference without a source: " + m.modelId());
            assertTrue(facts.containsAll(m.unverified()), m::toString);
            assertFalse(m.requestFormat().isEmpty(), m::toString);
            assertTrue(m.modelId().startsWith(m.provider() + "."), m::toString);
            assertEquals(m.provider().equals("anthropic"), m.anthropicVersions().equals(List.of("bedrock-2023-05-31")), m::toString);
            assertTrue(catalog.profilePrefixes().containsAll(m.inference().profiles()), m::toString);
        }
        Set<String> blockFields = new HashSet<>();
        MAPPER.readTree(SCHEMA.toFile()).at("/definitions/model/properties").fieldNames().forEachRemaining(blockFields::add);
        for (CatalogModel m : catalog.all()) {
            assertTrue(blockFields.containsAll(m.exclusiveParameters()), m::toString);
            assertTrue(m.rejectedParameters().stream().filter(p -> !p.equals("top_k")).allMatch(blockFields::contains), m::toString);
            assertTrue(m.exclusiveParameters().isEmpty() || m.exclusiveParameters().size() >= 2, m::toString);
        }
        assertEquals(List.of("us", "eu", "apac", "us-gov", "jp", "au", "global"), catalog.profilePrefixes());
        assertEquals(4096, catalog.find("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow().maxOutputTokens());
        assertEquals(4096, catalog.find("anthropic.claude-3-sonnet-20240229-v1:0").orElseThrow().maxOutputTokens());
        // the limits issue 10 found wrong, as the model cards give them
        assertEquals(25000, catalog.find("amazon.nova-premier-v1:0").orElseThrow().maxOutputTokens());
        assertEquals(16384, catalog.find("mistral.pixtral-large-2502-v1:0").orElseThrow().maxOutputTokens());
        assertEquals(4096, catalog.find("mistral.mistral-large-2402-v1:0").orElseThrow().maxOutputTokens());
        assertEquals(List.of("temperature", "top_p", "top_k"), catalog.find("global.anthropic.claude-opus-4-7").orElseThrow().rejectedParameters());
        assertFalse(catalog.find("anthropic.claude-opus-4-7").orElseThrow().inference().inRegion());
        assertEquals(new dev.modelctl.core.model.catalog.Price(0.0033, 0.0165),
                catalog.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow().price(dev.modelctl.core.model.catalog.ProfileKind.GEO));
        assertEquals(dev.modelctl.core.model.catalog.ProfileKind.GLOBAL, catalog.profileKind("global.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertEquals(8192, catalog.find("anthropic.claude-3-5-sonnet-20241022-v2:0").orElseThrow().maxOutputTokens());
        assertEquals(List.of("temperature", "top_p"), catalog.find("global.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow().exclusiveParameters());
        assertEquals(List.of(), catalog.find("anthropic.claude-sonnet-4-20250514-v1:0").orElseThrow().exclusiveParameters());
        assertEquals(8192, catalog.find("us.anthropic.claude-3-5-sonnet-20240620-v1:0").orElseThrow().maxOutputTokens());
        assertEquals("amazon.nova-pro-v1:0", catalog.find("arn:aws:bedrock:us-east-1:123456789012:inference-profile/apac.amazon.nova-pro-v1:0")
                .orElseThrow().modelId());
    }

    /**
     * One home for the geographies: the catalog lists them, and every ID a document may write for a catalog model —
     * bare, through each geography's profile, as either ARN — is one the routing schema's model_id pattern accepts.
     */
    @Test
    void catalogGeographiesAndIdsFitTheRoutingSchema() throws IOException {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                MAPPER.readTree(SCHEMA.toFile()).at("/definitions/model/properties/model_id/pattern").asText());
        ModelCatalog catalog = ModelCatalog.builtIn();
        assertFalse(catalog.profilePrefixes().contains("ca"), "Canada uses the us. and global. profiles; there is no ca. geography");
        for (CatalogModel m : catalog.all()) {
            List<String> forms = new java.util.ArrayList<>(List.of(m.modelId(), "arn:aws:bedrock:us-east-1::foundation-model/" + m.modelId()));
            for (String geography : catalog.profilePrefixes()) {
                forms.add(geography + "." + m.modelId());
                forms.add("arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + geography + "." + m.modelId());
            }
            for (String id : forms) {
                assertTrue(pattern.matcher(id).matches(), "the routing schema refuses " + id);
                assertEquals(m.modelId(), catalog.find(id).map(CatalogModel::modelId).orElse(null), id);
            }
        }
        assertEquals(List.of("ai21", "amazon", "anthropic", "cohere", "deepseek", "google", "luma", "meta", "minimax", "mistral",
                "moonshot", "moonshotai", "nvidia", "openai", "qwen", "stability", "twelvelabs", "writer", "zai"), catalog.providerNamespaces());
    }

    @Test
    void newModelBlocksValidateInsideADocument(@TempDir Path dir) throws IOException {
        for (String id : List.of("us.anthropic.claude-haiku-4-5-20251001-v1:0", "global.anthropic.claude-opus-4-7",
                "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.anthropic.claude-opus-4-6-v1", "amazon.nova-lite-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0", "mistral.mistral-large-2407-v1:0",
                "us.amazon.nova-2-lite-v1:0", "cohere.command-r-plus-v1:0", "us.deepseek.r1-v1:0", "mistral.mistral-7b-instruct-v0:2",
                "ai21.jamba-1-5-mini-v1:0", "qwen.qwen3-32b-v1:0")) {
            for (String format : List.of("yaml", "json")) {
                Cli.Result r = Cli.run("new-model", "candidate", "--model-id", id, "--format", format);
                assertEquals(0, r.exit(), r::toString);
                String doc;
                if (format.equals("json")) {
                    JsonNode block = MAPPER.readTree(r.out());
                    doc = "{\"version\": 1, \"models\": " + block + ", \"defaults\": {\"model\": \"candidate\"}}";
                } else {
                    doc = "version: 1\nmodels:\n" + r.out().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n")
                            + "defaults:\n  model: candidate\n";
                }
                Path file = Files.writeString(dir.resolve("doc." + format), doc);
                Cli.Result v = Cli.run("validate", file.toString());
                assertEquals(0, v.exit(), () -> id + "\n" + doc + "\n" + v);
                assertEquals("0 errors, 0 warnings, 0 info in 1 document\n", v.out(), () -> id + "\n" + doc);
            }
        }
        assertTrue(Cli.run("new-model", "x", "--model-id", "meta.llama3-1-70b-instruct-v1:0").out().contains("\n  max_tokens: 2048\n"));
        assertFalse(Cli.run("new-model", "x", "--model-id", "amazon.nova-lite-v1:0").out().contains("anthropic_version"));
        // a model that rejects temperature gets a block without it
        assertFalse(Cli.run("new-model", "x", "--model-id", "global.anthropic.claude-opus-4-7").out().contains("  temperature:"));
        // the hidden --json of earlier versions still works
        assertEquals(Cli.run("new-model", "x", "--model-id", "amazon.nova-lite-v1:0", "--format", "json").out(),
                Cli.run("new-model", "x", "--model-id", "amazon.nova-lite-v1:0", "--json").out());
    }

    @Test
    void newModelYamlBlockIsTheTemplateFilledFromTheCatalog() {
        Cli.Result r = Cli.run("new-model", "claude_sonnet", "--model-id", "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("""
                # Model block for us.anthropic.claude-sonnet-4-5-20250929-v1:0 (anthropic claude-sonnet-4.5), generated from the modelctl catalog.
                # Paste it under `models:` in the routing document, then run `modelctl validate` on the document.
                #   model_id           Bedrock model ID, cross-region inference profile ID (us.anthropic.claude-sonnet-4-5-20250929-v1:0, global.…) or Bedrock ARN
                #   max_tokens         1..64000 (the model's output limit; above it Bedrock answers with a ValidationException)
                #   temperature        0..1, optional; top_p (0..1) is optional too, but this model rejects temperature and top_p together: set one
                #   anthropic_version  required for Anthropic models, one of: bedrock-2023-05-31
                #   stop_sequences     optional list of strings; description: optional free text
                #   context window     200000 tokens; on-demand price $0.003 in / $0.015 out per 1k tokens
                claude_sonnet:
                  model_id: us.anthropic.claude-sonnet-4-5-20250929-v1:0
                  max_tokens: 4096
                  temperature: 0.2
                  anthropic_version: bedrock-2023-05-31
                  description: claude-sonnet-4.5 (anthropic)
                """, r.out());
        Cli.Result titan = Cli.run("new-model", "titan", "--model-id", "amazon.titan-text-premier-v1:0", "--format", "json");
        assertEquals("""
                {
                  "titan": {
                    "model_id": "amazon.titan-text-premier-v1:0",
                    "max_tokens": 3072,
                    "temperature": 0.2,
                    "description": "titan-text-premier (amazon)"
                  }
                }
                """, titan.out());
    }

    @Test
    void newModelRefusesUnknownIdsWithASuggestion() {
        Cli.Result r = Cli.run("new-model", "x", "--model-id", "anthropic.claude-3-haiku");
        assertEquals(2, r.exit());
        assertEquals("modelctl: new-model: 'anthropic.claude-3-haiku' is not in the model catalog; did you mean "
                + "'anthropic.claude-3-haiku-20240307-v1:0'?\n", r.err());
        Cli.Result fragment = Cli.run("new-model", "x", "--model-id", "nova-lite");
        assertEquals(2, fragment.exit());
        assertEquals("modelctl: new-model: 'nova-lite' is not in the model catalog; did you mean 'amazon.nova-lite-v1:0'?\n", fragment.err());
        Cli.Result nothing = Cli.run("new-model", "x", "--model-id", "openai.gpt-9");
        assertEquals(2, nothing.exit());
        assertEquals("modelctl: new-model: 'openai.gpt-9' is not in the model catalog; `modelctl catalog` lists the known model IDs\n", nothing.err());
        assertEquals("", nothing.out());
        Cli.Result badName = Cli.run("new-model", "my model", "--model-id", "amazon.nova-lite-v1:0");
        assertEquals(2, badName.exit());
        assertEquals("modelctl: new-model: NAME 'my model' must be letters, digits, '_', '.' or '-'\n", badName.err());
    }

    @Test
    void catalogListsModelsWithLimitsAndPrices() throws IOException {
        Cli.Result r = Cli.run("catalog", "nova");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("""
                MODEL ID                  FAMILY        MAX OUTPUT  CONTEXT   $/1K IN  $/1K OUT  REQUEST FORMAT  LIFECYCLE          INVOKE
                amazon.nova-micro-v1:0    nova-micro         10000   128000  0.000035   0.00014  nova-messages   active             in-region
                amazon.nova-lite-v1:0     nova-lite          10000   300000   0.00006   0.00024  nova-messages   active             in-region
                amazon.nova-pro-v1:0      nova-pro           10000   300000    0.0008    0.0032  nova-messages   active             in-region
                amazon.nova-premier-v1:0  nova-premier       25000  1000000    0.0025    0.0125  nova-messages   legacy 2026-09-14  profile
                amazon.nova-2-lite-v1:0   nova-2-lite        64000  1000000   0.00033   0.00275  nova-messages   active             profile
                5 models; a cross-region inference profile ID is a geography prefix (us., eu., apac., us-gov., jp., au., global.) before a model ID; Bedrock ARNs work too; ? = not known to the catalog
                """, r.out());
        String jsonText = Cli.run("catalog", "claude", "haiku", "--format", "json").out();
        assertTrue(jsonText.contains("\"price_per_1k_input\" : 0.00025,"), jsonText); // plain decimals, not 2.5E-4
        JsonNode json = MAPPER.readTree(jsonText);
        List<String> ids = new java.util.ArrayList<>();
        json.get("models").forEach(m -> ids.add(m.get("model_id").asText()));
        assertEquals(List.of("anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "anthropic.claude-haiku-4-5-20251001-v1:0"), ids);
        assertEquals(0.00025, json.get("models").get(0).get("price_per_1k_input").asDouble());
        assertEquals("[\"temperature\",\"top_p\"]", json.get("models").get(2).get("exclusive_parameters").toString());
        Cli.Result none = Cli.run("catalog", "gpt-9");
        assertEquals(2, none.exit());
        assertEquals("modelctl: catalog: no model matches gpt-9; `modelctl catalog` lists them all\n", none.err());
        JsonNode opus = MAPPER.readTree(Cli.run("catalog", "opus-4-7", "--format", "json").out()).get("models").get(0);
        assertEquals("{\"status\":\"active\"}", opus.get("lifecycle").toString());
        assertEquals("{\"in_region\":false,\"profiles\":[\"us\",\"eu\",\"jp\",\"global\"]}", opus.get("inference").toString());
        assertEquals("[\"temperature\",\"top_p\",\"top_k\"]", opus.get("rejected_parameters").toString());
        JsonNode gptOss = MAPPER.readTree(Cli.run("catalog", "gpt-oss-20b", "--format", "json").out()).get("models").get(0);
        assertEquals("unknown", gptOss.get("limits").asText());
    }
}
