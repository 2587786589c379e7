package dev.modelctl.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Build time ({@link CompileBuiltIns}): writes the Java source of {@link FastBindings} for the classes and fields a
 * {@link CommandTable} names ({@link GeneratedSources} compiles it). Every case is a plain {@code new}, field read or
 * field write, so a field that is private, final or renamed fails the build here, not the fast path at run time.
 */
final class FastBindingsWriter {
    private FastBindingsWriter() {
    }

    /** The source of the implementation, named {@code simpleName} in this package. */
    static String source(CommandTable table, String simpleName) {
        Map<Class<?>, Set<Field>> holders = new LinkedHashMap<>();
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (CommandTable.Command command : table.commands().values()) {
            Map<String, Class<?>> byPath = new LinkedHashMap<>();
            byPath.put("", load(command.className()));
            command.mixins().forEach((path, className) -> byPath.put(path, load(className)));
            byPath.values().forEach(c -> holders.computeIfAbsent(c, k -> new LinkedHashSet<>()));
            for (String mixin : command.mixins().keySet()) {
                addField(holders, byPath, mixin); // the command's field that holds the mixin
            }
            for (CommandTable.Option option : command.options()) {
                if (option.kind() != CommandTable.Kind.FALLBACK) {
                    addField(holders, byPath, option.path());
                    addEnum(enums, option.type());
                }
            }
            if (command.positionalPath() != null) {
                addField(holders, byPath, command.positionalPath());
                addEnum(enums, command.positionalType());
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("package dev.modelctl.cli;\n\n")
                .append("/** Written by FastBindingsWriter at build time from the fast path's CommandTable; do not edit. */\n")
                .append("@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n")
                .append("final class ").append(simpleName).append(" implements FastBindings {\n")
                .append("    static {\n        dev.modelctl.core.base.io.GeneratedCode.register(FastBindings.GENERATED, new ").append(simpleName).append("());\n    }\n\n");
        s.append("    @Override\n    public Object create(String className, Streams io) {\n        switch (className) {\n");
        for (Class<?> holder : holders.keySet()) {
            s.append("            case \"").append(holder.getName()).append("\":\n                return new ").append(holder.getCanonicalName())
                    .append(CommandFactory.streamsConstructor(holder).isPresent() ? "(io)" : "()").append(";\n");
        }
        s.append("            default:\n                throw new IllegalArgumentException(className);\n        }\n    }\n\n");
        fieldSwitch(s, "Object get(Object holder, String field)", holders,
                (holder, f) -> "return ((" + holder.getCanonicalName() + ") holder)." + f.getName() + ";");
        fieldSwitch(s, "void set(Object holder, String field, Object value)", holders,
                (holder, f) -> "((" + holder.getCanonicalName() + ") holder)." + f.getName() + " = ("
                        + boxed(f.getType()).getCanonicalName() + ") value;\n                        return;");
        s.append("    @Override\n    public Object[] enumConstants(String type) {\n        switch (type) {\n");
        for (Class<?> e : enums) {
            s.append("            case \"").append(e.getName()).append("\":\n                return ").append(e.getCanonicalName()).append(".values();\n");
        }
        s.append("            default:\n                return null;\n        }\n    }\n}\n");
        return s.toString();
    }

    /** A method that switches on the holder's class, then on the field's name, to {@code body}'s statements. */
    private static void fieldSwitch(StringBuilder s, String signature, Map<Class<?>, Set<Field>> holders,
                                    BiFunction<Class<?>, Field, String> body) {
        s.append("    @Override\n    public ").append(signature).append(" {\n        switch (holder.getClass().getName()) {\n");
        for (Map.Entry<Class<?>, Set<Field>> holder : holders.entrySet()) {
            if (holder.getValue().isEmpty()) {
                continue;
            }
            s.append("            case \"").append(holder.getKey().getName()).append("\":\n                switch (field) {\n");
            for (Field f : holder.getValue()) {
                s.append("                    case \"").append(f.getName()).append("\":\n                        ")
                        .append(body.apply(holder.getKey(), f)).append("\n");
            }
            s.append("                    default:\n                        break;\n                }\n                break;\n");
        }
        s.append("            default:\n                break;\n        }\n        throw new IllegalArgumentException(field);\n    }\n\n");
    }

    private static Class<?> holder(Map<String, Class<?>> byPath, String path) {
        int dot = path.lastIndexOf('.');
        Class<?> holder = byPath.get(dot < 0 ? "" : path.substring(0, dot));
        if (holder == null) {
            throw new IllegalStateException("the fast path table names a field of an unknown mixin: " + path);
        }
        return holder;
    }

    /** Adds the field at {@code path} (from the command: {@code mixin.field} or {@code field}) to its holder's set. */
    private static void addField(Map<Class<?>, Set<Field>> holders, Map<String, Class<?>> byPath, String path) {
        Class<?> holder = holder(byPath, path);
        holders.get(holder).add(field(holder, path.substring(path.lastIndexOf('.') + 1)));
    }

    private static Field field(Class<?> holder, String name) {
        try {
            Field f = holder.getDeclaredField(name);
            if (Modifier.isPrivate(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                throw new IllegalStateException(holder.getName() + "." + name
                        + " must be neither private nor final: the fast path writes it directly (docs/startup.md, \"The fast path\")");
            }
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the fast path table names a field " + holder.getName() + " does not declare: " + name, e);
        }
    }

    private static void addEnum(Set<Class<?>> enums, String type) {
        if (type.contains(".")) {
            Class<?> c = load(type);
            if (c.isEnum()) {
                enums.add(c);
            }
        }
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            default -> throw new IllegalStateException("the fast path does not write " + c + " fields");
        };
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, FastBindingsWriter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the fast path table names a missing class: " + className, e);
        }
    }
}
