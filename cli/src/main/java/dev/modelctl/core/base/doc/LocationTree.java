package dev.modelctl.core.base.doc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source positions of a document's nodes, shaped like the document: looking up a JSON pointer walks its segments.
 * Cheaper to build than a map keyed by full pointer strings (no string per node), which matters at 100k rules.
 */
public final class LocationTree {
    /** One node's positions and its children (by key for mappings, by index for lists). */
    public static final class Node {
        int keyLine;
        int keyColumn;
        int line;
        int column;
        boolean set;
        private Map<String, Node> fields;
        private List<Node> items;

        public void set(Position key, Position value) {
            keyLine = key.line();
            keyColumn = key.column();
            line = value.line();
            column = value.column();
            set = true;
        }

        /** Makes this node a copy of {@code other}: its positions and, recursively, its children's (an expanded YAML alias). */
        void copyFrom(Node other) {
            keyLine = other.keyLine;
            keyColumn = other.keyColumn;
            line = other.line;
            column = other.column;
            set = other.set;
            if (other.fields != null) {
                other.fields.forEach((k, v) -> field(k).copyFrom(v));
            }
            if (other.items != null) {
                for (int i = 0; i < other.items.size(); i++) {
                    item(i).copyFrom(other.items.get(i));
                }
            }
        }

        public Node field(String name) {
            if (fields == null) {
                fields = new HashMap<>(8);
            }
            return fields.computeIfAbsent(name, k -> new Node());
        }

        public Node item(int index) {
            if (items == null) {
                items = new ArrayList<>();
            }
            while (items.size() <= index) {
                items.add(new Node());
            }
            return items.get(index);
        }

        private Node existingChild(String segment) {
            if (fields != null) {
                Node n = fields.get(segment);
                if (n != null) {
                    return n;
                }
            }
            if (items != null && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && segment.length() < 10) {
                int i = Integer.parseInt(segment);
                return i < items.size() ? items.get(i) : null;
            }
            return null;
        }
    }

    private final Node root = new Node();

    public Node root() {
        return root;
    }

    /** Records a location by pointer (the slower path, for builders that work with pointers). */
    public void put(String pointer, NodeLocation location) {
        Node n = root;
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                String segment = unescape(raw);
                n = n.existingChild(segment) != null ? n.existingChild(segment) : n.field(segment);
            }
        }
        n.set(location.key(), location.value());
    }

    /** The location of the node at {@code pointer}, or of its nearest ancestor that has one; {@code null} if none. */
    public NodeLocation find(String pointer) {
        Node n = root;
        Node best = root.set ? root : null;
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                n = n.existingChild(unescape(raw));
                if (n == null) {
                    break;
                }
                if (n.set) {
                    best = n;
                }
            }
        }
        return best == null ? null : new NodeLocation(best.keyLine, best.keyColumn, best.line, best.column);
    }

    private static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }
}
