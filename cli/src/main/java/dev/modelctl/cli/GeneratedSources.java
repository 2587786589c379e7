package dev.modelctl.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build time ({@link CompileBuiltIns}): writes a generated Java source under {@code sources} (kept for reading) and
 * compiles it into the classes directory with the running JDK's javac, against the classes already there. Warnings
 * are errors, so a generated class is as clean as a written one.
 */
final class GeneratedSources {
    private GeneratedSources() {
    }

    static void compile(Path classes, Path sources, String binaryName, String text) throws IOException {
        Path source = sources.resolve(binaryName.replace('.', '/') + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, text);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the build needs a JDK (javac) to compile " + binaryName);
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = javac.run(null, messages, messages, "--release", "17", "-Xlint:all", "-Werror", "-implicit:none",
                "-cp", classes.toString(), "-d", classes.toString(), source.toString());
        if (exit != 0) {
            throw new IllegalStateException("could not compile " + source + ":\n" + messages.toString(StandardCharsets.UTF_8));
        }
    }

    /** The simple name of a binary class name. */
    static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }
}
