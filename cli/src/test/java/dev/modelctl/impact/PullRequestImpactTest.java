package dev.modelctl.impact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.GitRepo;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing and cost impact of a pull request: {@code check --base} on real repositories committed with JGit, and
 * {@code diff} on the two revisions as files. Figures follow from the catalog prices (per 1k tokens in/out: Nova Lite
 * $0.00006/$0.00024, Claude Sonnet 4.6 global $0.003/$0.015) and the fixture's traffic mix (1,000 in / 200 out tokens per
 * request, 1M requests a month; intent_classify 60 %, product_recommendation 30 % of which EU 20 %, default 10 %):
 * Nova Lite $0.000108 and Sonnet $0.006 per request.
 */
class PullRequestImpactTest {
    private static final String LITE = "nova_lite (amazon.nova-lite-v1:0)";
    private static final String SONNET = "sonnet (global.anthropic.claude-sonnet-4-6)";
    private static final String LITE_PRICE = "$0.00006/$0.00024 per 1k in/out";
    private static final String SONNET_PRICE = "$0.00300/$0.01500 per 1k in/out";

    @TempDir
    Path dir;

    @BeforeEach
    void repositoryWithTheImpactFixture() throws Exception {
        Path src = Cli.repoRoot().resolve("cli/src/test/resources/impact");
        Files.copy(src.resolve("routing.yaml"), dir.resolve("routing.yaml"));
        Files.copy(src.resolve("modelctl.yaml"), dir.resolve(".modelctl.yaml"));
        GitRepo.initAndCommitAll(dir, "routing");
    }

    private void edit(String from, String to) throws IOException {
        TestFiles.edit(dir.resolve("routing.yaml"), from, to);
    }

