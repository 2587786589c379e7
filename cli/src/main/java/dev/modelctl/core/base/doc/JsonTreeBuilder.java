package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** JSON via Jackson's streaming parser, which reports exact token locations. */
final class JsonTreeBuilder extends TreeBuilder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DocumentLoader.MAX_DEPTH).build())
            .build();

    private final JsonNodeFactory nodes;

    JsonTreeBuilder(String file) {
        this(file, JsonNodeFactory.instance);
    }

    /** With {@code nodes} making the value nodes (the shipped schemas use one whose text nodes print without Jackson's mapper). */
    JsonTreeBuilder(String file, JsonNodeFactory nodes) {
        super(file);
        this.nodes = nodes;
    }

    SourceDocument build(String text) {
        JsonParser parser;
        try {
            parser = FACTORY.createParser(text);
        } catch (IOException e) {
            return syntaxError(new Position(1, 1), DocumentLoader.oneLine(e.getMessage()));
        }
        try {
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
        } catch (StreamConstraintsException e) {
            // Jackson's own message names its API; say what is wrong with the document, where the limit was crossed
            return syntaxError(position(parser.currentTokenLocation()), DocumentLoader.constraintMessage(e.getMessage()));
        } catch (NumberFormatException e) {
            return syntaxError(position(parser.currentTokenLocation()), DocumentLoader.NUMBER_OUT_OF_RANGE);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            return syntaxError(loc == null ? new Position(1, 1) : position(loc), DocumentLoader.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return syntaxError(new Position(1, 1), DocumentLoader.oneLine(e.getMessage()));
        } finally {
            closeQuietly(parser); // not try-with-resources: the catch clauses read the parser's location before it closes
        }
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            // an in-memory parser has nothing to release
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
                ObjectNode object = nodes.objectNode();
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
                ArrayNode array = nodes.arrayNode();
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
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                BigInteger value = parser.getBigIntegerValue();
                return value.bitLength() < 63 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static Position position(JsonLocation loc) {
        return new Position(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
    }
}
