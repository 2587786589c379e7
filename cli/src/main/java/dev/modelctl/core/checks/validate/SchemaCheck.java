package dev.modelctl.core.checks.validate;

import dev.modelctl.core.checks.engine.Suggest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.ShippedSchemas;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a parsed routing document against the canonical schema and turns validator errors into findings a person
 * can act on: at the offending node's line and column, in words, with the JSON pointer.
 */
public final class SchemaCheck {
    public static final String RESOURCE = "/schemas/model_routing_config.schema.json";
    private static final Pattern NUMERIC = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /**
     * Schema conditionals that a dedicated check reports with more precision ({@code anthropic-version},
     * {@code override-incomplete}); the schema keeps them so AppConfig enforces them service-side too.
     */
    private static final List<String> REPORTED_ELSEWHERE = List.of("/definitions/model/anyOf", "/definitions/costOverride/anyOf");

    private static final String CONDITION_VALUE = "/definitions/conditionValue/";

    /** Loaded schemas by resource: each is parsed once per process. */
    private static final java.util.Map<String, ShippedSchemas.Compiled> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String resource;
    private final String fragment;
    private JsonNode schemaTree;

    /** The canonical routing-document schema. */
    public SchemaCheck() {
        this(RESOURCE);
    }

    /** Another schema shipped in the jar (e.g. the ownership file's). */
    public SchemaCheck(String resource) {
        this(resource, "");
    }

    /** A sub-schema of a shipped schema, by JSON pointer (e.g. the per-team rule file definition). */
    public SchemaCheck(String resource, String fragment) {
        this.resource = resource;
        this.fragment = fragment;
    }

    /** Validates a per-team rule file: {@code rules:} in the canonical rule format. */
    public static SchemaCheck ruleFile() {
        return new SchemaCheck(RESOURCE, "/definitions/ruleFile");
    }

    /** The routing schema as shipped in the jar. */
    public static String schemaText() {
        return resourceText(RESOURCE);
    }

    static String resourceText(String resource) {
        return ShippedSchemas.text(resource);
    }