    /** One row per finding (check, severity, file:line:col, message), then the exit code. */
    private List<String> rows(Cli.Result r) {
        List<String> rows = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            rows.add(f.located(dir) + " " + f.message());
        }
        rows.add("exit " + r.exit());
        return rows;
    }

    private Cli.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--config", dir.resolve(".modelctl.yaml").toString(),
                dir.resolve("routing.yaml").toString(), "--base", "main"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void useCaseMovedFromNovaLiteToSonnetIsBlockedByTheConfiguredLimit() throws IOException {
        edit("intent_classify: {model: nova_lite}", "intent_classify: {model: sonnet}");
        Cli.Result r = check();
        assertEquals(List.of(
                "routing-change info routing.yaml:0:0 1 request class routed differently since main: cost per request $0.00152 -> $0.00506 "
                        + "(+232.3%, $3,535.20/month at 1,000,000 requests; weighted by the traffic mix in the repo config)",
                "cost-increase error routing.yaml:7:21 cost per request rises +232.3% since main ($0.00152 -> $0.00506, $3,535.20/month at "
                        + "1,000,000 requests; weighted by the traffic mix in the repo config), above the allowed 50.0%",
                "routing-change info routing.yaml:7:21 use case intent_classify: " + LITE + " -> " + SONNET + " since main; "
                        + LITE_PRICE + " -> " + SONNET_PRICE + " (+5455.6% per request), $3,535.20/month",
                "exit 1"), rows(r));
        JsonNode change = Findings.of(r.out()).get(2).json();
        assertEquals("use case intent_classify", change.get("class").asText());
        assertEquals("use_case", change.get("class_kind").asText());
        assertEquals("nova_lite", change.get("model_before").asText());
        assertEquals("global.anthropic.claude-sonnet-4-6", change.get("model_id_after").asText());
        assertEquals(0.00006, change.at("/price_before/per_1k_input").asDouble());
        assertEquals(0.00024, change.at("/price_before/per_1k_output").asDouble());
        assertEquals(0.003, change.at("/price_after/per_1k_input").asDouble());
        assertEquals(0.015, change.at("/price_after/per_1k_output").asDouble());
        assertEquals(54.55555556, change.get("relative_change").asDouble());
        assertEquals(0.6, change.get("share").asDouble());
        assertEquals(3535.2, change.get("monthly_delta").asDouble());
        assertEquals("{\"task_type\":\"intent_classify\"}", change.get("witness").toString());
        JsonNode blocking = Findings.of(r.out()).get(1).json();
        assertEquals(0.5, blocking.get("max_cost_increase").asDouble());
        assertEquals(0.00152208, blocking.get("cost_per_request_before").asDouble());
        assertEquals(0.00505728, blocking.get("cost_per_request_after").asDouble());
    }

    @Test
    void theFlagOverridesTheConfiguredLimit() throws IOException {
        edit("intent_classify: {model: nova_lite}", "intent_classify: {model: sonnet}");
        List<String> rows = rows(check("--max-cost-increase", "250%"));
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("routing-change info routing.yaml:0:0 1 request class routed differently"), rows.get(0));
        assertEquals("exit 0", rows.get(2));
        Cli.Result bad = check("--max-cost-increase", "lots");
        assertEquals(2, bad.exit());
        assertEquals("modelctl: --max-cost-increase: 'lots' is not a percentage (examples: 20, 20%, 12.5%)\n", bad.err());
    }

    @Test
    void ruleRoutedClassCarriesItsShareOfTheUseCase() throws IOException {
        edit("region: [eu-west-1, eu-central-1]}, model: nova_lite}", "region: [eu-west-1, eu-central-1]}, model: sonnet}");
        assertEquals(List.of(
                "routing-change info routing.yaml:0:0 1 request class routed differently since main: cost per request $0.00152 -> $0.00188 "
                        + "(+23.2%, $353.52/month at 1,000,000 requests; weighted by the traffic mix in the repo config)",
                "approval-required info routing.yaml:10:5 rule eu-recs changed since main (model nova_lite -> sonnet): "
                        + "approval required from no owning team (see unowned-rule)",
                "routing-change info routing.yaml:10:5 rule eu-recs (region=eu-central-1|eu-west-1, task_type=product_recommendation): "
                        + LITE + " -> " + SONNET + " since main; " + LITE_PRICE + " -> " + SONNET_PRICE + " (+5455.6% per request), $353.52/month",
                "exit 0"), rows(check()));
    }

    @Test
    void reorderingAnAnyOfListOrReformattingChangesNothing() throws IOException {
        edit("region: [eu-west-1, eu-central-1]", "region: [eu-central-1, eu-west-1]");
        edit("version: 1", "# reformatted\nversion: 1");
        Cli.Result r = check();
        assertEquals(List.of("exit 0"), rows(r));
        assertEquals("no rule changes since main: no approvals needed\n", r.err());
    }

    @Test
    void diffOfTwoFilesReportsTheSameImpactAndASummaryTable() throws IOException {
        Path base = Files.copy(dir.resolve("routing.yaml"), dir.resolve("base.yaml"));
        edit("intent_classify: {model: nova_lite}", "intent_classify: {model: sonnet}");
        Path summary = dir.resolve("out/summary.md");
        Cli.Result r = Cli.run("diff", "--config", dir.resolve(".modelctl.yaml").toString(), base.toString(),
                dir.resolve("routing.yaml").toString(), "--summary-file", summary.toString());
        assertEquals(1, r.exit(), r::toString);
        String since = "since " + base;
        assertEquals(base + " -> " + dir.resolve("routing.yaml") + ":\n"
                + "  use case intent_classify: " + LITE + " -> " + SONNET + "\n"
                + dir.resolve("routing.yaml") + ": info [routing-change] 1 request class routed differently " + since
                + ": cost per request $0.00152 -> $0.00506 (+232.3%, $3,535.20/month at 1,000,000 requests; weighted by the traffic mix in the repo config)\n"
                + dir.resolve("routing.yaml") + ":7:21: error [cost-increase] cost per request rises +232.3% " + since
                + " ($0.00152 -> $0.00506, $3,535.20/month at 1,000,000 requests; weighted by the traffic mix in the repo config), above the allowed 50.0%\n"
                + "    hint: route the class back to a cheaper model, or raise --max-cost-increase (max_cost_increase in .modelctl.yaml) if the spend is agreed\n"
                + dir.resolve("routing.yaml") + ":7:21: info [routing-change] use case intent_classify: " + LITE + " -> " + SONNET + " " + since
                + "; " + LITE_PRICE + " -> " + SONNET_PRICE + " (+5455.6% per request), $3,535.20/month\n"
                + "    witness: {task_type: intent_classify}\n"
                + "1 error, 0 warnings, 2 info in 2 documents\n", r.out());
        List<String> md = Files.readAllLines(summary);
        assertEquals(List.of("### modelctl diff: failed", "", "1 error, 0 warnings, 2 info in 2 documents", "",
                "| request class | model before → after | price per 1k tokens in/out before → after | change per request | monthly |",
                "|---|---|---|---|---|",
                "| use case intent_classify | `nova_lite` (`amazon.nova-lite-v1:0`) → `sonnet` (`global.anthropic.claude-sonnet-4-6`) "
                        + "| $0.00006 / $0.00024 → $0.00300 / $0.01500 | +5455.6% | +$3,535.20 |",
                "| **all traffic** (" + dir.resolve("routing.yaml") + ") | | $0.00152 → $0.00506 per request | **+232.3%** | +$3,535.20 |"),
                md.subList(0, 8));
        assertTrue(md.get(11).startsWith("| error | `cost-increase` | `" + dir.resolve("routing.yaml") + ":7:21` |"), md.get(11));
    }

    @Test
    void anActivatedCostOverrideIsReportedAtTheOverride() throws IOException {
        Path base = Files.copy(dir.resolve("routing.yaml"), dir.resolve("base.yaml"));
        Files.writeString(dir.resolve("routing.yaml"), Files.readString(dir.resolve("routing.yaml")) + """
                cost_override:
                  active: true
                  use_cases: [product_recommendation]
                  model: nova_lite
                  reason: pricing spike INC-42
                  engineer: oncall@example.com
                  started_at: "2026-12-01T10:00:00Z"
                  expires_at: "2099-12-01T14:00:00Z"
                """);
        Cli.Result r = Cli.run("diff", "--format", "json", "--config", dir.resolve(".modelctl.yaml").toString(), base.toString(),
                dir.resolve("routing.yaml").toString());
        String since = "since " + base;
        assertEquals(List.of(
                "routing-change info routing.yaml:0:0 1 request class routed differently " + since + ": cost per request $0.00152 -> $0.00011 "
                        + "(-92.9%, -$1,414.08/month at 1,000,000 requests; weighted by the traffic mix in the repo config)",
                "routing-change info routing.yaml:11:1 use case product_recommendation: " + SONNET + " -> " + LITE + " " + since + "; "
                        + SONNET_PRICE + " -> " + LITE_PRICE + " (-98.2% per request), -$1,414.08/month",
                "exit 0"), rows(r));
    }

    @Test
    void aDocumentThatDoesNotParseIsReportedNotCompared() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "version: 1\nmodels: [\n");
        Cli.Result r = Cli.run("diff", "--format", "json", dir.resolve("routing.yaml").toString(), broken.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(rows(r).get(0).startsWith("syntax-error error broken.yaml:"), r.out());
    }
}
