package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * YAML via SnakeYAML's event parser, building the JSON tree and its positions straight from the events. SnakeYAML's
 * composer would first build its own node tree (a node, a mark pair and comment lists per value: ~45 bytes of heap
 * per byte of a 100k-rule document, most of the time spent in garbage collection); reading events keeps only the
 * tree the checks use. What the composer did is done here: implicit tags by SnakeYAML's own {@link Resolver},
 * anchors and aliases (with the alias limit), merge keys, the custom-global-tag refusal.
 */
final class YamlTreeBuilder extends TreeBuilder {
    private static final Resolver RESOLVER = new Resolver();

    /** A node an anchor names: what an alias to it expands to. */
    private record Anchored(JsonNode json, LocationTree.Node location, int size, String scalarText) {
    }

    private int nodes;
    private int collectionAliases;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private Mark lastEnd;
    /**
     * One instance per distinct key and short text value: a big document repeats its keys and model names on every
     * rule, and SnakeYAML makes a new string for each (at 100k rules, most of the heap and of the collection time).
     */
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, JsonNode> texts = new HashMap<>();
    /** The resolver's tag of each distinct short plain scalar. */
    private final Map<String, Tag> plainTags = new HashMap<>();
    private static final int SHARED_TEXT_MAX = 64;

    /** Documents of this many characters or more are parsed on a thread of their own ({@link PipelinedParser}). */
    private final int pipelinedFromChars;

    YamlTreeBuilder(String file) {
        this(file, Runtime.getRuntime().availableProcessors() > 1 ? PIPELINED_FROM_CHARS : Integer.MAX_VALUE);
    }

    YamlTreeBuilder(String file, int pipelinedFromChars) {
        super(file);
        this.pipelinedFromChars = pipelinedFromChars;
    }

    private Parser parser(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(DocumentLoader.MAX_ALIASES);
        options.setNestingDepthLimit(DocumentLoader.MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Math.max(text.length() + 1, 1));
        Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        return text.length() >= pipelinedFromChars ? new PipelinedParser(parser) : parser;
    }

    /** From this size on (about 1,300 rules) the parser gets a thread of its own; below it, starting one costs more than it saves. */
    private static final int PIPELINED_FROM_CHARS = 256 * 1024;

    private static void close(Parser parser) {
        if (parser instanceof PipelinedParser pipelined) {
            pipelined.close();
        }
    }

