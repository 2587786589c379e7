package dev.modelctl.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.util.Optional;

/**
 * Picocli's factory for every command, subcommand, mixin, argument group and converter of a run: a class with a
 * constructor taking {@link Streams} is built with the run's streams, anything else by picocli's default factory.
 * Subcommands registered by class ({@code addSubcommand(name, Class)}, {@code subcommands = …}) are built by the
 * factory of the {@code CommandLine} they are added to, so giving it to the root is enough.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Streams io;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Streams io) {
        this.io = io;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Optional<Constructor<?>> withStreams = streamsConstructor(cls);
        if (withStreams.isPresent()) {
            withStreams.get().setAccessible(true);
            return cls.cast(withStreams.get().newInstance(io));
        }
        return fallback.create(cls);
    }

    /** The constructor of {@code cls} that takes the run's {@link Streams}, if it has one (also read by FastBindingsWriter). */
    static Optional<Constructor<?>> streamsConstructor(Class<?> cls) {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Streams.class) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
