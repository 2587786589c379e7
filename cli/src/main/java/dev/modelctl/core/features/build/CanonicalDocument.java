package dev.modelctl.core.features.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.checks.team.RoutingSet;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deployable form of a routing set: one JSON document with the team files' rules merged in, rules ordered by
 * priority then rule_id, object keys sorted, condition values sorted — the same inputs always give the same bytes.
 */
public final class CanonicalDocument {
    /** Two-space indent and "\n" line ends on every platform, so the bytes never depend on where build runs. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter PRINTER;

    static {
        var indenter = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        PRINTER = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(indenter);
        PRINTER.indentArraysWith(indenter);
    }

    private CanonicalDocument() {
    }

    public static byte[] render(RoutingSet set) {
        Map<String, SourceDocument> sources = new HashMap<>();
        sources.put(set.base().file(), set.base());
        set.teamFiles().forEach(d -> sources.put(d.file(), d));
        ObjectNode root = set.base().root().deepCopy();
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        List<Rule> ordered = new ArrayList<>(set.merged().rules());
        ordered.sort(Rule.PRECEDENCE);
        for (Rule r : ordered) {
            JsonNode raw = sources.get(r.file()).root().at(r.pointer()).deepCopy();
            if (raw.get("conditions") instanceof ObjectNode conditions) {
                conditions.properties().forEach(e -> {
                    if (e.getValue() instanceof ArrayNode values) {
                        List<String> sorted = new ArrayList<>();
                        values.forEach(v -> sorted.add(v.asText()));
                        sorted.sort(null);
                        values.removeAll();
                        sorted.forEach(values::add);
                    }
                });
            }
            rules.add(raw);
        }
        root.set("rules", rules);
        return renderJson(root);
    }

    /** Any JSON tree with sorted keys, two-space indent and "\n" line ends. */
    public static byte[] renderJson(JsonNode root) {
        try {
            String json = MAPPER.writer(PRINTER).writeValueAsString(sortKeys(root));
            return (json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(e -> fields.put(e.getKey(), sortKeys(e.getValue())));
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> array.add(sortKeys(n)));
            return array;
        }
        return node;
    }
}
