package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.features.scan.ModelNamespaces;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-ins compiled at build time are the reviewed YAML: the same tree (so the same catalog entries and rules,
 * which the unchanged parsing code derives from the tree alone), node for node.
 */
class CompiledTreeTest {
    @ParameterizedTest
    @CsvSource({"/catalog/bedrock_models.yaml, catalog/bedrock_models.yaml", "/rules/model_ids.yaml, rules/model_ids.yaml"})
    void compiledTreeIsTheYamlTree(String resource, String repoFile) throws IOException {
        assertTrue(CompiledTree.isCompiled(resource), resource + " was not compiled by the build (cli/pom.xml)");
        SourceDocument compiled = CompiledTree.load(resource, repoFile);
        SourceDocument yaml = new DocumentLoader().parse(Files.readAllBytes(Cli.repoRoot().resolve(repoFile)), repoFile);
        assertEquals(java.util.List.of(), yaml.findings());
        assertEquals(java.util.List.of(), compiled.findings());
        assertEquals(yaml.root(), compiled.root());
        assertEquals(yaml.file(), compiled.file());
        assertEquals(yaml.yaml11(), compiled.yaml11());
        assertSamePositions(yaml, compiled, yaml.root(), "");
    }

    /** Every node's key and value position, and what a pointer below a leaf falls back to. */
    private static void assertSamePositions(SourceDocument expected, SourceDocument actual, JsonNode node, String pointer) {
        assertEquals(expected.locations().find(pointer), actual.locations().find(pointer), pointer);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> assertSamePositions(expected, actual, e.getValue(), pointer + "/" + SourceDocument.escape(e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSamePositions(expected, actual, node.get(i), pointer + "/" + i);
            }
        } else {
            assertEquals(expected.locations().find(pointer + "/x"), actual.locations().find(pointer + "/x"), pointer + "/x");
        }
    }

    /** Every kind of node survives the round trip, exactly: numbers keep their type and scale. */
    @Test
    void everyKindOfNodeRoundTrips() throws IOException {
        String yaml = "text: a\nlong: 42\nnegative: -7\nbig: 123456789012345678901234567890\ndecimal: 0.0030\nexp: 1.5e3\n"
                + "yes: true\nno: false\nnothing: null\nlist: [1, [2, {k: v}], '']\nempty: {}\nunicode: \"\u00e9\u4e2d\\U0001F600\"\n";
        SourceDocument parsed = new DocumentLoader().parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "kinds.yaml");
        SourceDocument decoded = CompiledTree.decode(CompiledTree.encode(parsed), "kinds.yaml");
        assertEquals(parsed.root(), decoded.root());
        assertEquals(parsed.root().toString(), decoded.root().toString());
        assertEquals(parsed.root().get("big").getClass(), decoded.root().get("big").getClass());
        assertEquals(parsed.root().get("decimal").decimalValue().scale(), decoded.root().get("decimal").decimalValue().scale());
        assertSamePositions(parsed, decoded, parsed.root(), "");
    }

    @Test
    void builtInCatalogEqualsTheCatalogReadFromTheYaml() {
        Path yaml = Cli.repoRoot().resolve("catalog/bedrock_models.yaml");
        ModelCatalog fromYaml = ModelCatalog.load(yaml);
        assertEquals(fromYaml.all(), ModelCatalog.builtIn().all());
        assertEquals(fromYaml.profilePrefixes(), ModelCatalog.builtIn().profilePrefixes());
    }

    @Test
    void builtInNamespacesAreTheNamespacesOfTheCatalogReadFromTheYaml() {
        assertTrue(ModelNamespaces.class.getResource(ModelNamespaces.BUILT_IN_RESOURCE) != null, "the build wrote no namespaces");
        ModelNamespaces fromYaml = ModelNamespaces.of(java.util.List.of(ModelCatalog.load(Cli.repoRoot().resolve("catalog/bedrock_models.yaml"))));
        assertEquals(fromYaml, ModelNamespaces.builtIn());
        assertTrue(fromYaml.providers().containsAll(java.util.List.of("amazon", "anthropic", "meta")), fromYaml.toString());
        assertTrue(fromYaml.geographies().containsAll(java.util.List.of("us", "eu", "global")), fromYaml.toString());
    }
}
