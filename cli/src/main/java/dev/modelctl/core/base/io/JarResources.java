package dev.modelctl.core.base.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Files the build puts in the jar (schemas, templates, the compiled built-ins, the fast path's command table): the
 * one way to read them. A missing one is a build problem, not bad input, so it is an {@link IllegalStateException}.
 *
 * <p>The ones the hook paths read are also embedded in a class the build generates ({@link #EMBEDDED}, as string
 * constants), and read from there: the first resource read from the jar opens it in Java, which reads the central
 * directory of its ~13,000 entries, interpreted (docs/startup.md, "Set-up the hook paths never do"). Classes come
 * from the start-up cache, so a hook run that reads no resource from the jar never opens it.
 */
public final class JarResources {
    /** The generated class with the embedded resources: a {@code Function<String, byte[]>}, null for any other name. */
    public static final String EMBEDDED = "dev.modelctl.core.base.io.GeneratedEmbeddedResources";

    /** Resources read from the jar itself in this JVM (the tests check that the hook paths read none). */
    private static final Set<String> READ_FROM_JAR = ConcurrentHashMap.newKeySet();

    private JarResources() {
    }

    /** Read when first needed: a --version that reads no resource does not load the class. */
    private static final class Embedded {
        @SuppressWarnings("unchecked")
        static final Function<String, byte[]> RESOURCES = GeneratedCode.load(EMBEDDED, Function.class);
    }

    /**
     * The bytes of {@code resource} (an absolute name, e.g. {@code /schemas/model_routing_config.schema.json}), or
     * empty when the jar has none (classes built by an IDE, without the generated resources).
     */
    public static Optional<byte[]> bytes(String resource) {
        byte[] embedded = Embedded.RESOURCES == null ? null : Embedded.RESOURCES.apply(resource);
        if (embedded != null) {
            return Optional.of(embedded);
        }
        READ_FROM_JAR.add(resource);
        return fromJar(resource);
    }

    /** The bytes of {@code resource} as the jar holds them, not the embedded copy (the build and its tests compare them). */
    public static Optional<byte[]> fromJar(String resource) {
        try (InputStream in = JarResources.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    /** Every resource this JVM has read from the jar itself rather than from the embedded copies, in no order. */
    public static Set<String> readFromJar() {
        return Set.copyOf(READ_FROM_JAR);
    }

    /** The bytes of a resource the jar must hold. */
    public static byte[] required(String resource) {
        return bytes(resource).orElseThrow(() -> new IllegalStateException("missing from the jar: " + resource));
    }

    /** The UTF-8 text of a resource the jar must hold. */
    public static String text(String resource) {
        return new String(required(resource), StandardCharsets.UTF_8);
    }
}
