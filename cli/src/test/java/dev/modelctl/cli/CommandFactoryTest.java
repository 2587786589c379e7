package dev.modelctl.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintStream;
import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Picocli builds every command through the root's factory, lazily registered and nested ones too: each gets the run's streams. */
class CommandFactoryTest {
    private final Streams io = new Streams(new PrintStream(PrintStream.nullOutputStream()), new PrintStream(PrintStream.nullOutputStream()));

    @Test
    void subcommandsAddedByClassAndTheirNestedSubcommandsGetTheStreams() throws Exception {
        CommandLine cli = new CommandLine(new ModelctlCommand(io), new CommandFactory(io));
        cli.addSubcommand("drill", DrillCommand.class); // as Main.registerSubcommands does
        cli.addSubcommand("catalog", CatalogCommand.class);
        CommandLine drill = cli.getSubcommands().get("drill");
        assertSame(io, streams(drill.getCommand()));
        assertSame(io, streams(drill.getSubcommands().get("cost-override").getCommand()));
        assertSame(io, streams(cli.getSubcommands().get("catalog").getSubcommands().get("refresh").getCommand()));
    }

    @Test
    void classesWithoutAStreamsConstructorComeFromPicoclisDefaultFactory() throws Exception {
        CommandFactory factory = new CommandFactory(io);
        assertTrue(factory.create(GlobalOptions.class) instanceof GlobalOptions);
        assertTrue(factory.create(DurationConverter.class) instanceof DurationConverter);
        assertTrue(factory.create(java.util.List.class) instanceof java.util.List<?>);
    }

    private static Object streams(Object command) throws ReflectiveOperationException {
        Field f = command.getClass().getDeclaredField("io");
        f.setAccessible(true);
        return f.get(command);
    }
}
