package dev.modelctl.registry;

import dev.modelctl.core.checks.engine.DocumentCheck;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the check registry to {@link Check}: a check id that no registered check reports, that has no fixture, or
 * that the docs do not mention fails the build (docs/architecture.md, "Add a check id").
 */
class CheckRegistryTest {
    /** Families whose findings need a live service or a git history: their tests drive fakes and repositories (impact: impact/PullRequestImpactTest). */
    private static final Set<Check.Family> TESTED_BY_DEDICATED_SUITES = EnumSet.of(Check.Family.APPROVAL, Check.Family.IMPACT,
            Check.Family.SMOKE, Check.Family.DRILL);

    private static Set<Check> reportedBy(List<DocumentCheck> checks) {
        Set<Check> out = EnumSet.noneOf(Check.class);
        checks.forEach(c -> out.addAll(c.reports()));
        return out;
    }

    @Test
    void everyDocumentRuleAndTeamIdIsReportedByARegisteredCheck() {
        Set<Check> validate = reportedBy(CheckRegistry.validateChecks());
        Set<Check> check = reportedBy(CheckRegistry.checkChecks());
        for (Check c : Check.values()) {
            switch (c.family()) {
                case DOCUMENT, COST_OVERRIDE -> assertTrue(CheckRegistry.LOADER_AND_SCHEMA.contains(c) || validate.contains(c),
                        c.id() + " is a document check that validate does not run");
                case RULE_ANALYSIS -> assertTrue(check.contains(c) && !validate.contains(c), c.id() + " must run in check only");
                case TEAM -> assertTrue(CheckRegistry.teamChecks().contains(c), c.id() + " is not reported by the team checks");
                default -> {
                }
            }
        }
        assertTrue(check.containsAll(validate), "check runs everything validate runs");
        // A check that declares an id of another family is in the wrong place.
        for (DocumentCheck dc : CheckRegistry.checkChecks()) {
            for (Check c : dc.reports()) {
                assertTrue(Set.of(Check.Family.DOCUMENT, Check.Family.COST_OVERRIDE, Check.Family.RULE_ANALYSIS).contains(c.family()),
                        dc.getClass().getSimpleName() + " declares " + c.id());
            }
        }
    }

    @Test
    void everyIdHasAFixtureWithItsExpectedFindings() throws IOException {
        Set<String> covered = Fixture.all().stream().flatMap(f -> f.findings().stream()).map(s -> s.split(" ")[0])
                .collect(Collectors.toSet());
        String testSources;
        try (Stream<Path> walk = Files.walk(Cli.repoRoot().resolve("cli/src/test/java"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(p));
            }
            testSources = String.join("\n", texts);
        }
        List<String> missing = new ArrayList<>();
        for (Check c : Check.values()) {
            boolean ok = TESTED_BY_DEDICATED_SUITES.contains(c.family())
                    ? java.util.regex.Pattern.compile("[\"\\[ ]" + c.id() + "[\"\\] ]").matcher(testSources).find()
                    || testSources.contains("Check." + c.name())
                    : covered.contains(c.id());
            if (!ok) {
                missing.add(c.id());
            }
        }
        assertEquals(List.of(), missing, "check ids without a fixture (<file>.expected under cli/src/test/resources)");
    }

    @Test
    void everyIdIsDocumentedInTheReadmeAndTheDocs() throws IOException {
        String readme = Files.readString(Cli.repoRoot().resolve("README.md"));
        String docs;
        try (Stream<Path> walk = Files.list(Cli.repoRoot().resolve("docs"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
                texts.add(Files.readString(p));
            }
            docs = String.join("\n", texts);
        }
        List<String> missing = new ArrayList<>();
        for (Check c : Check.values()) {
            String quoted = "`" + c.id() + "`";
            if (!readme.contains(quoted)) {
                missing.add(c.id() + " (README.md)");
            }
            if (!docs.contains(quoted)) {
                missing.add(c.id() + " (docs/)");
            }
        }
        assertEquals(List.of(), missing, "check ids the documentation does not mention");
    }
}
