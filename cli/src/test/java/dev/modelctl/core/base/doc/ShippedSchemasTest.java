package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped schemas are read without Jackson's mapper; what is read and printed must be what the mapper gives. */
class ShippedSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyShippedSchemaReadsAsTheMapperReadsIt() throws IOException {
        for (String resource : List.of("/schemas/model_routing_config.schema.json", "/schemas/routing_rule_ownership.schema.json",
                "/schemas/bedrock_catalog.schema.json")) {
            String text = ShippedSchemas.text(resource);
            // the same tree, but integers are long nodes here (as in every document modelctl reads), int nodes there
            Comparator<JsonNode> sameValue = (a, b) -> a.equals(b) || a.isIntegralNumber() && b.isIntegralNumber()
                    && a.bigIntegerValue().equals(b.bigIntegerValue()) ? 0 : 1;
            assertTrue(MAPPER.readTree(text).equals(sameValue, ShippedSchemas.tree(resource, text)), resource);
            // the tree compiled at build time, which networknt compiles, is the same, with the same printing text nodes
            JsonNode compiled = ShippedSchemas.compile(resource, "").tree();
            assertTrue(CompiledTree.isCompiled(resource), resource + " was not compiled by the build (cli/pom.xml)");
            assertEquals(ShippedSchemas.tree(resource, text), compiled, resource);
            assertEquals(ShippedSchemas.tree(resource, text).toString(), compiled.toString(), resource);
            assertTrue(compiled.findValues("description").stream().filter(JsonNode::isTextual).allMatch(d -> d instanceof ShippedSchemas.PrintableText), resource);
        }
    }

    @Test
    void eachSchemaIsReadOnceForNetworkntAndTheChecks() {
        ShippedSchemas.Compiled whole = ShippedSchemas.compile("/schemas/model_routing_config.schema.json", "");
        assertSame(whole.tree(), whole.schema().getSchemaNode());
        ShippedSchemas.Compiled ruleFile = ShippedSchemas.compile("/schemas/model_routing_config.schema.json", "/definitions/ruleFile");
        assertSame(ruleFile.tree().at("/definitions/ruleFile"), ruleFile.schema().getSchemaNode());
    }

    @Test
    void textNodesPrintAsJacksonPrintsThem() {
        for (String s : List.of("", "plain", "say \"hi\"", "back\\slash", "line\nbreak\ttab\rreturn", "\u0000\u0001\u001f\u007f",
                "caf\u00e9 \u65e5\u672c \ud83d\ude80", "\u2028\u2029", "</script>", "(^|[./])anthropic\\.")) {
            assertEquals(new TextNode(s).toString(), new ShippedSchemas.PrintableText(s).toString(), s);
            assertEquals(new TextNode(s), ShippedSchemas.PRINTABLE_TEXTS.textNode(s));
        }
    }
}
