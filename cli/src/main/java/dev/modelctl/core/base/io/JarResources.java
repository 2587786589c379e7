package dev.modelctl.core.base.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Files the build puts in the jar (schemas, templates, the compiled built-ins, the fast path's command table): the
 * one way to read them. A missing one is a build problem, not bad input, so it is an {@link IllegalStateException}.
 */
public final class JarResources {
    private JarResources() {
    }

    /**
     * The bytes of {@code resource} (an absolute name, e.g. {@code /schemas/model_routing_config.schema.json}), or
     * empty when the jar has none (classes built by an IDE, without the generated resources).
     */
    public static Optional<byte[]> bytes(String resource) {
        try (InputStream in = JarResources.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    /** The UTF-8 text of a resource the jar must hold. */
    public static String text(String resource) {
        return new String(bytes(resource).orElseThrow(() -> new IllegalStateException("missing from the jar: " + resource)),
                StandardCharsets.UTF_8);
    }
}
