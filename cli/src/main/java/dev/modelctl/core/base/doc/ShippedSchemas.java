package dev.modelctl.core.base.doc;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON Schemas shipped in the jar (draft-04: the routing document's, the ownership file's, the catalog's) and what
 * every check built on one needs from networknt: the schema text, the compiled schema (or one of its definitions),
 * and an error's instance location as a JSON pointer.
 */
public final class ShippedSchemas {
    private ShippedSchemas() {
    }

    /** The text of {@code resource} (e.g. {@code /schemas/model_routing_config.schema.json}). */
    public static String text(String resource) {
        try (InputStream in = ShippedSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} (the schema at {@code resource}) compiled; {@code fragment} ("" or a JSON pointer) picks a sub-schema. */
    public static Schema compile(String resource, String fragment, String text) {
        String iri = "https://modelctl.invalid" + resource;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemas(Map.of(iri, text)));
        return registry.getSchema(SchemaLocation.of(fragment.isEmpty() ? iri : iri + "#" + fragment));
    }

    /** RFC 6901 pointer of a validator instance location. */
    public static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(element instanceof Integer ? element.toString() : SourceDocument.escape(String.valueOf(element)));
        }
        return sb.toString();
    }

    /** A networknt message without the instance path it starts with ({@code $.a.b: …}, {@code /a/b: …}). */
    public static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && (message.startsWith("$") || message.startsWith("/") || message.startsWith(":")) ? message.substring(colon + 2) : message;
    }
}
