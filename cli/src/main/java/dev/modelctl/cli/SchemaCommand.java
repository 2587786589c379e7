package dev.modelctl.cli;

import dev.modelctl.core.checks.validate.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code modelctl schema [--appconfig]}: print the canonical schema. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the canonical routing-document JSON Schema (draft-04).")
public final class SchemaCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;

    @Option(names = "--appconfig", description = "Print it compacted, as the Content of an AppConfig JSON_SCHEMA validator (<= 32,768 characters).")
    boolean appconfig;

    SchemaCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        String schema = SchemaCheck.schemaText();
        if (appconfig) {
            schema = SchemaCheck.compact(schema);
        }
        io.out().println(schema.strip());
        return 0;
    }
}
