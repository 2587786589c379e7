package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Built-in YAML data (the model catalog, the scan rules) compiled at build time into the same tree as JSON, read at
 * run time by Jackson's JSON parser instead of SnakeYAML: the YAML stays the reviewed source, the parsing code that
 * turns the tree into catalog entries or rules is the same, only the syntax is cheaper (docs/startup.md).
 */
public final class CompiledYaml {
    /** The compiled form sits beside the YAML resource, with this suffix appended. */
    public static final String SUFFIX = ".json";

    private CompiledYaml() {
    }

    /**
     * The tree of a YAML resource in the jar, from its compiled form when the build made one (the YAML itself
     * otherwise, e.g. classes compiled by an IDE); {@code displayName} is how messages name the file.
     */
    public static SourceDocument load(String resource, String displayName) {
        try (InputStream compiled = CompiledYaml.class.getResourceAsStream(resource + SUFFIX)) {
            if (compiled != null) {
                return new JsonTreeBuilder(displayName).build(new String(compiled.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (InputStream yaml = CompiledYaml.class.getResourceAsStream(resource)) {
                if (yaml == null) {
                    throw new IllegalStateException("missing from the jar: " + resource);
                }
                return new DocumentLoader().parse(yaml.readAllBytes(), displayName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    /** True when the build compiled {@code resource} (the test suite requires it for every built-in). */
    public static boolean isCompiled(String resource) {
        return CompiledYaml.class.getResource(resource + SUFFIX) != null;
    }

    /**
     * Build step: parses {@code classes/resource} with the document loader (duplicate keys and syntax errors fail the
     * build) and writes its tree beside it as compact JSON.
     */
    public static void compile(Path classes, String resource) throws IOException {
        Path yaml = classes.resolve(resource.startsWith("/") ? resource.substring(1) : resource);
        SourceDocument doc = new DocumentLoader().load(yaml, yaml.toString());
        if (!doc.findings().isEmpty()) {
            throw new IllegalStateException(doc.findings().get(0).toString());
        }
        Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), new ObjectMapper().writeValueAsBytes(doc.root()));
    }
}
