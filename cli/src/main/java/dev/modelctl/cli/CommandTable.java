package dev.modelctl.cli;

import dev.modelctl.core.base.io.JarResources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the hook commands as data, for {@link FastPath}: written at build time from picocli's own model
 * of the annotated classes ({@link CommandTableWriter}), so the annotations stay the one declaration; read at run time
 * without picocli. One line per fact, tab-separated (docs/startup.md, "The fast path"):
 * <pre>
 * command  NAME  CLASS                         a command the fast path may run
 * mixin    PATH  CLASS                         a {@code @Mixin} field (PATH: field names from the command, dot-separated)
 * option   NAMES PATH KIND TYPE DEFAULT CONVERTER SPLIT
 * positional PATH TYPE                        the one {@code 0..*} list of positional parameters
 * </pre>
 * KIND is {@code FLAG} (boolean, arity 0), {@code VALUE} (arity 1), {@code LIST} (arity 1, repeatable) or
 * {@code FALLBACK} (anything else: its presence hands the whole command line to picocli). {@code -} means none.
 */
record CommandTable(Map<String, Command> commands) {
    static final String RESOURCE = "/dev/modelctl/cli/fast-commands.tsv";
    static final String NONE = "-";

    enum Kind { FLAG, VALUE, LIST, FALLBACK }

    /** One option: every name it answers to, where its value goes, and how it is converted. */
    record Option(List<String> names, String path, Kind kind, String type, String defaultValue, String converter, String split) {
    }

    /** One command the fast path may run. */
    record Command(String name, String className, Map<String, String> mixins, List<Option> options,
                   String positionalPath, String positionalType) {
        Option option(String name) {
            for (Option o : options) {
                if (o.names().contains(name)) {
                    return o;
                }
            }
            return null;
        }
    }

    /**
     * The table in the jar, or an empty one — every command then goes to picocli — when there is none (a build without
     * the generated resource, e.g. an IDE run) or it cannot be read.
     */
    static CommandTable load() {
        try {
            byte[] table = JarResources.bytes(RESOURCE).orElse(null);
            return table == null ? new CommandTable(Map.of()) : parse(new String(table, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            return new CommandTable(Map.of());
        }
    }

    static CommandTable parse(String text) throws IOException {
        return parse(new BufferedReader(new StringReader(text)));
    }

    private static CommandTable parse(BufferedReader reader) throws IOException {
        Map<String, Command> commands = new LinkedHashMap<>();
        Builder current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split("\t", -1);
            if (f.length != switch (f[0]) {
                case "command", "mixin" -> 3;
                case "option" -> 8;
                case "positional" -> 3;
                default -> -1;
            } || !f[0].equals("command") && current == null) {
                throw new IOException("malformed line in " + RESOURCE + ": " + line);
            }
            switch (f[0]) {
                case "command" -> {
                    if (current != null) {
                        commands.put(current.name, current.build());
                    }
                    current = new Builder(f[1], f[2]);
                }
                case "mixin" -> current.mixins.put(f[1], f[2]);
                case "option" -> current.options.add(new Option(List.of(f[1].split(",")), f[2], kind(f[3], line), f[4],
                        unescape(f[5]), f[6], unescape(f[7])));
                case "positional" -> {
                    current.positionalPath = f[1];
                    current.positionalType = f[2];
                }
                default -> {
                }
            }
        }
        if (current != null) {
            commands.put(current.name, current.build());
        }
        return new CommandTable(commands);
    }

    private static Kind kind(String name, String line) throws IOException {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed line in " + RESOURCE + ": " + line, e);
        }
    }

    /** A value as written: {@code -} for none, else with backslash escapes for tab, newline and backslash. */
    static String escape(String value) {
        if (value == null) {
            return NONE;
        }
        String s = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        return s.equals(NONE) ? "\\-" : s;
    }

    static String unescape(String field) {
        if (field.equals(NONE)) {
            return null;
        }
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Builder {
        final String name;
        final String className;
        final Map<String, String> mixins = new LinkedHashMap<>();
        final List<Option> options = new ArrayList<>();
        String positionalPath;
        String positionalType;

        Builder(String name, String className) {
            this.name = name;
            this.className = className;
        }

        Command build() {
            return new Command(name, className, java.util.Collections.unmodifiableMap(mixins), List.copyOf(options),
                    positionalPath, positionalType);
        }
    }
}
