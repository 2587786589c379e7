package dev.modelctl.core.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.impact.TrafficMix;
import dev.modelctl.core.base.io.InputFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repository configuration ({@code .modelctl.yaml}). Every field has a default, so a repository without the file
 * works; unknown fields are an error (exit 2) so a typo never silently falls back to a default.
 *
 * @param documents routing documents that {@code check}/{@code validate}/{@code deploy} use when given no file
 * @param ownership the team ownership file
 * @param catalog   a catalog file that replaces the built-in model catalog, or {@code null}
 * @param catalogOverlay the overlay `catalog refresh` writes and every command applies over the catalog, or {@code null}
 * @param traffic   the traffic mix cost estimates weigh request classes by (equal shares when absent)
 * @param maxCostIncrease the largest rise of the cost per request {@code check --base} and {@code diff} allow (0.2 =
 *                  20 %; above it is a blocking cost-increase), or {@code null}: no limit
 */
public record RepoConfig(Path root, List<String> documents, String ownership, String catalog, String catalogOverlay, Scan scan,
                         AppConfig appconfig, Deploy deploy, Override override, TrafficMix traffic,
                         Double maxCostIncrease) {

    public static final String DEFAULT_FILE = ".modelctl.yaml";
    public static final String DEFAULT_HINT = "Use TieredModelRouter.get_model_id(task_type) instead.";

    /** Scanner settings: allowed globs, the fix hint, the baseline file, extra rule files, size limit. */
    public record Scan(List<String> allow, String hint, String baseline, List<String> rules, long maxFileBytes) {
    }

    /** AppConfig names (or IDs) and the default environment; {@code environments} maps a short name to a real one. */
    public record AppConfig(String application, String profile, String region, String defaultEnvironment,
                            Map<String, String> environments) {
        public String environment(String name) {
            String n = name == null ? defaultEnvironment : name;
            return n == null ? null : environments.getOrDefault(n, n);
        }
    }

    /** Deployment defaults: linear 10 % every 2 min, 10 min bake (docs/routing-document.md). */
    public record Deploy(String strategy, int stepPercent, Duration interval, Duration bake) {
    }

    /** Cost override defaults: TTL and its cap (24 h at most, docs/routing-document.md). */
    public record Override(Duration defaultTtl, Duration maxTtl) {
    }

    /** 2^53: the largest integer every JSON parser reads exactly. */
    static final long MAX_SAFE_INTEGER = 1L << 53;

    public static final Duration ABSOLUTE_MAX_TTL = Duration.ofHours(24);
    static final long MAX_CONFIG_BYTES = 1024 * 1024;
    /** The scanner holds a file in one array: 1 GiB is far beyond any source file and well inside the JVM's limit. */
    public static final long MAX_SCAN_FILE_BYTES = 1L << 30;

    public static RepoConfig defaults(Path root) {
        return new RepoConfig(root, List.of("model_routing_config.yaml"), "routing_rule_ownership.yaml", null, null,
                new Scan(List.of("**/model_routing_config.*", "**/routing_rule_ownership.*", "**/model_ids.py",
                        "**/.modelctl.yaml", "**/.modelctl-baseline.json"),
                        DEFAULT_HINT, ".modelctl-baseline.json", List.of(), 1024 * 1024),
                new AppConfig(null, null, null, null, Map.of()),
                new Deploy("linear", 10, Duration.ofMinutes(2), Duration.ofMinutes(10)),
                new Override(Duration.ofHours(4), ABSOLUTE_MAX_TTL), TrafficMix.equalShares(), null);
    }

    /**
     * Loads {@code file}. When {@code explicit} is false and the file does not exist, returns the defaults rooted at
     * the file's directory.
     */
    public static RepoConfig load(Path file, boolean explicit) {
        Path absolute = file.toAbsolutePath();
        Path root = absolute.getParent() == null ? absolute : absolute.getParent();
        DocumentLoader loader = new DocumentLoader(MAX_CONFIG_BYTES).of("repo config");
        Optional<byte[]> bytes = loader.readIfExists(file, file.toString());
        if (bytes.isEmpty()) {
            if (explicit) {
                throw new InputException(file + ": no such config file");
            }
            return defaults(root);
        }
        if (DocumentLoader.blankOrComments(bytes.get())) {
            return defaults(root); // every field is optional: an empty or comment-only file is all defaults
        }
        SourceDocument doc = loader.parse(bytes.get(), file.toString());
        if (!doc.findings().isEmpty()) {
            Finding f = doc.findings().get(0);
            throw InputException.at(f);
        }
        return new Reader(doc, root).read();
    }

    /** Maps the YAML tree to the records, naming file:line:col for any misfit. */
    private static final class Reader {
        private final SourceDocument doc;
        private final Path root;
        private final RepoConfig d;

        Reader(SourceDocument doc, Path root) {
            this.doc = doc;
            this.root = root;
            this.d = defaults(root);
        }

        RepoConfig read() {
            JsonNode n = doc.root();
            if (n.isNull()) {
                return d;
            }
            object(n, "", Set.of("documents", "ownership", "catalog", "catalog_overlay", "scan", "appconfig", "deploy", "override",
                    "traffic", "max_cost_increase"));
            JsonNode scan = n.path("scan");
            JsonNode app = n.path("appconfig");
            JsonNode dep = n.path("deploy");
            JsonNode ovr = n.path("override");
            if (!scan.isMissingNode()) {
                object(scan, "/scan", Set.of("allow", "hint", "baseline", "rules", "max_file_bytes"));
            }
            if (!app.isMissingNode()) {
                object(app, "/appconfig", Set.of("application", "profile", "region", "environment", "environments"));
            }
            if (!dep.isMissingNode()) {
                object(dep, "/deploy", Set.of("strategy", "step", "interval", "bake"));
            }
            if (!ovr.isMissingNode()) {
                object(ovr, "/override", Set.of("default_ttl", "max_ttl"));
            }
            Duration maxTtl = duration(ovr, "/override", "max_ttl", d.override().maxTtl());
            if (maxTtl.compareTo(ABSOLUTE_MAX_TTL) > 0) {
                throw error("/override/max_ttl", "max_ttl may not exceed 24h");
            }
            Map<String, String> envs = new LinkedHashMap<>();
            if (app.has("environments")) {
                object(app.get("environments"), "/appconfig/environments", null);
                app.get("environments").properties().forEach(e -> envs.put(e.getKey(),
                        string(app.get("environments"), "/appconfig/environments", e.getKey(), null)));
            }
            return new RepoConfig(root,
                    n.has("documents") ? paths(n, "", "documents") : d.documents(),
                    path(n, "", "ownership", d.ownership()),
                    path(n, "", "catalog", null),
                    path(n, "", "catalog_overlay", null),
                    new Scan(scan.has("allow") ? globs(scan, "/scan", "allow") : d.scan().allow(),
                            string(scan, "/scan", "hint", d.scan().hint()),
                            path(scan, "/scan", "baseline", d.scan().baseline()),
                            scan.has("rules") ? paths(scan, "/scan", "rules") : d.scan().rules(),
                            integer(scan, "/scan", "max_file_bytes", d.scan().maxFileBytes(), 1, MAX_SCAN_FILE_BYTES)),
                    new AppConfig(string(app, "/appconfig", "application", null), string(app, "/appconfig", "profile", null),
                            string(app, "/appconfig", "region", null), string(app, "/appconfig", "environment", null), envs),
                    new Deploy(string(dep, "/deploy", "strategy", d.deploy().strategy()),
                            (int) integer(dep, "/deploy", "step", d.deploy().stepPercent(), 1, 100),
                            duration(dep, "/deploy", "interval", d.deploy().interval()),
                            duration(dep, "/deploy", "bake", d.deploy().bake())),
                    new Override(duration(ovr, "/override", "default_ttl", d.override().defaultTtl()), maxTtl),
                    traffic(n.path("traffic")), maxCostIncrease(n.path("max_cost_increase")));
        }

        /** {@code max_cost_increase: 20%} (or a number of percent). */
        private Double maxCostIncrease(JsonNode v) {
            if (v.isMissingNode() || v.isNull()) {
                return null;
            }
            if (!v.isTextual() && !v.isNumber()) {
                throw error("/max_cost_increase", "'max_cost_increase' must be a percentage such as 20%");
            }
            try {
                return dev.modelctl.core.model.impact.ImpactChecks.parsePercent(v.asText());
            } catch (IllegalArgumentException e) {
                throw error("/max_cost_increase", "max_cost_increase: " + e.getMessage());
            }
        }

        /** The {@code traffic:} section: shares per use case and attribute value, tokens per request, volume. */
        private TrafficMix traffic(JsonNode t) {
            if (t.isMissingNode() || t.isNull()) {
                return d.traffic();
            }
            object(t, "/traffic", Set.of("requests_per_month", "tokens_per_request", "use_cases", "attributes"));
            JsonNode tokens = t.path("tokens_per_request");
            if (!tokens.isMissingNode()) {
                object(tokens, "/traffic/tokens_per_request", Set.of("input", "output"));
            }
            Map<String, Double> useCases = shares(t.path("use_cases"), "/traffic/use_cases");
            Map<String, Map<String, Double>> attributes = new LinkedHashMap<>();
            JsonNode attrs = t.path("attributes");
            if (!attrs.isMissingNode()) {
                object(attrs, "/traffic/attributes", null);
                attrs.properties().forEach(e -> attributes.put(e.getKey(),
                        shares(e.getValue(), "/traffic/attributes/" + SourceDocument.escape(e.getKey()))));
            }
            return new TrafficMix(useCases, attributes,
                    integer(tokens, "/traffic/tokens_per_request", "input", TrafficMix.DEFAULT_INPUT_TOKENS, 1, MAX_SAFE_INTEGER),
                    integer(tokens, "/traffic/tokens_per_request", "output", TrafficMix.DEFAULT_OUTPUT_TOKENS, 1, MAX_SAFE_INTEGER),
                    t.has("requests_per_month") ? integer(t, "/traffic", "requests_per_month", 1, 1, MAX_SAFE_INTEGER) : null);
        }

        /** A map of name to share (0–1) whose shares add up to at most 1. */
        private Map<String, Double> shares(JsonNode node, String pointer) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (node.isMissingNode()) {
                return out;
            }
            object(node, pointer, null);
            double sum = 0;
            for (var e : node.properties()) {
                JsonNode v = e.getValue();
                String at = pointer + "/" + SourceDocument.escape(e.getKey());
                if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                    throw error(at, "'" + e.getKey() + "' must be a share between 0 and 1 (0.25 = a quarter of requests)");
                }
                out.put(e.getKey(), v.asDouble());
                sum += v.asDouble();
            }
            if (sum > 1.000001) {
                throw error(pointer, String.format(java.util.Locale.ROOT, "shares add up to %.3f, more than 1", sum));
            }
            return out;
        }

        private void object(JsonNode node, String pointer, Set<String> allowed) {
            if (!node.isObject()) {
                throw error(pointer, "expected a mapping");
            }
            if (allowed != null) {
                node.fieldNames().forEachRemaining(k -> {
                    if (!allowed.contains(k)) {
                        throw error(pointer + "/" + k, "unknown field '" + k + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                    }
                });
            }
        }

        private String string(JsonNode parent, String pointer, String field, String fallback) {
            JsonNode v = parent.path(field);
            if (v.isMissingNode() || v.isNull()) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw error(pointer + "/" + field, "'" + field + "' must be a string");
            }
            return v.asText();
        }

        /** An integer in {@code [min, max]}; anything else (a string, 2^64 + 1) is one line at its position. */
        private long integer(JsonNode parent, String pointer, String field, long fallback, long min, long max) {
            JsonNode v = parent.path(field);
            if (v.isMissingNode()) {
                return fallback;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw error(pointer + "/" + field, "'" + field + "' must be an integer from " + min + " to " + max);
            }
            return v.asLong();
        }

        /** A path field: a NUL or other character the file system refuses is one line at its position. */
        private String path(JsonNode parent, String pointer, String field, String fallback) {
            String s = string(parent, pointer, field, fallback);
            if (s != null && parent.has(field)) {
                InputFiles.path(s, where(pointer + "/" + field));
            }
            return s;
        }

        private List<String> paths(JsonNode parent, String pointer, String field) {
            List<String> out = strings(parent, pointer, field);
            for (int i = 0; i < out.size(); i++) {
                InputFiles.path(out.get(i), where(pointer + "/" + field + "/" + i));
            }
            return out;
        }

        /** scan.allow: every glob compiled now, so a bad one is reported at its line, not when a scan runs. */
        private List<String> globs(JsonNode parent, String pointer, String field) {
            List<String> out = strings(parent, pointer, field);
            for (int i = 0; i < out.size(); i++) {
                try {
                    Glob.path(out.get(i));
                } catch (Glob.SyntaxException e) {
                    throw error(pointer + "/" + field + "/" + i, dev.modelctl.core.base.io.Escape.controls(e.getMessage()));
                }
            }
            return out;
        }

        private List<String> strings(JsonNode parent, String pointer, String field) {
            JsonNode v = parent.path(field);
            List<String> out = new ArrayList<>();
            if (!v.isArray()) {
                throw error(pointer + "/" + field, "'" + field + "' must be a list of strings");
            }
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw error(pointer + "/" + field, "'" + field + "' must be a list of strings");
                }
                out.add(item.asText());
            }
            return List.copyOf(out);
        }

        private Duration duration(JsonNode parent, String pointer, String field, Duration fallback) {
            String s = string(parent, pointer, field, null);
            if (s == null) {
                return fallback;
            }
            try {
                return Durations.parse(s);
            } catch (IllegalArgumentException e) {
                throw error(pointer + "/" + field, e.getMessage());
            }
        }

        private InputException error(String pointer, String message) {
            return new InputException(where(pointer) + ": " + message);
        }

        private String where(String pointer) {
            Position p = doc.keyAt(pointer);
            return doc.file() + ":" + p.line() + ":" + p.column();
        }
    }
}
