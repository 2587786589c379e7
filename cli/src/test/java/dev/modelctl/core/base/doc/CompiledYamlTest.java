package dev.modelctl.core.base.doc;

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
class CompiledYamlTest {
    @ParameterizedTest
    @CsvSource({"/catalog/bedrock_models.yaml, catalog/bedrock_models.yaml", "/rules/model_ids.yaml, rules/model_ids.yaml"})
    void compiledTreeIsTheYamlTree(String resource, String repoFile) throws IOException {
        assertTrue(CompiledYaml.isCompiled(resource), resource + " was not compiled by the build (cli/pom.xml)");
        SourceDocument compiled = CompiledYaml.load(resource, repoFile);
        SourceDocument yaml = new DocumentLoader().parse(Files.readAllBytes(Cli.repoRoot().resolve(repoFile)), repoFile);
        assertEquals(java.util.List.of(), yaml.findings());
        assertEquals(java.util.List.of(), compiled.findings());
        assertEquals(yaml.root(), compiled.root());
        assertEquals(yaml.file(), compiled.file());
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
