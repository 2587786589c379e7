package dev.modelctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link CommandTable} from picocli's model of the annotated commands (build time, {@link CompileBuiltIns}), so
 * the fast path reads the very options picocli would parse. A command using anything the fast path does not model
 * ({@code @Spec} injection, options of other arities, interpolated defaults, …) is left out: picocli runs it.
 */
final class CommandTableWriter {
    /**
     * The commands pre-commit hooks and CI run on every commit — the only ones worth a second parse path — and the
     * launcher's training run, so that picocli's classes do not end up in the start-up caches they would not use.
     */
    static final List<String> FAST_COMMANDS = List.of("check", "scan", "validate", "self-train");

    private CommandTableWriter() {
    }

    /** The table text for the given commands of a fully registered command line. */
    static String write(CommandLine root, List<String> names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        for (String name : names) {
            CommandLine sub = root.getSubcommands().get(name);
            if (sub == null) {
                throw new IllegalStateException("no subcommand " + name);
            }
            List<String> lines = new ArrayList<>();
            String unsupported = describe(sub.getCommandSpec(), lines);
            if (unsupported != null) {
                // a hook command that silently lost its fast path would cost every commit ~50 ms: fail the build instead
                throw new IllegalStateException("the fast path cannot parse '" + name + "': " + unsupported
                        + " (docs/startup.md, \"The fast path\": model it in FastPath, or take the command out of FAST_COMMANDS)");
            }
            lines.forEach(out::println);
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Adds the lines of one command; returns null, or what the fast path does not model. */
    private static String describe(CommandSpec spec, List<String> lines) {
        if (!spec.specElements().isEmpty() || !spec.parentCommandElements().isEmpty() || !spec.subcommands().isEmpty()) {
            return "@Spec or @ParentCommand injection, or subcommands (commands take their streams by constructor: CommandFactory)";
        }
        Object command = spec.userObject();
        lines.add(row("command", spec.name(), command.getClass().getName()));
        // which object holds each option's field: the command itself or one of its mixins (by their field path)
        Map<Object, String> holders = new IdentityHashMap<>();
        holders.put(command, "");
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            CommandSpec m = mixin.getValue();
            if (!m.specElements().isEmpty() || !m.parentCommandElements().isEmpty() || !m.mixins().isEmpty()) {
                return "mixin " + mixin.getKey() + " has injected fields or mixins of its own";
            }
            IAnnotatedElement element = spec.mixinAnnotatedElements().get(mixin.getKey());
            if (element == null) {
                continue; // mixinStandardHelpOptions: -h/-V, always handed to picocli
            }
            holders.put(m.userObject(), element.getName());
            lines.add(row("mixin", element.getName(), m.userObject().getClass().getName()));
        }
        for (OptionSpec option : spec.options()) {
            if (option.required()) {
                return "required option " + option.longestName();
            }
            String names = String.join(",", option.names());
            CommandTable.Kind kind = kind(option);
            if (kind == CommandTable.Kind.FALLBACK) {
                lines.add(row("option", names, CommandTable.NONE, kind.name(), CommandTable.NONE, CommandTable.NONE, CommandTable.NONE, CommandTable.NONE));
                continue;
            }
            String path = path(option, holders);
            String defaultValue = option.defaultValue();
            if (path == null || defaultValue != null && defaultValue.contains("${") || option.converters().length > 1) {
                return "option " + option.longestName() + " (not a plain field, an interpolated default or several converters)";
            }
            String converter = option.converters().length == 1 ? option.converters()[0].getClass().getName() : CommandTable.NONE;
            Class<?> type = kind == CommandTable.Kind.LIST ? option.typeInfo().getAuxiliaryTypes()[0] : option.type();
            lines.add(row("option", names, path, kind.name(), type.getName(), CommandTable.escape(defaultValue), converter,
                    CommandTable.escape(option.splitRegex().isEmpty() ? null : option.splitRegex())));
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (positionals.size() > 1) {
            return "more than one positional parameter";
        }
        for (PositionalParamSpec p : positionals) {
            String path = path(p, holders);
            if (path == null || !p.isMultiValue() || p.arity().min() != 0 || !p.arity().isUnspecified() && p.arity().max() != Integer.MAX_VALUE
                    || p.defaultValue() != null || p.converters().length > 0 || !p.splitRegex().isEmpty() || !plain(p)) {
                return "positional " + p.paramLabel() + " (only one plain 0..* list is modelled)";
            }
            lines.add(row("positional", path, p.typeInfo().getAuxiliaryTypes()[0].getName()));
        }
        return null;
    }

    private static CommandTable.Kind kind(OptionSpec o) {
        if (o.usageHelp() || o.versionHelp() || o.negatable() || !plain(o)) {
            return CommandTable.Kind.FALLBACK;
        }
        boolean isBoolean = o.type() == boolean.class || o.type() == Boolean.class;
        if (isBoolean && o.arity().min() == 0 && o.arity().max() == 0 && !o.isMultiValue()) {
            return CommandTable.Kind.FLAG;
        }
        if (isBoolean || o.arity().min() != 1 || o.arity().max() != 1) {
            return CommandTable.Kind.FALLBACK;
        }
        if (!o.isMultiValue()) {
            return CommandTable.Kind.VALUE;
        }
        boolean list = List.class.isAssignableFrom(o.type()) && o.typeInfo().getAuxiliaryTypes().length == 1;
        return list ? CommandTable.Kind.LIST : CommandTable.Kind.FALLBACK;
    }

    /** No interactive prompt, custom consumer or preprocessor: what the fast path would otherwise skip. */
    private static boolean plain(ArgSpec a) {
        return !a.interactive() && a.parameterConsumer() == null
                && (a.preprocessor() == null || a.preprocessor().getClass().getName().endsWith("$NoOpParameterPreprocessor"));
    }

    /** {@code mixin.field} or {@code field} (the command's own), or null when the option is not a plain field. */
    private static String path(ArgSpec arg, Map<Object, String> holders) {
        if (!(arg.userObject() instanceof Field field)) {
            return null;
        }
        for (Map.Entry<Object, String> holder : holders.entrySet()) {
            if (field.getDeclaringClass() == holder.getKey().getClass()) {
                return holder.getValue().isEmpty() ? field.getName() : holder.getValue() + "." + field.getName();
            }
        }
        return null;
    }

    private static String row(String... fields) {
        return String.join("\t", fields);
    }
}
