package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.doc.CompiledTree;
import dev.modelctl.core.base.io.JarResources;
import dev.modelctl.core.features.scan.ModelNamespaces;
import dev.modelctl.core.features.scan.ScanRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step (cli/pom.xml, process-classes): compiles the built-in resources (catalog, scan rules, JSON schemas) named on the
 * command line to their parsed tree (CompiledTree), then loads each through its normal entry point so a built-in that does not parse
 * fails the build rather than the first user; writes the built-in catalog's {@link ModelNamespaces} (what scan needs
 * of the catalog), the fast path's {@link CommandTable} and the {@link FastBindings} compiled from it; and last
 * embeds what the hook paths read of all that in a generated class ({@link JarResources#EMBEDDED}). usage: CompileBuiltIns CLASSES_DIR RESOURCE…
 */
public final class CompileBuiltIns {
    private CompileBuiltIns() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            CompiledTree.compile(classes, args[i]);
        }
        ModelCatalog.builtIn();
        ModelNamespaces.compile(classes);
        ScanRules.load(List.of());
        String table = CommandTableWriter.write(Main.allCommands(), CommandTableWriter.FAST_COMMANDS);
        Files.writeString(classes.resolve(CommandTable.RESOURCE.substring(1)), table);
        // what the hook paths read, embedded in a class so that they never open the jar (JarResources)
        Map<String, byte[]> embedded = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            embed(embedded, classes, args[i] + CompiledTree.SUFFIX);
            if (args[i].endsWith(".json")) {
                embed(embedded, classes, args[i]); // networknt's schema registry is keyed by the schema's text
            }
        }
        embed(embedded, classes, ModelNamespaces.BUILT_IN_RESOURCE);
        embed(embedded, classes, CommandTable.RESOURCE);
        Map<String, String> generated = new LinkedHashMap<>();
        generated.put(FastBindings.GENERATED, FastBindingsWriter.source(CommandTable.parse(table), GeneratedSources.simpleName(FastBindings.GENERATED)));
        generated.put(JarResources.EMBEDDED, EmbeddedResourcesWriter.source(embedded));
        GeneratedSources.compile(classes, classes.resolveSibling("generated-sources").resolve("built-ins"), generated);
    }

    private static void embed(Map<String, byte[]> embedded, Path classes, String resource) throws IOException {
        String relative = resource.startsWith("/") ? resource.substring(1) : resource;
        embedded.put("/" + relative, Files.readAllBytes(classes.resolve(relative)));
    }
}