    SourceDocument build(String text) {
        Parser parser = null;
        try {
            parser = parser(text);
            parser.getEvent(); // stream start
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return syntaxError(new Position(1, 1), "empty document; expected a mapping with 'version' and 'models'");
            }
            parser.getEvent(); // document start
            JsonNode tree = node(parser, locations.root(), null, 0);
            int rootEndLine = lastEnd.getLine();
            parser.getEvent(); // document end
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                parser.getEvent(); // the next document's start
                int line = documentMarkerLine(text, rootEndLine, parser.peekEvent().getStartMark().getLine() + 1);
                return syntaxError(new Position(Math.max(line, 1), 1),
                        "several YAML documents in one file (another starts at line " + line + "); a routing document is exactly one");
            }
            return result(tree);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " " + e.getContext() : "";
            return syntaxError(mark == null ? new Position(1, 1) : position(mark), DocumentLoader.oneLine(problem + context));
        } catch (YAMLException e) {
            return syntaxError(new Position(1, 1), DocumentLoader.oneLine(describe(e.getMessage())));
        } catch (TooLargeException e) {
            return syntaxError(e.at, e.getMessage());
        } catch (StackOverflowError e) {
            return syntaxError(new Position(1, 1), "nesting too deep");
        } finally {
            close(parser);
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

    /** Every document of a multi-document stream, as far as it reads (for the scanner's env-var extractors). */
    List<SourceDocument> buildAll(String text) {
        List<SourceDocument> out = new ArrayList<>();
        Parser parser = null;
        try {
            parser = parser(text);
            parser.getEvent(); // stream start
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                parser.getEvent(); // document start
                YamlTreeBuilder one = new YamlTreeBuilder(file, pipelinedFromChars);
                JsonNode root = one.node(parser, one.locations.root(), null, 0);
                parser.getEvent(); // document end
                if (!root.isNull()) {
                    out.add(one.result(root));
                }
            }
        } catch (YAMLException | TooLargeException | StackOverflowError e) {
            // not YAML we can read: the scanner still scans the text
        } finally {
            close(parser);
        }
        return out;
    }

    private static String describe(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        if (message.contains("aliases")) {
            return "too many YAML aliases (more than " + DocumentLoader.MAX_ALIASES + "): refusing a possible alias bomb";
        }
        if (message.contains("Nesting Depth")) {
            return "nesting deeper than " + DocumentLoader.MAX_DEPTH + " levels";
        }
        return message;
    }

    /** The path to the node being built; a pointer string is built only for the rare finding that needs one. */
    private final java.util.ArrayDeque<Object> path = new java.util.ArrayDeque<>();

    private String currentPointer() {
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = path.descendingIterator();
        while (it.hasNext()) {
            Object segment = it.next();
            sb.append('/').append(segment instanceof String k ? SourceDocument.escape(k) : segment);
        }
        return sb.toString();
    }

    /** Reads one node (scalar, mapping, sequence or alias) from the events, recording positions under {@code at}. */
    private JsonNode node(Parser parser, LocationTree.Node at, Position keyPos, int depth) {
        Event event = parser.getEvent();
        if (event instanceof AliasEvent alias) {
            return alias(alias, at, keyPos);
        }
        if (++nodes > DocumentLoader.MAX_NODES) {
            throw new TooLargeException(position(event.getStartMark()),
                    "document expands to more than " + DocumentLoader.MAX_NODES + " nodes (YAML aliases?): refusing it");
        }
        if (depth > DocumentLoader.MAX_DEPTH) {
            throw new TooLargeException(position(event.getStartMark()), "nesting deeper than " + DocumentLoader.MAX_DEPTH + " levels");
        }
        Position valuePos = position(event.getStartMark());
        at.set(keyPos == null ? valuePos : keyPos, valuePos);
        String anchor = event instanceof NodeEvent n ? n.getAnchor() : null;
        int before = nodes;
        JsonNode result;
        String scalarText = null;
        if (anchor != null && !(event instanceof ScalarEvent)) {
            open.add(anchor); // an alias to it from inside it would recurse
        }
        if (event.is(Event.ID.MappingStart)) {
            result = mapping(parser, at, depth);
        } else if (event.is(Event.ID.SequenceStart)) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; !parser.checkEvent(Event.ID.SequenceEnd); i++) {
                path.push(i);
                array.add(node(parser, at.item(i), null, depth + 1)); // an item is its own key
                path.pop();
            }
            lastEnd = parser.getEvent().getEndMark();
            result = array;
        } else {
            ScalarEvent scalar = (ScalarEvent) event;
            scalarText = scalar.getValue();
            lastEnd = scalar.getEndMark();
            result = scalar(scalarText, scalar.getScalarStyle(), tag(scalar));
        }
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, new Anchored(result, at, nodes - before + 1, scalarText));
        }
        return result;
    }

    private ObjectNode mapping(Parser parser, LocationTree.Node at, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Map<String, Position> seen = new HashMap<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.getEvent();
            String key;
            if (keyEvent instanceof ScalarEvent k) {
                if (tag(k).equals(Tag.MERGE)) {
                    merge(parser, object, at, depth);
                    continue;
                }
                key = keys.computeIfAbsent(k.getValue(), v -> v);
                if (k.getAnchor() != null) {
                    anchors.put(k.getAnchor(), new Anchored(scalar(key, k.getScalarStyle(), tag(k)), new LocationTree.Node(), 1, key));
                }
            } else if (keyEvent instanceof AliasEvent a && scalarAnchor(a.getAnchor()) != null) {
                key = scalarAnchor(a.getAnchor());
            } else {
                throw new TooLargeException(position(keyEvent.getStartMark()), "mapping keys must be plain strings");
            }
            Position keyAt = position(keyEvent.getStartMark());
            Position first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                duplicateKey(currentPointer(), key, keyAt, first);
            }
            path.push(key);
            object.set(key, node(parser, at.field(key), keyAt, depth + 1));
            path.pop();
        }
        lastEnd = parser.getEvent().getEndMark();
        return object;
    }

    /** The text of the scalar an anchor names, or null (no such anchor, or it names a collection). */
    private String scalarAnchor(String name) {
        Anchored anchored = anchors.get(name);
        return anchored == null ? null : anchored.scalarText();
    }

    /** YAML merge key {@code <<} (a mapping, an alias, or a list of them): explicit keys of the mapping win over merged ones. */
    private void merge(Parser parser, ObjectNode into, LocationTree.Node at, int depth) {
        List<JsonNode> sources = new ArrayList<>();
        if (parser.checkEvent(Event.ID.SequenceStart)) {
            parser.getEvent();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                sources.add(node(parser, at, null, depth + 1));
            }
            lastEnd = parser.getEvent().getEndMark();
        } else {
            sources.add(node(parser, at, null, depth + 1));
        }
        for (JsonNode merged : sources) {
            if (merged instanceof ObjectNode mo) {
                mo.properties().forEach(e -> {
                    if (!into.has(e.getKey())) {
                        into.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
    }

    /** An alias: a copy of the anchored node and its positions, counted against the node and alias limits. */
    private JsonNode alias(AliasEvent alias, LocationTree.Node at, Position keyPos) {
        String name = alias.getAnchor();
        Anchored anchored = anchors.get(name);
        if (open.contains(name)) {
            throw new TooLargeException(position(alias.getStartMark()), "nesting deeper than " + DocumentLoader.MAX_DEPTH + " levels");
        }
        if (anchored == null) {
            throw new TooLargeException(position(alias.getStartMark()), "found undefined alias " + name);
        }
        if (anchored.json().isContainerNode() && ++collectionAliases > DocumentLoader.MAX_ALIASES) {
            throw new YAMLException("Number of aliases for non-scalar nodes exceeds the specified max=" + DocumentLoader.MAX_ALIASES);
        }
        nodes += anchored.size();
        if (nodes > DocumentLoader.MAX_NODES) {
            throw new TooLargeException(position(alias.getStartMark()),
                    "document expands to more than " + DocumentLoader.MAX_NODES + " nodes (YAML aliases?): refusing it");
        }
        lastEnd = alias.getEndMark();
        at.copyFrom(anchored.location());
        if (keyPos != null) {
            at.set(keyPos, new Position(anchored.location().line, anchored.location().column));
        }
        return anchored.json().deepCopy();
    }

    /** The node's tag: explicit, or resolved from the plain value as SnakeYAML's composer resolves it. */
    private Tag tag(ScalarEvent scalar) {
        String tag = scalar.getTag();
        if (tag == null || tag.equals("!")) {
            String value = scalar.getValue();
            if (!scalar.getImplicit().canOmitTagInPlainScalar()) {
                return RESOLVER.resolve(NodeId.scalar, value, false);
            }
            if (isUnsignedDecimal(value)) {
                return Tag.INT; // what the resolver says (INT is tried before FLOAT and TIMESTAMP), without its regexes
            }
            // a document repeats its keys and values, and the resolver runs a regex per scalar (13% of a 100k-rule check)
            return value.length() > SHARED_TEXT_MAX ? RESOLVER.resolve(NodeId.scalar, value, true)
                    : plainTags.computeIfAbsent(value, v -> RESOLVER.resolve(NodeId.scalar, v, true));
        }
        Tag explicit = new Tag(tag);
        if (explicit.isCustomGlobal()) {
            throw new TooLargeException(position(scalar.getStartMark()), "Global tag is not allowed: " + tag);
        }
        return explicit;
    }

    /** Types a scalar the way YAML 1.1 does (the strictest reading a consumer may apply), noting surprising cases. */
    private JsonNode text(String text) {
        return text.length() > SHARED_TEXT_MAX ? JsonNodeFactory.instance.textNode(text)
                : texts.computeIfAbsent(text, JsonNodeFactory.instance::textNode);
    }

    private JsonNode scalar(String text, DumperOptions.ScalarStyle style, Tag tag) {
        if (style != DumperOptions.ScalarStyle.PLAIN) {
            return text(text);
        }
        if (tag.equals(Tag.NULL)) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (tag.equals(Tag.BOOL) && DocumentLoader.YAML11_BOOL.matcher(text).matches()) {
            if (!DocumentLoader.PLAIN_BOOL.matcher(text).matches()) {
                yaml11.put(currentPointer(), text);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return JsonNodeFactory.instance.booleanNode(lower.equals("y") || lower.equals("yes") || lower.equals("true") || lower.equals("on"));
        }
        if (tag.equals(Tag.INT)) {
            if (isUnsignedDecimal(text) && text.length() <= MAX_LONG_DIGITS) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(text)); // the common case, without regex or BigInteger
            }
            if (!DocumentLoader.PLAIN_DECIMAL.matcher(text).matches()) {
                yaml11.put(currentPointer(), text);
            }
            BigInteger value = yaml11Integer(text);
            if (value != null) {
                return value.bitLength() < 63 ? JsonNodeFactory.instance.numberNode(value.longValue())
                        : JsonNodeFactory.instance.numberNode(value);
            }
            return text(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                String t = text.replace("_", "");
                if (t.contains(":")) {
                    yaml11.put(currentPointer(), text);
                    return text(text);
                }
                return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(t));
            } catch (NumberFormatException e) {
                return text(text); // .inf / .nan: not valid JSON numbers
            }
        }
        // timestamps and everything else stay strings: the schema types them with patterns
        return text(text);
    }

    /** Digits that fit a long whatever they are (Long.MAX_VALUE has 19). */
    private static final int MAX_LONG_DIGITS = 18;

    /** {@code 0} or a decimal without sign, underscore or leading zero: an integer in YAML 1.1 and 1.2 alike. */
    static boolean isUnsignedDecimal(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) < '0' || text.charAt(0) > '9' || text.charAt(0) == '0' && n > 1) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
