package dev.modelctl.core.features.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.doc.CompiledTree;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Loads detection rules: the built-in files shipped in the jar, then the repo's extra files (same id overrides). */
public final class ScanRules {
    /** Rule files built into the jar, under {@code /rules/}. */
    static final List<String> BUILT_IN = List.of("/rules/model_ids.yaml");
    /** Placeholders a rule's pattern and keywords may use, filled from the model catalog ({@link ModelNamespaces}). */
    static final String PROVIDER = "{provider}";
    static final String GEOGRAPHY = "{geography}";

    private ScanRules() {
    }

    /** The built-in and extra rules, with the built-in catalog's namespaces. */
    public static List<ScanRule> load(List<Path> extra) {
        return load(extra, ModelNamespaces.builtIn());
    }

    /** The built-in and extra rules, their {@code {provider}} and {@code {geography}} placeholders filled from {@code ns}. */
    public static List<ScanRule> load(List<Path> extra, ModelNamespaces ns) {
        Map<String, ScanRule> rules = new LinkedHashMap<>();
        DocumentLoader loader = new DocumentLoader();
        for (String resource : BUILT_IN) {
            // compiled at build time from the YAML to its tree (docs/startup.md)
            parse(CompiledTree.load(resource, "rules" + resource.substring("/rules".length())), ns, rules, false);
        }
        for (Path p : extra) {
            parse(loader.load(p, p.toString()), ns, rules, true);
        }
        return List.copyOf(rules.values());
    }

    /**
     * Reads the rules of one file into {@code into} (same id replaces). The examples of a repository's own rule files
     * are checked here, so a rule that does not do what its examples say fails at once; the built-in rules' examples
     * run in the test suite.
     */
    private static void parse(SourceDocument doc, ModelNamespaces ns, Map<String, ScanRule> into, boolean checkExamples) {
        if (!doc.findings().isEmpty()) {
            var f = doc.findings().get(0);
            throw InputException.at(f);
        }
        JsonNode rules = doc.root().path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String where = doc.file() + ":" + doc.valueAt("/rules/" + i).line();
            String id = r.path("id").asText(null);
            String check = r.path("check").asText("hardcoded-model-id");
            String regex = r.path("pattern").asText(null);
            if (id == null || regex == null) {
                throw new InputException(where + ": a scan rule needs an id and a pattern");
            }
            // env-model-key comes from parsing deployment files; its "is the value a model ID" test uses these rules
            Check c = Check.byId(check).filter(x -> x == Check.HARDCODED_MODEL_ID)
                    .orElseThrow(() -> new InputException(where + ": rule " + id + ": check must be hardcoded-model-id"));
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex.replace(PROVIDER, ns.providerGroup()).replace(GEOGRAPHY, ns.geographyGroup()));
            } catch (PatternSyntaxException e) {
                throw new InputException(where + ": rule " + id + ": invalid pattern: " + e.getDescription());
            }
            if (r.path("keywords").isEmpty()) {
                throw new InputException(where + ": rule " + id + ": needs keywords (the literal pre-filter)");
            }
            // a geography prefix starts before the keyword: the match may start that far back
            // (unless the keyword must start a name: then the match starts at its keyword, a geography prefix included)
            boolean startsName = r.path("keyword_starts_name").asBoolean(false);
            int maxPrefix = Math.max(r.path("max_prefix").asInt(32), regex.contains(GEOGRAPHY) && !startsName ? ns.longestGeography() : 0);
            ScanRule rule = new ScanRule(id, c, r.path("description").asText(""), keywords(strings(r.path("keywords")), ns),
                    startsName, maxPrefix,
                    pattern, strings(r.path("examples").path("match")), strings(r.path("examples").path("no_match")), doc.file());
            if (checkExamples) {
                checkExamples(rule, where);
            }
            into.put(id, rule);
        }
    }

    private static void checkExamples(ScanRule rule, String where) {
        TextMatcher matcher = new TextMatcher(List.of(rule));
        for (String example : rule.mustMatch()) {
            if (matcher.matches(example).isEmpty()) {
                throw new InputException(where + ": rule " + rule.id() + ": example '" + example
                        + "' must match but does not (check the pattern, and that a keyword occurs in the example)");
            }
        }
        for (String example : rule.mustNotMatch()) {
            List<Match> found = matcher.matches(example);
            if (!found.isEmpty()) {
                throw new InputException(where + ": rule " + rule.id() + ": example '" + example + "' must not match but matches '"
                        + found.get(0).text() + "'");
            }
        }
    }

    /** A keyword with {@code {provider}} stands for one keyword per provider ({@code {provider}.} → {@code amazon.}, …). */
    private static List<String> keywords(List<String> declared, ModelNamespaces ns) {
        List<String> out = new ArrayList<>();
        for (String k : declared) {
            List<String> expanded = List.of(k);
            if (k.contains(PROVIDER)) {
                expanded = ns.providers().stream().map(p -> k.replace(PROVIDER, p)).toList();
            }
            for (String e : expanded) {
                if (e.contains(GEOGRAPHY)) {
                    ns.geographies().forEach(g -> out.add(e.replace(GEOGRAPHY, g)));
                } else {
                    out.add(e);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
