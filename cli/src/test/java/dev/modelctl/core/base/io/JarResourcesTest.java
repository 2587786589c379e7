package dev.modelctl.core.base.io;

import dev.modelctl.cli.Main;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The resources the build embeds (JarResources.EMBEDDED) are byte for byte the jar's own, and the hook paths read
 * every resource they need from there, never from the jar (docs/startup.md, "Set-up the hook paths never do").
 */
class JarResourcesTest {
    private static final PrintStream SINK = new PrintStream(PrintStream.nullOutputStream());

    /** What the build writes for the hook paths: every compiled tree, the schemas' texts, the scan namespaces, the fast path's table. */
    private static List<String> builtResources() throws Exception {
        Path classes = Path.of(JarResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).map(p -> "/" + classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".tree") || n.startsWith("/schemas/") && n.endsWith(".json")
                            || n.endsWith("namespaces.tsv") || n.endsWith("fast-commands.tsv"))
                    .sorted().forEach(names::add);
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void embeddedResourcesAreTheJarsOwn() throws Exception {
        Function<String, byte[]> embedded = GeneratedCode.load(JarResources.EMBEDDED, Function.class);
        assertNotNull(embedded, "the build did not compile " + JarResources.EMBEDDED);
        List<String> names = builtResources();
        assertEquals(List.of("/catalog/bedrock_models.namespaces.tsv", "/catalog/bedrock_models.yaml.tree",
                "/dev/modelctl/cli/fast-commands.tsv", "/rules/model_ids.yaml.tree",
                "/schemas/bedrock_catalog.schema.json", "/schemas/bedrock_catalog.schema.json.tree",
                "/schemas/model_routing_config.schema.json", "/schemas/model_routing_config.schema.json.tree",
                "/schemas/routing_rule_ownership.schema.json", "/schemas/routing_rule_ownership.schema.json.tree"), names,
                "compiled trees, schemas, namespaces and the command table");
        for (String name : names) {
            byte[] fromJar = JarResources.fromJar(name).orElseThrow();
            assertArrayEquals(fromJar, embedded.apply(name), name);
            assertArrayEquals(fromJar, JarResources.bytes(name).orElseThrow(), name);
        }
        assertNull(embedded.apply("/templates/model_routing_config.example.yaml"), "only what the hook paths read is embedded");
        // every call answers a copy of its own: a caller that changes its bytes changes nobody else's
        byte[] first = JarResources.bytes(names.get(0)).orElseThrow();
        first[0] ^= 1;
        assertArrayEquals(JarResources.fromJar(names.get(0)).orElseThrow(), JarResources.bytes(names.get(0)).orElseThrow());
    }

    @Test
    void hookPathsReadNothingFromTheJar(@TempDir Path dir) throws IOException {
        String doc = Cli.repoRoot().resolve("templates/model_routing_config.example.yaml").toString();
        Files.writeString(dir.resolve("client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        Set<String> before = new HashSet<>(JarResources.readFromJar());
        assertEquals(0, Main.run(new String[]{"check", doc}, SINK, SINK));
        assertEquals(0, Main.run(new String[]{"validate", doc}, SINK, SINK));
        assertEquals(1, Main.run(new String[]{"scan", dir.toString(), "--no-baseline"}, SINK, SINK));
        Set<String> read = new HashSet<>(JarResources.readFromJar());
        read.removeAll(before);
        assertEquals(Set.of(), read, "read from the jar, not embedded");
    }
}
