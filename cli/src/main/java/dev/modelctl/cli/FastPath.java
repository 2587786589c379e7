package dev.modelctl.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * The hook commands ({@code check}, {@code scan}, {@code validate}) and {@code --version} without picocli: picocli
 * builds its model of a command by reflection (annotation proxies, converter look-ups), which costs more than the
 * whole check on a small repository. This parses the command line against {@link CommandTable} — written at build
 * time from picocli's own model, so the annotations stay the one declaration — and binds the values to the same
 * fields picocli would, through {@link FastBindings} (plain code the build writes from the same table, no reflection).
 * Anything unusual (help, {@code --}, {@code @files}, an unknown or repeated option, a value
 * that looks like an option, a value that does not convert, quotes in a split value, …) returns empty and
 * {@link Main} runs picocli, which parses or reports it. {@code FastPathTest} proves over a corpus of argument lists
 * that the bound fields equal picocli's, and that the unusual ones fall back. docs/startup.md, "The fast path".
 */
final class FastPath {
    /** A command bound as picocli would bind it, and whether {@code --debug} was given. */
    record Parsed(Object command, boolean debug) {
    }

    private FastPath() {
    }

    /** The exit code of the command, or empty when picocli must run it. */
    static OptionalInt run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (System.getenv("MODELCTL_PICOCLI") != null) {
            return OptionalInt.empty();
        }
        if (isBareVersion(args)) {
            // what picocli's printVersionHelp prints for these plain lines (no markup, no format specifiers)
            for (String line : new ModelctlCommand.VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return OptionalInt.of(0);
        }
        Parsed parsed = parse(args, new Streams(out, err), CommandTable.load(), FastBindings.generated());
        if (parsed == null) {
            return OptionalInt.empty();
        }
        try {
            Object result = ((Callable<?>) parsed.command()).call();
            return OptionalInt.of(result instanceof Integer code ? code : 0);
        } catch (Exception e) {
            return OptionalInt.of(Main.report(e, parsed.debug(), err));
        }
    }

    /** {@code modelctl --version} or {@code -V} and nothing else. */
    static boolean isBareVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** The command of {@code args} with its fields bound, or null when picocli must parse them. */
    static Parsed parse(String[] args, Streams io, CommandTable table, FastBindings bindings) {
        if (args.length == 0 || bindings == null) {
            return null;
        }
        CommandTable.Command spec = table.commands().get(args[0]);
        if (spec == null) {
            return null;
        }
        // by identity: a record's hashCode is bootstrapped through method handles on first use, ~15 ms of a cold start
        Map<CommandTable.Option, List<String>> given = new IdentityHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@' || arg.equals("-")) {
                return null; // @files are expanded by picocli; "-" and "" are left to its rules
            }
            if (arg.charAt(0) != '-') {
                positionals.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            CommandTable.Option option = spec.option(name);
            if (option == null || option.kind() == CommandTable.Kind.FALLBACK
                    || option.kind() != CommandTable.Kind.LIST && given.containsKey(option)) {
                return null;
            }
            if (option.kind() == CommandTable.Kind.FLAG) {
                if (value != null) {
                    return null;
                }
                given.put(option, List.of());
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    return null;
                }
                value = args[++i];
                if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
                    return null;
                }
            }
            if (option.split() != null && value.indexOf('"') >= 0) {
                return null;
            }
            given.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
        }
        try {
            return new Parsed(bind(spec, io, bindings, given, positionals), given.keySet().stream().anyMatch(o -> o.names().contains("--debug")));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a value that does not convert: picocli says why
        }
    }

    private static Object bind(CommandTable.Command spec, Streams io, FastBindings bindings,
                               Map<CommandTable.Option, List<String>> given, List<String> positionals)
            throws ReflectiveOperationException {
        // built as picocli builds them (CommandFactory: the run's streams to a constructor that takes them)
        Object command = bindings.create(spec.className(), io);
        Map<String, Object> holders = new HashMap<>();
        holders.put("", command);
        for (Map.Entry<String, String> mixin : spec.mixins().entrySet()) {
            Object instance = bindings.create(mixin.getValue(), io);
            bindings.set(command, mixin.getKey(), instance);
            holders.put(mixin.getKey(), instance);
        }
        for (CommandTable.Option option : spec.options()) {
            if (option.kind() == CommandTable.Kind.FALLBACK) {
                continue;
            }
            List<String> values = given.get(option);
            String path = option.path();
            int dot = path.lastIndexOf('.');
            Object holder = holders.get(dot < 0 ? "" : path.substring(0, dot));
            String field = path.substring(dot + 1);
            if (option.kind() == CommandTable.Kind.FLAG) {
                boolean byDefault = option.defaultValue() != null ? Boolean.parseBoolean(option.defaultValue())
                        : Boolean.TRUE.equals(bindings.get(holder, field));
                if (values != null) {
                    bindings.set(holder, field, !byDefault); // picocli flips the default
                } else if (option.defaultValue() != null) {
                    bindings.set(holder, field, byDefault);
                }
            } else if (values != null || option.defaultValue() != null) {
                List<String> raw = values != null ? values : List.of(option.defaultValue());
                if (option.kind() == CommandTable.Kind.VALUE) {
                    bindings.set(holder, field, convert(bindings, option, raw.get(0)));
                } else {
                    List<Object> list = new ArrayList<>();
                    for (String value : raw) {
                        for (String part : option.split() == null ? new String[]{value} : value.split(option.split(), -1)) {
                            if (part.isEmpty()) {
                                throw new IllegalArgumentException("empty element");
                            }
                            list.add(convert(bindings, option, part));
                        }
                    }
                    bindings.set(holder, field, list);
                }
            }
        }
        if (!positionals.isEmpty()) {
            if (spec.positionalPath() == null) {
                throw new IllegalArgumentException("unexpected positional parameters");
            }
            String path = spec.positionalPath();
            int dot = path.lastIndexOf('.');
            Object holder = holders.get(dot < 0 ? "" : path.substring(0, dot));
            List<Object> list = new ArrayList<>();
            for (String p : positionals) {
                list.add(convert(bindings, spec.positionalType(), null, p));
            }
            bindings.set(holder, path.substring(dot + 1), list);
        }
        return command;
    }

    private static Object convert(FastBindings bindings, CommandTable.Option option, String value) throws ReflectiveOperationException {
        return convert(bindings, option.type(), option.converter(), value);
    }

    /** picocli's conversion for the types the hook commands use; anything else throws (and so falls back). */
    private static Object convert(FastBindings bindings, String type, String converter, String value)
            throws ReflectiveOperationException {
        if (converter != null && !converter.equals(CommandTable.NONE)) {
            Object c = Class.forName(converter).getDeclaredConstructor().newInstance();
            try {
                return ((picocli.CommandLine.ITypeConverter<?>) c).convert(value);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        switch (type) {
            case "java.lang.String":
                return value;
            case "java.nio.file.Path":
                return Paths.get(value);
            default:
                Object[] constants = bindings.enumConstants(type);
                if (constants == null) {
                    throw new IllegalArgumentException("no fast conversion to " + type);
                }
                // picocli with case-insensitive enum values (Main): exact name first, then name or toString ignoring case
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return constant;
                    }
                }
                for (Object constant : constants) {
                    Enum<?> e = (Enum<?>) constant;
                    if (value.equalsIgnoreCase(e.name()) || value.equalsIgnoreCase(e.toString())) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("not a constant of " + type);
        }
    }
}
