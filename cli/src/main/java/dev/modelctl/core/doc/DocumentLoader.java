package dev.modelctl.core.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict YAML/JSON loading that keeps the source position of every node. Content problems (malformed syntax, duplicate
 * keys, several YAML documents, alias bombs, absurd nesting, invalid UTF-8) become findings; a file that cannot be read
 * at all (missing, too large, binary) is an {@link InputException}. Never hangs: input size, nesting depth, alias count
 * and expanded node count are all bounded.
 */
public final class DocumentLoader {
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 2_000_000;

    private static final Pattern YAML11_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern PLAIN_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    private final long maxBytes;
    private final String limitHint;

    public DocumentLoader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentLoader(long maxBytes) {
        this(maxBytes, null);
    }

    /** @param limitHint how the caller lets users raise the limit (e.g. a flag), appended to the too-large message */
    public DocumentLoader(long maxBytes, String limitHint) {
        this.maxBytes = maxBytes;
        this.limitHint = limitHint == null ? "" : " (" + limitHint + ")";
    }

    /** Reads and parses {@code path}; {@code displayName} is how findings name the file. */
    public SourceDocument load(Path path, String displayName) {
        return parse(readBytes(path, displayName), displayName);
    }

    public SourceDocument load(Path path) {
        return load(path, path.toString());
    }

