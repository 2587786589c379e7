package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.io.JarResources;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Built-in data (the model catalog and the scan rules in YAML, the shipped JSON schemas) compiled at build time into
 * its parsed tree and positions,
 * read at run time without a text parser: the YAML stays the reviewed source, the parsing code that turns the tree
 * into catalog entries or rules is the same, only the reading is cheaper. Neither SnakeYAML nor Jackson's parser
 * runs: setting up Jackson's parser classes alone took 20-30 ms of a {@code scan --staged} (docs/startup.md).
 * The form is Java's {@link DataOutputStream} encoding of the nodes in document order; {@code CompiledTreeTest}
 * proves the tree and every position equal to the YAML's.
 */
public final class CompiledTree {
    /** The compiled form sits beside the YAML resource, with this suffix appended. */
    public static final String SUFFIX = ".tree";
    private static final int MAGIC = 0x4d435431; // "MCT1"

    private enum Kind { OBJECT, ARRAY, TEXT, LONG, BIG_INTEGER, DECIMAL, DOUBLE, TRUE, FALSE, NULL }

    private CompiledTree() {
    }

    /**
     * The tree of a YAML resource in the jar, from its compiled form when the build made one (the YAML itself
     * otherwise, e.g. classes compiled by an IDE); {@code displayName} is how messages name the file.
     */
    public static SourceDocument load(String resource, String displayName) {
        SourceDocument compiled = compiled(resource, displayName, JsonNodeFactory.instance);
        return compiled != null ? compiled : new DocumentLoader().parse(JarResources.required(resource), displayName);
    }

    /**
     * The compiled tree of {@code resource} with its text nodes made by {@code nodes}, or {@code null} when the build
     * did not compile it (the caller then parses the resource itself).
     */
    public static JsonNode compiledTree(String resource, JsonNodeFactory nodes) {
        SourceDocument compiled = compiled(resource, resource, nodes);
        return compiled == null ? null : compiled.root();
    }

    /** The compiled form of {@code resource}, or {@code null} when the build made none. */
    private static SourceDocument compiled(String resource, String displayName, JsonNodeFactory nodes) {
        byte[] bytes = JarResources.bytes(resource + SUFFIX).orElse(null);
        if (bytes == null) {
            return null;
        }
        try {
            return decode(bytes, displayName, nodes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + SUFFIX + " from the jar", e);
        }
    }

    /** True when the build compiled {@code resource} (the test suite requires it for every built-in). */
    public static boolean isCompiled(String resource) {
        return CompiledTree.class.getResource(resource + SUFFIX) != null;
    }

    /**
     * Build step: parses {@code classes/resource} (YAML, or JSON by its name) with the document loader (duplicate keys
     * and syntax errors fail the build) and writes its tree and positions beside it.
     */
    public static void compile(Path classes, String resource) throws IOException {
        Path yaml = classes.resolve(resource.startsWith("/") ? resource.substring(1) : resource);
        SourceDocument doc = new DocumentLoader().load(yaml, yaml.toString());
        if (!doc.findings().isEmpty()) {
            throw new IllegalStateException(doc.findings().get(0).toString());
        }
        Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), encode(doc));
    }

    static byte[] encode(SourceDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            write(out, doc, doc.root(), "");
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, SourceDocument doc, JsonNode node, String pointer) throws IOException {
        NodeLocation at = doc.locations().find(pointer);
        out.writeInt(at.keyLine());
        out.writeInt(at.keyColumn());
        out.writeInt(at.line());
        out.writeInt(at.column());
        if (node.isObject()) {
            out.writeByte(Kind.OBJECT.ordinal());
            out.writeInt(node.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.writeUTF(field.getKey());
                write(out, doc, field.getValue(), pointer + "/" + SourceDocument.escape(field.getKey()));
            }
        } else if (node.isArray()) {
            out.writeByte(Kind.ARRAY.ordinal());
            out.writeInt(node.size());
            for (int i = 0; i < node.size(); i++) {
                write(out, doc, node.get(i), pointer + "/" + i);
            }
        } else if (node.isTextual()) {
            out.writeByte(Kind.TEXT.ordinal());
            out.writeUTF(node.textValue());
        } else if (node.isIntegralNumber()) {
            boolean fitsLong = node.canConvertToLong() && !node.isBigInteger();
            out.writeByte((fitsLong ? Kind.LONG : Kind.BIG_INTEGER).ordinal());
            if (fitsLong) {
                out.writeLong(node.longValue());
            } else {
                out.writeUTF(node.bigIntegerValue().toString());
            }
        } else if (node.isBigDecimal()) {
            out.writeByte(Kind.DECIMAL.ordinal());
            out.writeUTF(node.decimalValue().toString());
        } else if (node.isNumber()) {
            out.writeByte(Kind.DOUBLE.ordinal());
            out.writeDouble(node.doubleValue());
        } else if (node.isBoolean()) {
            out.writeByte((node.booleanValue() ? Kind.TRUE : Kind.FALSE).ordinal());
        } else if (node.isNull()) {
            out.writeByte(Kind.NULL.ordinal());
        } else {
            throw new IllegalStateException("cannot compile a " + node.getNodeType() + " node at " + pointer);
        }
    }

    static SourceDocument decode(byte[] bytes, String displayName) throws IOException {
        return decode(bytes, displayName, JsonNodeFactory.instance);
    }

    private static SourceDocument decode(byte[] bytes, String displayName, JsonNodeFactory nodes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a compiled tree");
        }
        LocationTree locations = new LocationTree();
        JsonNode root = read(in, locations.root(), nodes);
        return new SourceDocument(displayName, root, locations, List.of(), Map.of());
    }

    private static final Kind[] KINDS = Kind.values();

    private static JsonNode read(DataInputStream in, LocationTree.Node at, JsonNodeFactory nodes) throws IOException {
        at.set(new Position(in.readInt(), in.readInt()), new Position(in.readInt(), in.readInt()));
        switch (KINDS[in.readUnsignedByte()]) {
            case OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (int n = in.readInt(); n > 0; n--) {
                    String key = in.readUTF();
                    object.set(key, read(in, at.field(key), nodes));
                }
                return object;
            }
            case ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    array.add(read(in, at.item(i), nodes));
                }
                return array;
            }
            case TEXT -> {
                return nodes.textNode(in.readUTF());
            }
            case LONG -> {
                return nodes.numberNode(in.readLong());
            }
            case BIG_INTEGER -> {
                return nodes.numberNode(new BigInteger(in.readUTF()));
            }
            case DECIMAL -> {
                return nodes.numberNode(new BigDecimal(in.readUTF()));
            }
            case DOUBLE -> {
                return nodes.numberNode(in.readDouble());
            }
            case TRUE -> {
                return nodes.booleanNode(true);
            }
            case FALSE -> {
                return nodes.booleanNode(false);
            }
            default -> {
                return nodes.nullNode();
            }
        }
    }
}
