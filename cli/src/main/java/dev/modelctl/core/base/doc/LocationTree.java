package dev.modelctl.core.base.doc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Source positions of a document's nodes, shaped like the document: looking up a JSON pointer walks its segments.
 * Cheaper to build than a map keyed by full pointer strings (no string per node), which matters at 100k rules.
 */
public final class LocationTree {
    /**
     * One node's positions and its children: by key for mappings, by index for lists. The children sit in one array
     * (with a parallel key array for mappings) instead of a hash map per node; a 100k-rule document has 1.2 million
     * nodes, and per-node maps were most of its live heap and of the collector's work. Mappings with many keys get a
     * key index on top.
     */
    public static final class Node {
        private static final int INDEXED_FROM = 16;
        int keyLine;
        int keyColumn;
        int line;
        int column;
        boolean set;
        private Node[] children;
        /** The children's keys (a mapping), or null (a list, or no children yet). */
        private String[] keys;
        private int count;
        /** Key → child position, for mappings of {@value #INDEXED_FROM} keys or more. */
        private Map<String, Integer> index;

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
            int items = 0;
            for (int i = 0; i < other.count; i++) {
                String key = other.keys == null ? null : other.keys[i];
                Node child = key != null ? field(key) : item(items++);
                child.copyFrom(other.children[i]);
            }
        }

        /** The child for mapping key {@code name}, made if it does not exist yet. */
        public Node field(String name) {
            int at = keyIndex(name);
            if (at >= 0) {
                return children[at];
            }
            if (keys == null) {
                keys = new String[Math.max(children == null ? 4 : children.length, 4)];
            }
            Node child = append();
            keys[count - 1] = name;
            if (index != null) {
                index.put(name, count - 1);
            } else if (count == INDEXED_FROM) {
                index = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    index.putIfAbsent(keys[i], i);
                }
            }
            return child;
        }

        /** The child at list index {@code index}, made (with any before it) if it does not exist yet. */
        public Node item(int index) {
            if (keys != null) {
                Node existing = existingChild(Integer.toString(index));
                return existing != null ? existing : append();
            }
            while (count <= index) {
                append();
            }
            return children[index];
        }

        private Node append() {
            if (children == null) {
                children = new Node[4];
            } else if (count == children.length) {
                children = Arrays.copyOf(children, count * 2);
            }
            if (keys != null && keys.length < children.length) {
                keys = Arrays.copyOf(keys, children.length);
            }
            Node child = new Node();
            children[count++] = child;
            return child;
        }

        private int keyIndex(String name) {
            if (keys == null) {
                return -1;
            }
            if (index != null) {
                Integer at = index.get(name);
                return at == null ? -1 : at;
            }
            for (int i = 0; i < count; i++) {
                if (name.equals(keys[i])) {
                    return i;
                }
            }
            return -1;
        }

        private Node existingChild(String segment) {
            int at = keyIndex(segment);
            if (at >= 0) {
                return children[at];
            }
            if (count == 0 || segment.isEmpty() || !segment.chars().allMatch(Character::isDigit) || segment.length() >= 10) {
                return null;
            }
            int i = Integer.parseInt(segment);
            if (keys == null) {
                return i < count ? children[i] : null;
            }
            // a key that was a mapping and then a list (a duplicate key): the list's items are the children without a key
            for (int j = 0; j < count; j++) {
                if (keys[j] == null && i-- == 0) {
                    return children[j];
                }
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
