package dev.modelctl.core.validate;

import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.finding.Finding;

import java.util.List;

/** Validates a parsed routing document against the canonical schema ({@code schemas/model_routing_config.schema.json}). */
public final class SchemaCheck {
    public static final String RESOURCE = "/schemas/model_routing_config.schema.json";

    /** The schema as shipped in the jar. */
    public static String schemaText() {
        throw new UnsupportedOperationException("TODO(schema helper)");
    }

    /** The schema compacted to one line (AppConfig validator content). */
    public static String compact(String schema) {
        throw new UnsupportedOperationException("TODO(schema helper)");
    }

    /** {@code schema-violation} findings at the offending node, in words a person understands. */
    public List<Finding> check(SourceDocument doc) {
        return List.of(); // TODO(schema helper): networknt draft-04 validation with positioned, human messages
    }
}