    /** Parses bytes already in memory (a git blob, a test fixture); JSON when the name ends in {@code .json}. */
    public SourceDocument parse(byte[] bytes, String displayName) {
        if (bytes.length > maxBytes) {
            throw new InputException(displayName + ": " + bytes.length + " bytes exceeds the " + maxBytes + "-byte limit for routing documents" + limitHint);
        }
        if (looksBinary(bytes)) {
            throw new InputException(displayName + ": binary file (NUL bytes), not a YAML or JSON document");
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (MalformedInputException e) {
            return failed(displayName, positionOfByte(bytes, firstInvalidByte(bytes)),
                    "invalid UTF-8 byte sequence; save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean json = displayName.toLowerCase(Locale.ROOT).endsWith(".json");
        int expectedNodes = text.length() / 12; // roughly one node per 12 characters in routing documents
        return json ? new JsonTreeBuilder(displayName, expectedNodes).build(text) : new YamlTreeBuilder(displayName).build(text);
    }

    /**
     * Every document of a YAML stream (Kubernetes manifests, several resources per file), or the single JSON document.
     * Used by the scanner, which reads configuration files of other tools rather than routing documents.
     */
    public List<SourceDocument> parseAll(byte[] bytes, String displayName) {
        if (bytes.length > maxBytes || looksBinary(bytes)) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (displayName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return List.of(new JsonTreeBuilder(displayName).build(text));
        }
        return new YamlTreeBuilder(displayName).buildAll(text);
    }

    private byte[] readBytes(Path path, String displayName) {
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(displayName + ": is a directory, expected a YAML or JSON file");
            }
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new InputException(displayName + ": " + size + " bytes exceeds the " + maxBytes + "-byte limit for routing documents" + limitHint);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(displayName + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(displayName + ": permission denied");
        } catch (IOException e) {
            throw new InputException(displayName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String decodeUtf8(byte[] bytes) throws MalformedInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new MalformedInputException(0);
        }
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Line and column (1-based, in characters) of byte {@code offset}. */
    private static Position positionOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Position(line, prefix.length() + 1);
    }

    private static SourceDocument failed(String file, Position at, String message) {
        Finding f = Finding.of(Check.SYNTAX_ERROR, file, at.line(), at.column(), message, null);
        return new SourceDocument(file, null, new LocationTree(), List.of(f), Map.of());
    }

    /** Shared state of one tree build: positions, findings and the YAML 1.1 notes. */
    private abstract static class TreeBuilder {
        final String file;
        final LocationTree locations = new LocationTree();
        final List<Finding> findings = new ArrayList<>();
        final Map<String, String> yaml11 = new LinkedHashMap<>();

        TreeBuilder(String file) {
            this(file, 64);
        }

        /** Presized for large documents: rehashing a million-entry map dominates otherwise. */
        TreeBuilder(String file, int expectedNodes) {
            this.file = file;
        }

        SourceDocument result(JsonNode root) {
            return new SourceDocument(file, root, locations, List.copyOf(findings), yaml11);
        }

        SourceDocument syntaxError(Position at, String message) {
            findings.add(Finding.of(Check.SYNTAX_ERROR, file, at.line(), at.column(), message, null));
            return new SourceDocument(file, null, new LocationTree(), List.copyOf(findings), Map.of());
        }

        void duplicateKey(String parentPointer, String key, Position at, Position first) {
            String where = parentPointer.isEmpty() ? "the top level" : parentPointer;
            findings.add(Finding.of(Check.DUPLICATE_KEY, file, at.line(), at.column(),
                    "key '" + key + "' appears twice in " + where + " (first at line " + first.line() + ")",
                    "remove one of them; parsers silently keep only one value"));
        }
    }

    /** YAML via SnakeYAML's composer, which keeps marks, scalar styles and aliases. */
    private static final class YamlTreeBuilder extends TreeBuilder {
        private int nodes;

        YamlTreeBuilder(String file) {
            super(file);
        }

        SourceDocument build(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setAllowRecursiveKeys(false);
            options.setCodePointLimit(Math.max(text.length() + 1, 1));
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
            try {
                Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
                if (!documents.hasNext()) {
                    return syntaxError(new Position(1, 1), "empty document; expected a mapping with 'version' and 'models'");
                }
                Node root = documents.next();
                if (documents.hasNext()) {
                    Node second = documents.next();
                    int line = documentMarkerLine(text, root.getEndMark().getLine(),
                            second == null ? root.getEndMark().getLine() + 1 : second.getStartMark().getLine() + 1);
                    return syntaxError(new Position(Math.max(line, 1), 1),
                            "several YAML documents in one file (another starts at line " + line + "); a routing document is exactly one");
                }
                JsonNode tree = convert(root, "", position(root.getStartMark()), 0);
                return result(tree);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                String context = e.getContext() != null ? " " + e.getContext() : "";
                return syntaxError(mark == null ? new Position(1, 1) : position(mark), oneLine(problem + context));
            } catch (YAMLException e) {
                return syntaxError(new Position(1, 1), oneLine(describe(e.getMessage())));
            } catch (TooLargeException e) {
                return syntaxError(e.at, e.getMessage());
            } catch (StackOverflowError e) {
                return syntaxError(new Position(1, 1), "nesting too deep");
            }
        }

        /** The line (1-based) of the {@code ---} that starts the next document, else {@code fallback}. */
        private static int documentMarkerLine(String text, int fromLine, int fallback) {
            List<String> lines = text.lines().toList();
            for (int i = Math.max(fromLine, 0); i < lines.size(); i++) {
                if (lines.get(i).startsWith("---")) {
                    return i + 1;
                }
            }
            return fallback;
        }

        List<SourceDocument> buildAll(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setAllowRecursiveKeys(false);
            options.setCodePointLimit(Math.max(text.length() + 1, 1));
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
            List<SourceDocument> out = new ArrayList<>();
            try {
                for (Node root : yaml.composeAll(new StringReader(text))) {
                    if (root != null) {
                        YamlTreeBuilder one = new YamlTreeBuilder(file);
                        out.add(one.result(one.convert(root, "", position(root.getStartMark()), 0)));
                    }
                }
            } catch (YAMLException | TooLargeException | StackOverflowError e) {
                // not YAML we can read: the scanner still scans the text
            }
            return out;
        }

        private static String describe(String message) {
            if (message == null) {
                return "malformed YAML";
            }
            if (message.contains("aliases")) {
                return "too many YAML aliases (more than " + MAX_ALIASES + "): refusing a possible alias bomb";
            }
            if (message.contains("Nesting Depth")) {
                return "nesting deeper than " + MAX_DEPTH + " levels";
            }
            return message;
        }

        private JsonNode convert(Node node, String pointer, Position keyPos, int depth) {
            if (++nodes > MAX_NODES) {
                throw new TooLargeException(position(node.getStartMark()),
                        "document expands to more than " + MAX_NODES + " nodes (YAML aliases?): refusing it");
            }
            if (depth > MAX_DEPTH) {
                throw new TooLargeException(position(node.getStartMark()), "nesting deeper than " + MAX_DEPTH + " levels");
            }
            Position valuePos = position(node.getStartMark());
            locations.put(pointer, new NodeLocation(keyPos, valuePos));
            if (node instanceof MappingNode mapping) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                Map<String, Position> seen = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    if (keyNode.getTag().equals(Tag.MERGE)) {
                        merge(object, tuple.getValueNode(), pointer, depth);
                        continue;
                    }
                    if (!(keyNode instanceof ScalarNode scalarKey)) {
                        throw new TooLargeException(position(keyNode.getStartMark()), "mapping keys must be plain strings");
                    }
                    String key = scalarKey.getValue();
                    Position at = position(keyNode.getStartMark());
                    Position first = seen.putIfAbsent(key, at);
                    if (first != null) {
                        duplicateKey(pointer, key, at, first);
                    }
                    String child = pointer + "/" + SourceDocument.escape(key);
                    object.set(key, convert(tuple.getValueNode(), child, at, depth + 1));
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, pointer + "/" + i, position(item.getStartMark()), depth + 1));
                    i++;
                }
                return array;
            }
            return scalar((ScalarNode) node, pointer);
        }

