package dev.modelctl.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.finding.Check;

import java.io.IOException;
import java.io.InputStream;
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

    private ScanRules() {
    }

    public static List<ScanRule> load(List<Path> extra) {
        Map<String, ScanRule> rules = new LinkedHashMap<>();
        DocumentLoader loader = new DocumentLoader();
        for (String resource : BUILT_IN) {
            try (InputStream in = ScanRules.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("rule file missing from the jar: " + resource);
                }
                parse(loader.parse(in.readAllBytes(), "rules" + resource.substring("/rules".length())), rules);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Path p : extra) {
            parse(loader.load(p, p.toString()), rules);
        }
        return List.copyOf(rules.values());
    }

    private static void parse(SourceDocument doc, Map<String, ScanRule> into) {
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
            Check c = Check.byId(check).filter(x -> x == Check.HARDCODED_MODEL_ID || x == Check.ENV_MODEL_KEY)
                    .orElseThrow(() -> new InputException(where + ": rule " + id + ": check must be hardcoded-model-id or env-model-key"));
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InputException(where + ": rule " + id + ": invalid pattern: " + e.getDescription());
            }
            if (r.path("keywords").isEmpty()) {
                throw new InputException(where + ": rule " + id + ": needs keywords (the literal pre-filter)");
            }
            into.put(id, new ScanRule(id, c, r.path("description").asText(""), strings(r.path("keywords")), r.path("max_prefix").asInt(32), pattern,
                    strings(r.path("examples").path("match")), strings(r.path("examples").path("no_match")), doc.file()));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
