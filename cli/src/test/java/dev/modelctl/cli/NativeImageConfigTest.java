package dev.modelctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.core.base.io.JarResources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native image's own configuration (cli/src/main/resources/META-INF/native-image/dev.modelctl/modelctl) names
 * classes and resources that exist: the generated classes reached by name (GeneratedCode) and the files read from
 * the jar. GraalVM is not installable on the dev machines, so a stale name would otherwise surface only in CI's
 * native build, as a binary that quietly takes the slow paths or cannot find its schemas.
 */
class NativeImageConfigTest {
    private static final String DIR = "/META-INF/native-image/dev.modelctl/modelctl/";

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, DIR + name);
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void reflectionConfigNamesTheGeneratedClasses() throws IOException {
        List<String> names = new ArrayList<>();
        read("reflect-config.json").forEach(entry -> names.add(entry.get("name").asText()));
        assertEquals(List.of(FastBindings.GENERATED, JarResources.EMBEDDED), names);
        for (String name : names) {
            assertDoesNotThrow(() -> Class.forName(name), name);
        }
    }

    @Test
    void everyResourcePatternMatchesAFileTheBuildShips() throws Exception {
        Path classes = Path.of(JarResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(classes.relativize(p).toString().replace('\\', '/')));
        }
        JsonNode includes = read("resource-config.json").path("resources").path("includes");
        assertFalse(includes.isEmpty());
        for (JsonNode include : includes) {
            Pattern pattern = Pattern.compile(include.get("pattern").asText());
            assertTrue(files.stream().anyMatch(f -> pattern.matcher(f).matches()), "matches nothing: " + pattern);
        }
        for (String needed : List.of("schemas/model_routing_config.schema.json", "templates/model_routing_config.example.yaml",
                "catalog/bedrock_models.yaml.tree", "rules/model_ids.yaml.tree", CommandTable.RESOURCE.substring(1))) {
            assertTrue(includes.findValuesAsText("pattern").stream().anyMatch(p -> Pattern.matches(p, needed)), "not included: " + needed);
        }
    }
}
