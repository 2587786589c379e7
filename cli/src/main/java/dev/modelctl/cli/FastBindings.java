package dev.modelctl.cli;

import dev.modelctl.core.base.io.GeneratedCode;

/**
 * What {@link FastPath} would otherwise do by reflection, as plain code: build a command or mixin, read and write the
 * field an option binds, list an enum's constants. The build writes and compiles its one implementation from
 * {@link CommandTable} ({@link FastBindingsWriter}, run by {@link CompileBuiltIns}), so it covers exactly the fields
 * the table names. Why: on JDK 18+ the first reflective field write or constructor call of a run spins method-handle
 * classes that the AOT cache cannot hold, ~13 ms of every cold {@code check} on JDK 25 (docs/startup.md, "The fast
 * path").
 */
interface FastBindings {
    /** The binary name of the generated implementation. */
    String GENERATED = "dev.modelctl.cli.GeneratedFastBindings";

    /** A command or mixin, built as {@link CommandFactory} builds it: with the run's streams when it takes them. */
    Object create(String className, Streams io);

    /** The current value of {@code holder}'s field (a flag's default is what the field starts with). */
    Object get(Object holder, String field);

    void set(Object holder, String field, Object value);

    /** The constants of an enum type the table names, or null when {@code type} is not one. */
    Object[] enumConstants(String type);

    /**
     * The generated implementation, or null when this build has none (classes compiled without the build step, e.g. by
     * an IDE): the fast path then hands every command line to picocli.
     */
    static FastBindings generated() {
        return GeneratedCode.load(GENERATED, FastBindings.class);
    }
}
