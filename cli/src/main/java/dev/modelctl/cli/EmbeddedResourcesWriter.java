package dev.modelctl.cli;

import dev.modelctl.core.base.io.JarResources;

import java.util.Map;

/**
 * Build time ({@link CompileBuiltIns}): the Java source of {@link JarResources#EMBEDDED}, which holds the given
 * resources' bytes as string constants (one char per byte, octal escapes outside printable ASCII) and answers
 * {@code apply(name)} with a fresh copy, or null for a name it does not hold.
 */
final class EmbeddedResourcesWriter {
    /** A class-file string constant holds at most 65,535 bytes of modified UTF-8 (a byte takes one or two). */
    private static final int MAX_CONSTANT_BYTES = 65_535;

    private EmbeddedResourcesWriter() {
    }

    static String source(Map<String, byte[]> resources) {
        String simpleName = GeneratedSources.simpleName(JarResources.EMBEDDED);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(JarResources.EMBEDDED, 0, JarResources.EMBEDDED.lastIndexOf('.')).append(";\n\n")
                .append("/** Written by EmbeddedResourcesWriter at build time from the jar's own resources; do not edit. */\n")
                .append("final class ").append(simpleName).append(" implements java.util.function.Function<String, byte[]> {\n")
                .append("    static {\n        GeneratedCode.register(JarResources.EMBEDDED, new ").append(simpleName).append("());\n    }\n\n")
                .append("    @Override\n    public byte[] apply(String resource) {\n        switch (resource) {\n");
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            s.append("            case \"").append(resource.getKey()).append("\":\n                return bytes(")
                    .append(resource.getValue().length);
            appendChunks(s, resource.getValue());
            s.append(");\n");
        }
        s.append("            default:\n                return null;\n        }\n    }\n\n")
                .append("    private static byte[] bytes(int length, String... chunks) {\n")
                .append("        byte[] out = new byte[length];\n        int at = 0;\n")
                .append("        for (String chunk : chunks) {\n")
                .append("            byte[] b = chunk.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);\n")
                .append("            System.arraycopy(b, 0, out, at, b.length);\n            at += b.length;\n        }\n")
                .append("        return out;\n    }\n}\n");
        return s.toString();
    }

    /** {@code , "…"} per chunk, each small enough for one string constant. */
    private static void appendChunks(StringBuilder s, byte[] bytes) {
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            for (int size = 0; end < bytes.length && size + constantSize(bytes[end]) <= MAX_CONSTANT_BYTES; end++) {
                size += constantSize(bytes[end]);
            }
            s.append(",\n                        \"");
            for (int i = start; i < end; i++) {
                int b = bytes[i] & 0xff;
                if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                    s.append((char) b);
                } else { // three octal digits, so a digit after it is never read as part of it
                    s.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + (b >> 3 & 7))).append((char) ('0' + (b & 7)));
                }
            }
            s.append('"');
            start = end;
        }
    }

    /** The bytes a char of value {@code b} takes in a class file's modified UTF-8. */
    private static int constantSize(byte b) {
        return b >= 1 ? 1 : 2; // 0x01-0x7f: one byte; NUL and 0x80-0xff: two
    }
}
