package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** YAML via SnakeYAML's composer, which keeps marks, scalar styles and aliases. */
final class YamlTreeBuilder extends TreeBuilder {
    private int nodes;

    YamlTreeBuilder(String file) {
        super(file);
    }

    SourceDocument build(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(DocumentLoader.MAX_ALIASES);
        options.setNestingDepthLimit(DocumentLoader.MAX_DEPTH);
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
            JsonNode tree = convert(root, locations.root(), position(root.getStartMark()), 0);
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
        options.setMaxAliasesForCollections(DocumentLoader.MAX_ALIASES);
        options.setNestingDepthLimit(DocumentLoader.MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Math.max(text.length() + 1, 1));
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
        List<SourceDocument> out = new ArrayList<>();
        try {
            for (Node root : yaml.composeAll(new StringReader(text))) {
                if (root != null) {
                    YamlTreeBuilder one = new YamlTreeBuilder(file);
                    out.add(one.result(one.convert(root, one.locations.root(), position(root.getStartMark()), 0)));
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
            return "too many YAML aliases (more than " + DocumentLoader.MAX_ALIASES + "): refusing a possible alias bomb";
        }
        if (message.contains("Nesting Depth")) {
            return "nesting deeper than " + DocumentLoader.MAX_DEPTH + " levels";
        }
        return message;
    }

    /** The path to the node being converted; a pointer string is built only for the rare finding that needs one. */
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

    private JsonNode convert(Node node, LocationTree.Node at, Position keyPos, int depth) {
        if (++nodes > DocumentLoader.MAX_NODES) {
            throw new TooLargeException(position(node.getStartMark()),
                    "document expands to more than " + DocumentLoader.MAX_NODES + " nodes (YAML aliases?): refusing it");
        }
        if (depth > DocumentLoader.MAX_DEPTH) {
            throw new TooLargeException(position(node.getStartMark()), "nesting deeper than " + DocumentLoader.MAX_DEPTH + " levels");
        }
        Position valuePos = position(node.getStartMark());
        at.set(keyPos, valuePos);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            Map<String, Position> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    merge(object, tuple.getValueNode(), at, depth);
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    throw new TooLargeException(position(keyNode.getStartMark()), "mapping keys must be plain strings");
                }
                String key = scalarKey.getValue();
                Position keyAt = position(keyNode.getStartMark());
                Position first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    duplicateKey(currentPointer(), key, keyAt, first);
                }
                path.push(key);
                object.set(key, convert(tuple.getValueNode(), at.field(key), keyAt, depth + 1));
                path.pop();
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            for (Node item : sequence.getValue()) {
                path.push(i);
                array.add(convert(item, at.item(i), position(item.getStartMark()), depth + 1));
                path.pop();
                i++;
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** YAML merge key {@code <<}: explicit keys of the mapping win over merged ones. */
    private void merge(ObjectNode into, Node source, LocationTree.Node at, int depth) {
        List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
        for (Node s : sources) {
            JsonNode merged = convert(s, at, position(s.getStartMark()), depth + 1);
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
    private JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return JsonNodeFactory.instance.textNode(text);
        }
        Tag tag = scalar.getTag();
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
            if (!DocumentLoader.PLAIN_DECIMAL.matcher(text).matches()) {
                yaml11.put(currentPointer(), text);
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
                    yaml11.put(currentPointer(), text);
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
