package dev.modelctl.core.features.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Environment variables in YAML and JSON files, parsed with positions ({@link DocumentLoader}, every document of a
 * YAML stream): under any {@code env}/{@code environment}/{@code Variables}-like key, as a map
 * (serverless.yml, SAM/CloudFormation {@code Environment.Variables}, docker-compose, GitHub workflows), a list of
 * {@code K=V} strings (docker-compose), or a list of {@code name}/{@code value} objects (Kubernetes, ECS task
 * definitions; {@code Name}/{@code Value} in CloudFormation and CodeBuild); and a Kubernetes ConfigMap's {@code data}.
 */
final class StructuredEnv {
    /** Keys under which these formats hold environment variables. */
    static final Set<String> ENV_KEYS = Set.of("env", "environment", "Environment", "Variables", "variables",
            "environmentVariables", "EnvironmentVariables", "environment_variables");

    private final DocumentLoader loader;

    StructuredEnv(long maxBytes) {
        this.loader = new DocumentLoader(maxBytes);
    }

    List<EnvVar> extract(String path, String text) {
        List<EnvVar> found = new ArrayList<>();
        for (SourceDocument doc : loader.parseAll(text.getBytes(StandardCharsets.UTF_8), path)) {
            if (doc.root() == null) {
                continue; // not valid YAML/JSON (a template, a fragment): nothing can be located reliably
            }
            walk(doc, doc.root(), "", found);
            if ("ConfigMap".equals(doc.root().path("kind").asText()) && doc.root().path("data").isObject()) {
                collect(doc, doc.root().get("data"), "/data", found);
            }
        }
        // positions of quoted scalars point at the quote; the finding points at the name
        LineIndex lines = new LineIndex(text);
        List<EnvVar> out = new ArrayList<>(found.size());
        for (EnvVar v : found) {
            char c = lines.charAt(v.line(), v.column());
            out.add(c == '"' || c == '\'' ? new EnvVar(v.name(), v.value(), v.line(), v.column() + 1, v.valueLine()) : v);
        }
        return out;
    }

    private static void walk(SourceDocument doc, JsonNode node, String pointer, List<EnvVar> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + SourceDocument.escape(e.getKey());
                if (ENV_KEYS.contains(e.getKey())) {
                    collect(doc, e.getValue(), child, out);
                }
                walk(doc, e.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** The variables of one env node: a map, a list of "K=V", or a list of {name, value} objects. */
    private static void collect(SourceDocument doc, JsonNode env, String pointer, List<EnvVar> out) {
        if (env.isObject()) {
            if (nameValue(env) != null) {
                return; // a single {name, value} is a list item's business (the walk gets there)
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isNull() || ENV_KEYS.contains(e.getKey())) {
                    continue; // `Environment: {Variables: {...}}`: the walk collects the inner map
                }
                String p = pointer + "/" + SourceDocument.escape(e.getKey());
                Position key = doc.keyAt(p);
                out.add(new EnvVar(e.getKey(), text(v), key.line(), key.column(), doc.valueAt(p).line()));
            }
        } else if (env.isArray()) {
            for (int i = 0; i < env.size(); i++) {
                JsonNode item = env.get(i);
                String p = pointer + "/" + i;
                if (item.isTextual() && item.asText().indexOf('=') > 0) {
                    Position at = doc.valueAt(p);
                    String s = item.asText();
                    int eq = s.indexOf('=');
                    out.add(new EnvVar(s.substring(0, eq).trim(), s.substring(eq + 1).trim(), at.line(), at.column()));
                } else if (item.isObject()) {
                    String[] nv = nameValue(item);
                    if (nv != null) {
                        Position name = doc.valueAt(p + "/" + nv[0]);
                        JsonNode value = item.get(nv[1]);
                        if (value == null) { // Kubernetes valueFrom: the value comes from elsewhere
                            value = item.has("valueFrom") ? item.get("valueFrom") : item.path("ValueFrom");
                        }
                        int valueLine = item.has(nv[1]) ? doc.valueAt(p + "/" + nv[1]).line() : name.line();
                        out.add(new EnvVar(item.get(nv[0]).asText(), text(value), name.line(), name.column(), valueLine));
                    }
                }
            }
        }
    }

    /** The name and value keys of a {name, value} object ({@code Name}/{@code Value} in CloudFormation), or null. */
    private static String[] nameValue(JsonNode item) {
        if (item.path("name").isTextual()) {
            return new String[]{"name", "value"};
        }
        if (item.path("Name").isTextual()) {
            return new String[]{"Name", "Value"};
        }
        return null;
    }

    /** A scalar as written; an intrinsic function or reference ({"Ref": …}) as compact JSON. */
    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

}
