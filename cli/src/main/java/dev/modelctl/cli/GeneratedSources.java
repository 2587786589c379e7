package dev.modelctl.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build time ({@link CompileBuiltIns}): writes generated Java sources under {@code sources} (kept for reading) and
 * compiles them into the classes directory with the running JDK's javac, against the classes already there. Warnings
 * are errors, so a generated class is as clean as a written one.
 */
final class GeneratedSources {
    private GeneratedSources() {
    }

    /** Writes each source (by its class's binary name) and compiles them all in one javac run. */
    static void compile(Path classes, Path sources, Map<String, String> byClass) throws IOException {
        // the release and string concatenation of cli/pom.xml's own compile (StartupWorkTest checks the generated classes too)
        List<String> args = new ArrayList<>(List.of("--release", "17", "-XDstringConcat=inline", "-Xlint:all", "-Werror", "-implicit:none",
                "-cp", classes.toString(), "-d", classes.toString()));
        for (Map.Entry<String, String> generated : byClass.entrySet()) {
            Path source = sources.resolve(generated.getKey().replace('.', '/') + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, generated.getValue());
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the build needs a JDK (javac) to compile " + byClass.keySet());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        if (javac.run(null, messages, messages, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("could not compile " + byClass.keySet() + ":\n" + messages.toString(StandardCharsets.UTF_8));
        }
    }

    /** The simple name of a binary class name. */
    static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }
}