    /** The schema compacted to one line: the Content of an AppConfig JSON_SCHEMA validator. */
    public static String compact(String schemaJson) {
        try {
            ObjectMapper mapper = new ObjectMapper(); // not on the check path: see ShippedSchemas
            return mapper.writeValueAsString(mapper.readTree(schemaJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the routing-document schema (and its validators) now, e.g. on another thread before it is needed. */
    public static void preload() {
        new SchemaCheck().schema().initializeValidators();
    }

    private Schema schema() {
        ShippedSchemas.Compiled loaded = LOADED.computeIfAbsent(resource + "#" + fragment, key -> ShippedSchemas.compile(resource, fragment));
        schemaTree = loaded.tree();
        return loaded.schema();
    }

    /** {@code schema-violation} findings, one per offending node, sorted by position. */
    public List<Finding> check(SourceDocument doc) {
        List<Error> errors = schema().validate(doc.root());
        // a value of the wrong type also fails its enum, pattern, range…: the type is the one thing to fix
        Set<String> mistyped = new HashSet<>();
        // a misspelt field is also a missing one: "unknown field 'max_token' (did you mean 'max_tokens'?)" says both
        Map<String, List<String>> unknownFields = new java.util.HashMap<>();
        for (Error e : errors) {
            if ("type".equals(e.getKeyword()) && !String.valueOf(e.getSchemaLocation()).contains(CONDITION_VALUE)) {
                mistyped.add(ShippedSchemas.pointer(e.getInstanceLocation()));
            } else if ("additionalProperties".equals(e.getKeyword())) {
                unknownFields.computeIfAbsent(ShippedSchemas.pointer(e.getInstanceLocation()), k -> new ArrayList<>()).add(e.getProperty());
            }
        }
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Error e : errors) {
            String location = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
            if (REPORTED_ELSEWHERE.stream().anyMatch(location::contains)) {
                continue;
            }
            String pointer = ShippedSchemas.pointer(e.getInstanceLocation());
            if (reportedByCatalogCheck(doc, e, pointer) || mistyped.contains(pointer) && !"type".equals(e.getKeyword())
                    || "required".equals(e.getKeyword()) && misspeltAs(unknownFields.get(pointer), e.getProperty())) {
                continue;
            }
            Finding f;
            if (!location.contains(CONDITION_VALUE) || location.contains(CONDITION_VALUE + "anyOf/1/items")) {
                f = describe(doc, e, pointer, location);
            } else if (!doc.root().at(pointer).isArray()) {
                f = conditionValue(doc, pointer); // one message for the failed branches of the anyOf
            } else if (location.contains(CONDITION_VALUE + "anyOf/1/")) {
                f = describe(doc, e, pointer, location); // a list: what is wrong is in the list branch (empty, duplicates)
            } else {
                continue; // "a list is not a string", and the anyOf summary: noise
            }
            if (seen.add(f.line() + ":" + f.column() + ":" + f.message())) {
                out.add(namingRule(doc, pointer, f));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern RULE_POINTER = java.util.regex.Pattern.compile("^(/rules/\\d+)(/.*)?$");

    /** A violation inside a rule lists that rule in {@code rules}, as every finding about a rule does. */
    private static Finding namingRule(SourceDocument doc, String pointer, Finding f) {
        java.util.regex.Matcher m = RULE_POINTER.matcher(pointer);
        if (!m.matches() || !f.rules().isEmpty()) {
            return f;
        }
        JsonNode id = doc.root().at(m.group(1) + "/rule_id");
        return id.isTextual() ? f.withRules(List.of(id.asText()), f.witness()) : f;
    }

    private static boolean misspeltAs(List<String> unknown, String required) {
        return unknown != null && unknown.stream().anyMatch(u -> required.equals(Suggest.closest(u, List.of(required))));
    }

    /**
     * An invalid {@code anthropic_version} string on an Anthropic model is CatalogCheck's {@code anthropic-version}
     * (checked against the catalog's allowed values); on any other model, or when mistyped, it stays a schema-violation.
     */
    private static boolean reportedByCatalogCheck(SourceDocument doc, Error e, String pointer) {
        if (!"enum".equals(e.getKeyword()) || !pointer.startsWith("/models/") || !pointer.endsWith("/" + CatalogCheck.ANTHROPIC_VERSION)) {
            return false;
        }
        String block = pointer.substring(0, pointer.length() - CatalogCheck.ANTHROPIC_VERSION.length() - 1);
        JsonNode modelId = doc.root().at(block + "/model_id");
        return doc.root().at(pointer).isTextual() && modelId.isTextual() && CatalogCheck.isAnthropic(modelId.asText());
    }

    private Finding describe(SourceDocument doc, Error e, String pointer, String schemaLocation) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String where = pointer.isEmpty() ? "document" : pointer.substring(1);
        JsonNode node = doc.root().at(pointer);
        String yaml11 = doc.yaml11().get(pointer);
        Position at = doc.valueAt(pointer);
        String message;
        String hint = null;
        switch (keyword) {
            case "additionalProperties" -> {
                String field = e.getProperty();
                String child = pointer + "/" + SourceDocument.escape(field);
                at = doc.keyAt(child);
                String close = Suggest.closest(field, allowedFields(schemaLocation));
                message = where + ": unknown field '" + field + "'";
                hint = close != null ? "did you mean '" + close + "'?" : "allowed: " + String.join(", ", allowedFields(schemaLocation));
            }
            case "required" -> {
                at = doc.keyAt(pointer);
                message = where + ": missing required field '" + e.getProperty() + "'";
            }
            case "type" -> {
                String expected = expectedType(e);
                message = where + ": expected " + expected + ", got " + describeValue(node);
                if (yaml11 != null) {
                    hint = "YAML 1.1 parsers read the unquoted `" + yaml11 + "` as " + (node.isBoolean() ? "a boolean" : "a number")
                            + "; quote it: \"" + yaml11 + "\"";
                } else if (node.isTextual() && NUMERIC.matcher(node.asText()).matches()) {
                    hint = "remove the quotes: numbers are written without them";
                } else if (node.isTextual() && expected.equals("a boolean")) {
                    hint = "write true or false without quotes";
                }
            }
            case "enum" -> {
                message = where + ": " + describeValue(node) + " is not allowed; expected one of " + enumValues(schemaLocation);
                if (yaml11 != null) {
                    hint = "YAML 1.1 parsers read the unquoted `" + yaml11 + "` as a boolean or number; quote it";
                } else if (pointer.endsWith("/" + CatalogCheck.ANTHROPIC_VERSION)) {
                    hint = "only Anthropic models take anthropic_version; remove it from this block";
                }
            }
            case "pattern" -> {
                message = where.endsWith("model_id")
                        ? where + ": '" + node.asText() + "' is not a Bedrock model ID, inference profile ID or ARN"
                        : where + ": '" + node.asText() + "' has an invalid format";
                hint = where.endsWith("model_id") ? "e.g. anthropic.claude-3-5-sonnet-20240620-v1:0 or us.anthropic.claude-3-5-sonnet-20240620-v1:0" // modelctl:allow
                        : where.endsWith("rule_id") ? "rule ids are letters, digits, '.', '_', ':' and '-'" : null;
            }
            case "minimum", "maximum" -> message = where + ": " + node.asText() + " is " + (keyword.equals("minimum") ? "below the minimum " : "above the maximum ")
                    + schemaValue(schemaLocation);
            case "format" -> {
                message = where + ": '" + node.asText() + "' is not an RFC 3339 date-time";
                hint = "e.g. 2026-11-23T14:00:00Z";
            }
            case "minLength" -> message = where + ": must not be empty";
            case "minItems" -> message = where + ": must not be an empty list";
            case "minProperties" -> message = where + ": must not be empty";
            case "uniqueItems" -> message = where + ": list has duplicate entries";
            default -> message = where + ": " + ShippedSchemas.stripPath(e.getMessage());
        }
        return Finding.of(Check.SCHEMA_VIOLATION, doc.file(), at.line(), at.column(), message, hint);
    }

    private Finding conditionValue(SourceDocument doc, String pointer) {
        JsonNode node = doc.root().at(pointer);
        String yaml11 = doc.yaml11().get(pointer);
        Position at = doc.valueAt(pointer);
        String hint = yaml11 != null
                ? "YAML 1.1 parsers read the unquoted `" + yaml11 + "` as " + (node.isBoolean() ? "a boolean" : "a number") + "; quote it: \"" + yaml11 + "\""
                : "a condition is one value or a non-empty list of values (any of)";
        return Finding.of(Check.SCHEMA_VIOLATION, doc.file(), at.line(), at.column(),
                pointer.substring(1) + ": expected a string or a non-empty list of strings, got " + describeValue(node), hint);
    }



    private static String describeValue(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the string \"" + node.asText() + "\"";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        return "a mapping";
    }

    private static String expectedType(Error e) {
        Object[] args = e.getArguments();
        String t = args != null && args.length > 1 ? String.valueOf(args[1]) : "another type";
        return switch (t) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "a boolean";
            case "object" -> "a mapping";
            case "array" -> "a list";
            default -> t;
        };
    }

    /** The schema node a validator error's schema location points at (its keyword value). */
    private JsonNode schemaNode(String schemaLocation) {
        int hash = schemaLocation.indexOf('#');
        String fragment = hash >= 0 ? schemaLocation.substring(hash + 1) : "";
        return schemaTree.at(fragment);
    }

    private List<String> allowedFields(String additionalPropertiesLocation) {
        String parent = additionalPropertiesLocation.replaceFirst("/additionalProperties$", "/properties");
        List<String> names = new ArrayList<>();
        Iterator<String> it = schemaNode(parent).fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private String enumValues(String enumLocation) {
        return schemaNode(enumLocation).toString();
    }

    private String schemaValue(String location) {
        return schemaNode(location).asText();
    }
}
