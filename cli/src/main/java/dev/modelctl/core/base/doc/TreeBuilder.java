package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared state of one tree build: positions, findings and the YAML 1.1 notes. */
abstract class TreeBuilder {
    final String file;
    final LocationTree locations = new LocationTree();
    final List<Finding> findings = new ArrayList<>();
    final Map<String, String> yaml11 = new LinkedHashMap<>();

    TreeBuilder(String file) {
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
