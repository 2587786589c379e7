package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.doc.CompiledTree;
import dev.modelctl.core.features.scan.ModelNamespaces;
import dev.modelctl.core.features.scan.ScanRules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (cli/pom.xml, process-classes): compiles the built-in resources (catalog, scan rules, JSON schemas) named on the
 * command line to their parsed tree (CompiledTree), then loads each through its normal entry point so a built-in that does not parse
 * fails the build rather than the first user; writes the built-in catalog's {@link ModelNamespaces} (what scan needs
 * of the catalog), the fast path's {@link CommandTable} and the {@link FastBindings} compiled from it. usage: CompileBuiltIns CLASSES_DIR RESOURCE…
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
        FastBindingsWriter.compile(CommandTable.parse(new BufferedReader(new StringReader(table))), classes,
                classes.resolveSibling("generated-sources").resolve("fast-bindings"));
    }
}
