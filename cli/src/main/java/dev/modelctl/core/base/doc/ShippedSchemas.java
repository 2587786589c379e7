package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.NodeReader;
import dev.modelctl.core.base.io.JarResources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON Schemas shipped in the jar (draft-04: the routing document's, the ownership file's, the catalog's) and what
 * every check built on one needs from networknt: the schema text, the compiled schema (or one of its definitions),
 * and an error's instance location as a JSON pointer.
 *
 * <p>The schemas are read without Jackson's {@code ObjectMapper}: networknt prints schema values while it compiles
 * (every {@code enum} constant, through {@code JsonNode.toString()}), and the first {@code toString()} of a Jackson
 * node builds a mapper, whose class set-up creates a {@code SimpleDateFormat} and with it the JDK's locale data: about
 * 70 ms of a cold {@code check} on JDK 25, on the thread that compiles the schema (docs/startup.md, "Inside the JVM").
 */
public final class ShippedSchemas {
    private ShippedSchemas() {
    }

    /** The text of {@code resource} (e.g. {@code /schemas/model_routing_config.schema.json}). */
    public static String text(String resource) {
        return JarResources.text(resource);
    }

    /** A shipped schema compiled, with the tree it was compiled from (read once, for both). */
    public record Compiled(Schema schema, JsonNode tree) {
    }

    /** The schema at {@code resource} compiled; {@code fragment} ("" or a JSON pointer) picks a sub-schema. */
    public static Compiled compile(String resource, String fragment) {
        String text = text(resource);
        // compiled at build time (CompiledTree): no JSON parser, whose class set-up is most of reading a schema
        JsonNode compiled = CompiledTree.compiledTree(resource, PRINTABLE_TEXTS);
        JsonNode tree = compiled != null ? compiled : tree(resource, text);
        String iri = "https://modelctl.invalid" + resource;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemas(Map.of(iri, text)).nodeReader(reader(text, tree)));
        return new Compiled(registry.getSchema(SchemaLocation.of(fragment.isEmpty() ? iri : iri + "#" + fragment)), tree);
    }

    /** The tree of a shipped schema's {@code text}, read as networknt reads it when it compiles (see the class comment). */
    public static JsonNode tree(String resource, String text) {
        SourceDocument doc = new JsonTreeBuilder(resource, PRINTABLE_TEXTS).build(text);
        if (!doc.parsed()) {
            throw new IllegalStateException("schema " + resource + " in the jar is not JSON: " + doc.findings().get(0).message());
        }
        return doc.root();
    }

    /** A text node that prints itself as JSON the way Jackson does, with Jackson's own escaping, but without a mapper. */
    static final class PrintableText extends TextNode {
        PrintableText(String value) {
            super(value);
        }

        @Override
        public String toString() {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(textValue())) + '"';
        }
    }

    static final JsonNodeFactory PRINTABLE_TEXTS = new JsonNodeFactory() {
        @Override
        public TextNode textNode(String text) {
            return text == null ? null : new PrintableText(text);
        }
    };

    /**
     * networknt's reader for one compile: {@code tree} for the schema's own {@code text} (already read), {@link #tree}
     * for anything else it loads (the draft-04 meta-schema).
     */
    private static NodeReader reader(String text, JsonNode tree) {
        return new NodeReader() {
            @Override
            public JsonNode readTree(String content, InputFormat format) {
                return content.equals(text) ? tree : tree("a shipped schema", content);
            }

            @Override
            public JsonNode readTree(InputStream in, InputFormat format) throws IOException {
                return readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8), format);
            }
        };
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