        /** YAML merge key {@code <<}: explicit keys of the mapping win over merged ones. */
        private void merge(ObjectNode into, Node source, String pointer, int depth) {
            List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
            for (Node s : sources) {
                JsonNode merged = convert(s, pointer, position(s.getStartMark()), depth + 1);
                if (merged instanceof ObjectNode mo) {
                    mo.properties().forEach(e -> {
                        if (!into.has(e.getKey())) {
                            into.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
        }

        /** Types a scalar the way YAML 1.1 does (the strictest reading a consumer may apply), noting surprising cases. */
        private JsonNode scalar(ScalarNode scalar, String pointer) {
            String text = scalar.getValue();
            if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                return JsonNodeFactory.instance.textNode(text);
            }
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (tag.equals(Tag.BOOL) && YAML11_BOOL.matcher(text).matches()) {
                if (!PLAIN_BOOL.matcher(text).matches()) {
                    yaml11.put(pointer, text);
                }
                String lower = text.toLowerCase(Locale.ROOT);
                return JsonNodeFactory.instance.booleanNode(lower.equals("y") || lower.equals("yes") || lower.equals("true") || lower.equals("on"));
            }
            if (tag.equals(Tag.INT)) {
                if (!PLAIN_DECIMAL.matcher(text).matches()) {
                    yaml11.put(pointer, text);
                }
                BigInteger value = yaml11Integer(text);
                if (value != null) {
                    return value.bitLength() < 63 ? JsonNodeFactory.instance.numberNode(value.longValue())
                            : JsonNodeFactory.instance.numberNode(value);
                }
                return JsonNodeFactory.instance.textNode(text);
            }
            if (tag.equals(Tag.FLOAT)) {
                try {
                    String t = text.replace("_", "");
                    if (t.contains(":")) {
                        yaml11.put(pointer, text);
                        return JsonNodeFactory.instance.textNode(text);
                    }
                    return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(t));
                } catch (NumberFormatException e) {
                    return JsonNodeFactory.instance.textNode(text); // .inf / .nan: not valid JSON numbers
                }
            }
            // timestamps and everything else stay strings: the schema types them with patterns
            return JsonNodeFactory.instance.textNode(text);
        }

        private static BigInteger yaml11Integer(String text) {
            String t = text.replace("_", "");
            int sign = 1;
            if (t.startsWith("-") || t.startsWith("+")) {
                sign = t.startsWith("-") ? -1 : 1;
                t = t.substring(1);
            }
            try {
                BigInteger v;
                if (t.startsWith("0b")) {
                    v = new BigInteger(t.substring(2), 2);
                } else if (t.startsWith("0x")) {
                    v = new BigInteger(t.substring(2), 16);
                } else if (t.length() > 1 && t.startsWith("0")) {
                    v = new BigInteger(t.substring(1), 8);
                } else if (t.contains(":")) {
                    v = BigInteger.ZERO;
                    for (String part : t.split(":")) {
                        v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                    }
                } else {
                    v = new BigInteger(t);
                }
                return sign < 0 ? v.negate() : v;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Position position(Mark mark) {
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /** JSON via Jackson's streaming parser, which reports exact token locations. */
    private static final class JsonTreeBuilder extends TreeBuilder {
        private static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();

        JsonTreeBuilder(String file) {
            super(file);
        }

        JsonTreeBuilder(String file, int expectedNodes) {
            super(file, expectedNodes);
        }

        SourceDocument build(String text) {
            try (JsonParser parser = FACTORY.createParser(text)) {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return syntaxError(new Position(1, 1), "empty document; expected an object with 'version' and 'models'");
                }
                Position rootPos = position(parser.currentTokenLocation());
                JsonNode root = read(parser, locations.root(), rootPos);
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    return syntaxError(position(parser.currentTokenLocation()), "unexpected content after the end of the JSON document");
                }
                return result(root);
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                return syntaxError(loc == null ? new Position(1, 1) : position(loc), oneLine(e.getOriginalMessage()));
            } catch (IOException e) {
                return syntaxError(new Position(1, 1), oneLine(e.getMessage()));
            }
        }

        /** The path to the node being read, for duplicate-key messages; no pointer string is built per node. */
        private final java.util.ArrayDeque<Object> path = new java.util.ArrayDeque<>();

        private String currentPointer() {
            StringBuilder sb = new StringBuilder();
            java.util.Iterator<Object> it = path.descendingIterator();
            while (it.hasNext()) {
                Object segment = it.next();
                sb.append('/').append(segment instanceof String k ? SourceDocument.escape(k) : segment);
            }
            return sb.toString();
        }

        private JsonNode read(JsonParser parser, LocationTree.Node at, Position keyPos) throws IOException {
            Position valuePos = position(parser.currentTokenLocation());
            at.set(keyPos, valuePos);
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = JsonNodeFactory.instance.objectNode();
                    Map<String, Position> seen = new HashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        Position keyAt = position(parser.currentTokenLocation());
                        Position first = seen.putIfAbsent(key, keyAt);
                        if (first != null) {
                            duplicateKey(currentPointer(), key, keyAt, first);
                        }
                        parser.nextToken();
                        path.push(key);
                        object.set(key, read(parser, at.field(key), keyAt));
                        path.pop();
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        path.push(i);
                        array.add(read(parser, at.item(i), position(parser.currentTokenLocation())));
                        path.pop();
                        i++;
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return JsonNodeFactory.instance.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    BigInteger value = parser.getBigIntegerValue();
                    return value.bitLength() < 63 ? JsonNodeFactory.instance.numberNode(value.longValue())
                            : JsonNodeFactory.instance.numberNode(value);
                }
                case VALUE_NUMBER_FLOAT -> {
                    return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return JsonNodeFactory.instance.booleanNode(token == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return JsonNodeFactory.instance.nullNode();
                }
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
        }

        private static Position position(JsonLocation loc) {
            return new Position(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
        }
    }

    private static final class TooLargeException extends RuntimeException {
        final Position at;

        TooLargeException(Position at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        String s = message.replaceAll("\\s*\\n\\s*", "; ").trim();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
