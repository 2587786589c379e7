package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.finding.Finding;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON document with the source location of every node, found by JSON pointer ("" is the root).
 *
 * @param root     the document, or {@code null} when it could not be parsed (the findings say why)
 * @param findings problems found while parsing: syntax errors, duplicate keys
 * @param yaml11   plain YAML scalars that YAML 1.1 parsers (PyYAML, SnakeYAML, AppConfig clients) read as a boolean or
 *                 number although they look like words, by pointer → the source text (e.g. {@code on}, {@code 0755});
 *                 the tree holds the YAML 1.1 reading, the strictest a consumer may apply
 */
public record SourceDocument(String file, JsonNode root, LocationTree locations, List<Finding> findings,
                             Map<String, String> yaml11) {

    public boolean parsed() {
        return root != null;
    }

    /** Position of the node at {@code pointer}, or of its nearest ancestor that has one. */
    public Position valueAt(String pointer) {
        return locate(pointer, false);
    }

    /** Position of the key naming the node at {@code pointer} (the value's for array items), or the nearest ancestor's. */
    public Position keyAt(String pointer) {
        return locate(pointer, true);
    }

    private Position locate(String pointer, boolean key) {
        NodeLocation loc = locations == null ? null : locations.find(pointer);
        if (loc == null) {
            return Position.UNKNOWN;
        }
        return key ? loc.key() : loc.value();
    }

    /** Escapes one JSON-pointer reference token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
