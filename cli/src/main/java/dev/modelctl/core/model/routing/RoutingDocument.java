package dev.modelctl.core.model.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.doc.SourceDocument;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed view of a routing document (docs/routing-document.md). Extraction is lenient: a mistyped field reads as absent, because the
 * schema check already reports it and the other checks should still run on what is well-formed.
 */
public record RoutingDocument(SourceDocument source, Map<String, ModelBlock> models, String defaultModel,
                              Map<String, UseCase> useCases, List<Rule> rules, CostOverride costOverride) {
    /**
     * Integer ranges, the same as the schema's {@code minimum}/{@code maximum} (a test ties them): far inside ±2^53,
     * so every JSON parser an AppConfig consumer uses reads them exactly, and inside a 32-bit int. A value outside
     * reads as absent here, as a mistyped one does; the schema check reports it at its line.
     */
    public static final long MIN_PRIORITY = 0;
    public static final long MAX_PRIORITY = 1_000_000_000;
    public static final long MIN_MAX_TOKENS = 1;
    public static final long MAX_MAX_TOKENS = 1_000_000;

    /** The same document with rules from per-team rule files appended (they keep their own file and position). */
    public RoutingDocument withExtraRules(List<Rule> extra) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(extra);
        return new RoutingDocument(source, models, defaultModel, useCases, List.copyOf(all), costOverride);
    }

    public String file() {
        return source.file();
    }

    public static RoutingDocument from(SourceDocument source) {
        JsonNode root = source.root() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : source.root();
        Map<String, ModelBlock> models = new LinkedHashMap<>();
        root.path("models").properties().forEach(e -> {
            JsonNode m = e.getValue();
            models.put(e.getKey(), new ModelBlock(e.getKey(), "/models/" + SourceDocument.escape(e.getKey()),
                    text(m, "model_id"), integer(m, "max_tokens", MIN_MAX_TOKENS, MAX_MAX_TOKENS), number(m, "temperature"), number(m, "top_p"),
                    text(m, "anthropic_version"), strings(m.path("stop_sequences")), text(m, "description")));
        });
        Map<String, UseCase> useCases = new LinkedHashMap<>();
        root.path("use_cases").properties().forEach(e -> {
            JsonNode u = e.getValue();
            useCases.put(e.getKey(), new UseCase(e.getKey(), "/use_cases/" + SourceDocument.escape(e.getKey()),
                    text(u, "model"), text(u, "cost_override_model"), text(u, "description")));
        });
        List<Rule> rules = rulesOf(source, "/rules");
        JsonNode co = root.path("cost_override");
        CostOverride override = co.isObject()
                ? new CostOverride(co.path("active").asBoolean(false) && co.path("active").isBoolean(),
                strings(co.path("use_cases")), text(co, "model"), text(co, "reason"), text(co, "engineer"),
                instant(co, "started_at"), instant(co, "expires_at"), "/cost_override")
                : null;
        return new RoutingDocument(source, models, text(root.path("defaults"), "model"), useCases, rules, override);
    }

    /** Reads the {@code rules} array at {@code pointer} of a routing document or a per-team rule file. */
    public static List<Rule> rulesOf(SourceDocument source, String pointer) {
        JsonNode array = source.root() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : source.root().at(pointer);
        String file = source.file();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            r.path("conditions").properties().forEach(c -> conditions.put(c.getKey(),
                    c.getValue().isArray() ? strings(c.getValue()) : c.getValue().isValueNode() ? List.of(c.getValue().asText()) : List.of()));
            var at = source.valueAt(pointer + "/" + i);
            rules.add(new Rule(text(r, "rule_id"), integer(r, "priority", MIN_PRIORITY, MAX_PRIORITY), conditions, text(r, "model"),
                    text(r, "description"), text(r, "team"), file, pointer + "/" + i, at.line(), at.column()));
        }
        return rules;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    static Long integer(JsonNode node, String field, long min, long max) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max ? v.asLong() : null;
    }

    static Double number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> {
                if (v.isValueNode() && !v.isNull()) {
                    out.add(v.asText());
                }
            });
        }
        return List.copyOf(out);
    }

    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
