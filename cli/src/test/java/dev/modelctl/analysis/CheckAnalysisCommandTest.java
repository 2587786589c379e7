package dev.modelctl.analysis;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule analysis through the CLI: {@code check} reports it with exact positions, {@code validate} does not run it. */
class CheckAnalysisCommandTest {
    private static final String DOC = Cli.repoRoot().resolve("cli/src/test/resources/analysis/anomalies.yaml").toString();

    private static List<String> rows(Cli.Result r) {
        return Findings.of(r.out()).stream().map(f -> f.check() + " " + f.severity() + " " + f.line() + ":" + f.column()
                + " " + f.json().path("rules") + " " + f.json().path("witness")).toList();
    }

    @Test
    void checkReportsEveryAnomalyAtTheRuleWithRulesAndWitness() throws IOException {
        Cli.Result r = Cli.run("check", "--format", "json", DOC);
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of(
                "shadowed-rule error 19:5 [\"rec-free\",\"rec-premium\",\"rec-both\"] {\"task_type\":\"recommendation\",\"user_segment\":\"free\"}",
                "generalization info 23:5 [\"rec-premium\",\"rec-cost\"] {\"task_type\":\"recommendation\",\"user_segment\":\"premium\"}",
                "priority-conflict error 27:5 [\"rec-cost\",\"rec-latency\"] {\"task_type\":\"recommendation\",\"user_segment\":\"premium\"}",
                "redundant-rule warning 27:5 [\"rec-premium\",\"rec-latency\"] {\"task_type\":\"recommendation\",\"user_segment\":\"premium\"}",
                "correlated-rules info 35:5 [\"chat-eu\",\"chat-trial\"] {\"region\":\"eu-west-1\",\"task_type\":\"chat\",\"user_segment\":\"free\"}",
                "unknown-use-case warning 44:5 [\"rec-typo\"] {\"task_type\":\"recomendation\"}"), rows(r));
    }

    @Test
    void textNamesTheRulesAndTheirLines() {
        Cli.Result r = Cli.run("check", DOC);
        assertTrue(r.out().contains(DOC + ":19:5: error [shadowed-rule] rule rec-both (line 19, priority 30) can never fire: rules rec-free "
                + "(line 10, priority 10), rec-premium (line 14, priority 20) together match every request it matches (higher priority)\n"
                + "    witness: {task_type: recommendation, user_segment: free}\n"), r.out());
        assertTrue(r.out().endsWith("2 errors, 2 warnings, 2 info in 1 document\n"), r.out());
    }

    @Test
    void validateDoesNotAnalyseRules() throws IOException {
        Cli.Result r = Cli.run("validate", "--format", "json", DOC);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(), rows(r));
    }

    @Test
    void largeDocumentsNeedAnExplicitAllowance() {
        Cli.Result r = Cli.run("check", "--max-bytes", "1K", DOC);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: " + DOC), r.err());
        assertTrue(r.err().contains("--max-bytes"), r.err());
        assertEquals(1, Cli.run("check", "--max-bytes", "64M", DOC).exit());
    }
}
