package dev.modelctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelctl.core.checks.validate.CatalogCheck;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "An Anthropic model needs anthropic_version" is written in the schema as a negative-lookahead pattern (so that a
 * valid document never makes networknt print a schema, see ShippedSchemas); it must mean exactly what the earlier
 * {@code not} form meant, and what the dedicated check's pattern means.
 */
class AnthropicConditionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The condition as it was written before, with {@code not}. */
    private static final String WITH_NOT = """
            {"$schema": "http://json-schema.org/draft-04/schema#", "anyOf": [
              {"not": {"properties": {"model_id": {"pattern": "(^|[./])anthropic\\\\."}}, "required": ["model_id"]}},
              {"required": ["anthropic_version"]}]}""";

    private static final List<String> MODEL_IDS = List.of(
            "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-sonnet-4-6", "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
            "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu.anthropic.x",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2",
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0",
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
            "amazon.nova-pro-v1:0", "meta.llama3-1-70b-instruct-v1:0", "us.amazon.nova-lite-v1:0", "cohere.command-r-v1:0",
            "myanthropic.claude", "anthropicx.claude", "anthropic", "anthropic-claude", "ANTHROPIC.claude", "x_anthropic.y",
            "x/anthropic.", "a.b.anthropic.c", "first line\nus.anthropic.claude", "us.anthropic\n.claude", "", " anthropic.x",
            "anthropic.", ".anthropic.", "/anthropic.x");

    private static boolean valid(Schema schema, JsonNode instance) {
        return schema.validate(instance).isEmpty();
    }

    @Test
    void theLookaheadPatternMeansWhatTheNotFormMeant() throws IOException {
        JsonNode shipped = MAPPER.readTree(Cli.repoRoot().resolve("schemas/model_routing_config.schema.json").toFile());
        ObjectNode lookahead = MAPPER.createObjectNode().put("$schema", "http://json-schema.org/draft-04/schema#");
        lookahead.set("anyOf", shipped.at("/definitions/model/anyOf"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Schema now = registry.getSchema(lookahead);
        Schema before = registry.getSchema(MAPPER.readTree(WITH_NOT));
        List<String> differ = new ArrayList<>();
        List<ObjectNode> instances = new ArrayList<>();
        instances.add(MAPPER.createObjectNode());
        instances.add(MAPPER.createObjectNode().put("anthropic_version", "bedrock-2023-05-31"));
        for (String id : MODEL_IDS) {
            instances.add(MAPPER.createObjectNode().put("model_id", id));
            instances.add(MAPPER.createObjectNode().put("model_id", id).put("anthropic_version", "bedrock-2023-05-31"));
        }
        int needVersion = 0;
        for (ObjectNode instance : instances) {
            if (valid(now, instance) != valid(before, instance)) {
                differ.add(instance.toString());
            }
            String id = instance.path("model_id").asText(null);
            if (id != null && !instance.has("anthropic_version")) {
                // the dedicated check (anthropic-version) and the schema agree on which IDs are Anthropic's
                boolean anthropic = CatalogCheck.ANTHROPIC_MODEL_ID.matcher(id).find();
                assertEquals(!anthropic, valid(now, instance), id);
                needVersion += anthropic ? 1 : 0;
            }
        }
        assertEquals(List.of(), differ);
        assertEquals(13, needVersion); // the corpus holds both kinds
    }
}
