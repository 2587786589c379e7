package dev.modelctl.analysis;

import dev.modelctl.core.checks.analysis.RuleAnalyzer;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indexed analyser against a brute-force oracle on many small random documents: every request over the values the
 * rules name plus one value no rule names (which stands for all of them) is enumerated, and the anomaly classes are
 * derived from their definitions. Also checks that every witness really demonstrates its finding.
 */
class RuleAnalysisOracleTest {
    private static final String[] ATTRIBUTES = {"task_type", "user_segment", "region"};
    private static final String[][] VALUES = {{"chat", "search", "rec"}, {"free", "premium", "trial"}, {"eu", "us", "ap"}};
    private static final String UNNAMED = "zz-unnamed";

    @Test
    void indexedAnalysisAgreesWithBruteForce() {
        Random random = new Random(20241123);
        int documents = 600;
        int withFindings = 0;
        for (int d = 0; d < documents; d++) {
            String yaml = randomDocument(random);
            var source = new DocumentLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "r.yaml");
            List<Rule> rules = RoutingDocument.from(source).rules();
            List<Finding> findings = new RuleAnalyzer().analyze(rules, Set.of());
            assertEquals(expected(rules), actual(findings), yaml);
            for (Finding f : findings) {
                assertWitnessDemonstrates(f, rules, yaml);
            }
            withFindings += findings.isEmpty() ? 0 : 1;
        }
        assertTrue(withFindings > documents / 2, "the random documents should exercise the analysis: " + withFindings);
    }

    private static String randomDocument(Random random) {
        StringBuilder yaml = new StringBuilder("rules:\n");
        int n = 2 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            StringBuilder conditions = new StringBuilder();
            for (int a = 0; a < ATTRIBUTES.length; a++) {
                if (random.nextInt(3) == 0) {
                    continue; // unconstrained
                }
                List<String> values = new ArrayList<>();
                for (String v : VALUES[a]) {
                    if (random.nextInt(2) == 0) {
                        values.add(v);
                    }
                }
                if (values.isEmpty()) {
                    values.add(VALUES[a][random.nextInt(VALUES[a].length)]);
                }
                conditions.append(conditions.length() == 0 ? "" : ", ").append(ATTRIBUTES[a]).append(": ").append(values);
            }
            yaml.append("  - {rule_id: r").append(i).append(", priority: ").append(1 + random.nextInt(4))
                    .append(", conditions: {").append(conditions).append("}, model: m").append(random.nextInt(2)).append("}\n");
        }
        return yaml.toString();
    }

    /** Every request the rules can tell apart: each attribute takes a named value or one that no rule names. */
    private static List<Map<String, String>> requests() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new HashMap<>());
        for (int a = 0; a < ATTRIBUTES.length; a++) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                List<String> values = new ArrayList<>(List.of(VALUES[a]));
                values.add(UNNAMED);
                for (String v : values) {
                    Map<String, String> r = new HashMap<>(partial);
                    r.put(ATTRIBUTES[a], v);
                    next.add(r);
                }
            }
            out = next;
        }
        return out;
    }

    private static Set<String> expected(List<Rule> input) {
        List<Rule> rules = input.stream().sorted(Rule.PRECEDENCE).toList();
        List<Map<String, String>> requests = requests();
        Set<String> out = new TreeSet<>();
        for (int b = 0; b < rules.size(); b++) {
            Rule rule = rules.get(b);
            List<Map<String, String>> mine = requests.stream().filter(rule::matches).toList();
            List<Rule> higher = new ArrayList<>();
            for (int a = 0; a < b; a++) {
                Rule other = rules.get(a);
                if (mine.stream().anyMatch(other::matches)) {
                    if (other.priority().equals(rule.priority())) {
                        out.add("priority-conflict " + List.of(other.ruleId(), rule.ruleId()));
                    } else {
                        higher.add(other);
                    }
                }
            }
            Set<String> winners = new TreeSet<>();
            boolean covered = !higher.isEmpty();
            for (Map<String, String> request : mine) {
                Rule winner = higher.stream().filter(h -> h.matches(request)).findFirst().orElse(null);
                if (winner == null) {
                    covered = false;
                    break;
                }
                winners.add(winner.ruleId());
            }
            if (covered) {
                boolean sameModel = higher.stream().filter(h -> winners.contains(h.ruleId())).allMatch(h -> h.model().equals(rule.model()));
                List<String> ids = new ArrayList<>(higher.stream().map(Rule::ruleId).filter(winners::contains).toList());
                ids.add(rule.ruleId());
                out.add((sameModel ? "redundant-rule " : "shadowed-rule ") + ids);
                continue;
            }
            for (Rule a : higher) {
                if (a.model().equals(rule.model())) {
                    continue;
                }
                boolean general = requests.stream().filter(a::matches).allMatch(rule::matches);
                out.add((general ? "generalization " : "correlated-rules ") + List.of(a.ruleId(), rule.ruleId()));
            }
        }
        return out;
    }

    private static Set<String> actual(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        findings.forEach(f -> out.add(f.check().id() + " " + f.rules()));
        return out;
    }

    /** Conflicts and pairs: the witness matches both rules; shadowing: it matches the shadowed rule and a covering one. */
    private static void assertWitnessDemonstrates(Finding f, List<Rule> rules, String yaml) {
        Map<String, Rule> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.ruleId(), r));
        List<Rule> involved = f.rules().stream().map(byId::get).toList();
        Rule last = involved.get(involved.size() - 1);
        assertTrue(last.matches(f.witness()), () -> f.check().id() + " witness " + f.witness() + " does not match " + last.ruleId() + "\n" + yaml);
        assertTrue(involved.subList(0, involved.size() - 1).stream().anyMatch(r -> r.matches(f.witness())),
                () -> f.check().id() + " witness " + f.witness() + " matches none of " + f.rules() + "\n" + yaml);
        assertTrue(f.message().contains("line " + last.line()), f.message());
    }
}
