package dev.modelctl.robust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each raw exception, wrong verdict and wrong message of issue 9, reproduced through the CLI: one line naming the
 * place, exit 2 (or the finding at its line, exit 1), no stack trace, nothing written.
 */
class BadInputMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path example() throws Exception {
        return Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("doc.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLine(Cli.Result r, String expected) {
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: " + expected + "\n", r.err());
    }

    @Test
    void hugeDurationsAreARangeErrorNotALongOverflow() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999999h"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("106751991167301d"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("200d200d"));
        assertEquals(Duration.ofDays(365), Durations.parse("365d"));
        Path cfg = write("c.yaml", "override:\n  max_ttl: 9999999999999999h\n");
        assertOneLine(Cli.run("validate", "--config", cfg.toString(), example().toString()),
                cfg + ":2:3: '9999999999999999h' is out of range: durations are at most 365d");
        Path interval = write("i.yaml", "deploy:\n  interval: 106751991167301d\n");
        assertOneLine(Cli.run("validate", "--config", interval.toString(), example().toString()),
                interval + ":2:3: '106751991167301d' is out of range: durations are at most 365d");
        Cli.Result ttl = Cli.run("override", "--cost", "--reason", "x", "--ttl", "99999999999999999999h",
                "--application", "a", "--profile-name", "p", "--env", "e");
        assertOneLine(ttl, "--ttl: '99999999999999999999h' is out of range: durations are at most 365d");
    }

    @Test
    void aBadScanAllowGlobIsReportedAtItsConfigLineByEveryCommand() throws Exception {
        Path cfg = write("c.yaml", "scan:\n  allow:\n    - \"docs/**\"\n    - \"[a\"\n");
        String expected = cfg + ":4:7: bad glob '[a': '[' without a closing ']' at character 1";
        assertOneLine(Cli.run("scan", "--config", cfg.toString(), example().toString()), expected);
        assertOneLine(Cli.run("validate", "--config", cfg.toString(), example().toString()), expected);
        assertOneLine(Cli.run("check", "--config", cfg.toString(), example().toString()), expected);
    }

    @Test
    void aNulInAConfiguredPathIsEscapedAndLocated() throws Exception {
        Path cfg = write("c.yaml", "documents: [\"a\\0b.yaml\"]\n");
        Cli.Result r = Cli.run("validate", "--config", cfg.toString());
        assertOneLine(r, cfg + ":1:13: 'a\\x00b.yaml' is not a valid path (Nul character not allowed)");
        assertFalse(r.err().contains("\0"));
    }

    @Test
    void hugeAndLongNumbersAreLocatedSyntaxErrors() throws Exception {
        Path exp = write("exp.json", "{\"version\": 1e999999999999}");
        Cli.Result e = Cli.run("validate", exp.toString());
        assertEquals(1, e.exit(), e::toString);
        assertTrue(e.out().startsWith(exp + ":1:13: error [syntax-error] number out of range"), e.out());
        Path digits = write("digits.json", "{\"version\": " + "1".repeat(1200) + "}");
        Cli.Result d = Cli.run("validate", digits.toString());
        assertEquals(1, d.exit(), d::toString);
        assertTrue(d.out().contains("error [syntax-error] number with more than 1000 digits"), d.out());
        assertFalse(d.out().contains("nesting"), d.out());
    }

    @Test
    void buildOutOntoTheRootDirectoryIsOneLine() throws Exception {
        assertOneLine(Cli.run("build", "--out", "/", example().toString()), "--out /: not a file name (give the path of the file to write)");
    }

    /** Every file a command writes goes through the same writer, so CI outputs and the baseline are refused alike. */
    @Test
    void otherWrittenFilesRefuseDevicesFifosAndSymlinksToo() throws Exception {
        Path doc = example();
        Path target = write("real.sarif", "{}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.sarif"), target);
        assertOneLine(Cli.run("check", "--sarif-file", link.toString(), doc.toString()),
                link + ": is a symlink; writing would replace the link, so give the path it points to");
        assertOneLine(Cli.run("check", "--json-file", "/dev/null", doc.toString()),
                "/dev/null: is not a regular file (a device, FIFO or socket); refusing to replace it");
        assertOneLine(Cli.run("validate", "--summary-file", dir.toString(), doc.toString()), dir + ": is a directory, expected a file name");
        Path baseline = write("baseline.json", "{\"version\": 1, \"tool\": \"modelctl scan\", \"findings\": []}\n");
        Path baselineLink = Files.createSymbolicLink(dir.resolve("baseline-link.json"), baseline);
        assertOneLine(Cli.run("scan", "--update-baseline", "--baseline", baselineLink.toString(), doc.toString()),
                baselineLink + ": is a symlink; writing would replace the link, so give the path it points to");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(baselineLink));
        assertEquals("{}\n", Files.readString(target));
    }

    @Test
    void buildRefusesDevicesFifosAndSymlinksAndLeavesThemAlone() throws Exception {
        Path doc = example();
        assertOneLine(Cli.run("build", "--out", "/dev/null", doc.toString()),
                "--out /dev/null: is not a regular file (a device, FIFO or socket); refusing to replace it");
        Path fifo = dir.resolve("out.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertOneLine(Cli.run("build", "--out", fifo.toString(), doc.toString()),
                "--out " + fifo + ": is not a regular file (a device, FIFO or socket); refusing to replace it");
        Path target = write("real.json", "{}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        assertOneLine(Cli.run("build", "--out", link.toString(), doc.toString()),
                "--out " + link + ": is a symlink; writing would replace the link, so give the path it points to");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{}\n", Files.readString(target));
        Cli.Result ok = Cli.run("build", "--out", target.toString(), doc.toString());
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(Files.readString(target).contains("\"rules\""));
    }

    @Test
    void integersBeyondTheSchemaRangesAreViolationsAtTheirLineAndNeverBuilt() throws Exception {
        String text = Files.readString(example());
        Path tokens = write("tokens.yaml", text.replaceFirst("max_tokens: 8192", "max_tokens: 18446744073709551616"));
        Cli.Result v = Cli.run("validate", tokens.toString());
        assertEquals(1, v.exit(), v::toString);
        assertTrue(v.out().startsWith(tokens + ":8:17: error [schema-violation] models/claude_sonnet/max_tokens: 18446744073709551616 is above the maximum 1000000\n"), v.out());
        Path out = dir.resolve("built.json");
        assertEquals(1, Cli.run("build", "--out", out.toString(), tokens.toString()).exit());
        assertFalse(Files.exists(out));

        Path priority = write("priority.yaml", text.replaceFirst("priority: 10\n", "priority: 99999999999999999999\n"));
        Cli.Result c = Cli.run("check", priority.toString());
        assertEquals(1, c.exit(), c::toString);
        assertTrue(c.out().contains(priority + ":48:15: error [schema-violation] rules/0/priority: 99999999999999999999 is above the maximum 1000000000"), c.out());
        assertEquals(1, Cli.run("build", "--out", out.toString(), priority.toString()).exit());
        assertFalse(Files.exists(out));
        Findings.Row violation = Findings.of(Cli.run("validate", "--format", "json", priority.toString()).out()).get(0);
        assertEquals("schema-violation", violation.check());
        assertEquals("safety-moderation-eu", violation.json().at("/rules/0").asText(), violation.json().toString()); // a finding about a rule names it
        Cli.Result route = Cli.run("route", priority.toString(), "--set", "task_type=moderation", "--set", "region=eu-west-1");
        assertEquals(2, route.exit(), route::toString);
        assertTrue(route.err().startsWith("modelctl: route: " + priority + ":48:15: [schema-violation] rules/0/priority: "), route.err());
    }

    @Test
    void theSchemaAndTheTypedViewAgreeOnRanges() throws Exception {
        Path schemaFile = Cli.repoRoot().resolve("schemas/model_routing_config.schema.json");
        assertTrue(Files.readString(schemaFile).length() <= 32_768, "AppConfig accepts at most 32,768 characters");
        JsonNode schema = JSON.readTree(schemaFile.toFile());
        JsonNode rule = schema.at("/definitions/rule/properties/priority");
        JsonNode tokens = schema.at("/definitions/model/properties/max_tokens");
        assertEquals(RoutingDocument.MIN_PRIORITY, rule.get("minimum").asLong(), schema.at("/definitions").fieldNames().next());
        assertEquals(RoutingDocument.MAX_PRIORITY, rule.get("maximum").asLong());
        assertEquals(RoutingDocument.MIN_MAX_TOKENS, tokens.get("minimum").asLong());
        assertEquals(RoutingDocument.MAX_MAX_TOKENS, tokens.get("maximum").asLong());
        assertTrue(RoutingDocument.MAX_PRIORITY < (1L << 53) && RoutingDocument.MAX_MAX_TOKENS < (1L << 53));
        JsonNode team = JSON.readTree(Cli.repoRoot().resolve("schemas/routing_rule_ownership.schema.json").toFile())
                .at("/definitions/team/properties/priority_range/items");
        assertEquals(RoutingDocument.MAX_PRIORITY, team.get("maximum").asLong());
    }

    @Test
    void routeRefusesWhatValidateRejectsAndNamesTheDocumentOfAnUndefinedModel() throws Exception {
        String text = Files.readString(example());
        Path quoted = write("quoted.yaml", text.replaceFirst("priority: 110\n", "priority: \"110\"\n"));
        Cli.Result r = Cli.run("route", quoted.toString(), "--set", "task_type=intent_classify");
        assertOneLine(r, "route: " + quoted + ":56:15: [schema-violation] rules/1/priority: expected an integer, got the string \"110\""
                + " (1 blocking finding; run modelctl validate " + quoted + ")");
        Path undefined = write("undefined.yaml", text.replace("model: nova_lite\n    team: core-ml", "model: nova_heavy\n    team: core-ml"));
        Cli.Result u = Cli.run("route", undefined.toString(), "--set", "task_type=intent_classify");
        assertEquals(2, u.exit(), u::toString);
        assertTrue(u.err().startsWith("modelctl: route: " + undefined + ":"), u.err());
        assertTrue(u.err().contains("[unknown-model-reference] rule 'core-intent-fast' refers to model 'nova_heavy'"), u.err());
    }

    @Test
    void anUnknownModelReferenceByARuleListsTheRule() throws Exception {
        Path doc = write("ref.yaml", Files.readString(example()).replace("model: nova_lite\n    team: core-ml", "model: nova_heavy\n    team: core-ml"));
        Cli.Result r = Cli.run("validate", "--format", "json", doc.toString());
        assertEquals(1, r.exit(), r::toString);
        Findings.Row finding = Findings.of(r.out()).get(0);
        assertEquals("unknown-model-reference", finding.check());
        assertEquals("core-intent-fast", finding.json().at("/rules/0").asText(), finding.json().toString());
        Cli.Result text = Cli.run("validate", doc.toString());
        assertTrue(text.out().contains("rule 'core-intent-fast' refers to model 'nova_heavy'"), text.out());
    }

    @Test
    void flagsAndConfigValuesOutOfRangeAreRejected() throws Exception {
        Path doc = example();
        Cli.Result color = Cli.run("validate", "--color", "nonsense", doc.toString());
        assertEquals(2, color.exit(), color::toString);
        assertTrue(color.err().startsWith("modelctl: Invalid value for option '--color'"), color.err());
        Cli.Result completion = Cli.run("generate-completion", "extra");
        assertEquals(2, completion.exit(), completion::toString);
        assertEquals("", completion.out());
        Path big = write("big.yaml", "scan:\n  max_file_bytes: 18446744073709551617\n");
        assertOneLine(Cli.run("scan", "--config", big.toString(), doc.toString()),
                big + ":2:3: 'max_file_bytes' must be an integer from 1 to 1073741824");
        Path step = write("step.yaml", "deploy:\n  step: 101\n");
        assertOneLine(Cli.run("validate", "--config", step.toString(), doc.toString()), step + ":2:3: 'step' must be an integer from 1 to 100");
        assertOneLine(Cli.run("validate", "--max-bytes", "17592186044417M", doc.toString()),
                "--max-bytes: '17592186044417M' is not a size from 1 to 1024M (examples: 512K, 64M)");
        assertOneLine(Cli.run("validate", "--max-bytes", "2048M", doc.toString()),
                "--max-bytes: '2048M' is over the largest limit, 1024M (a document is held in memory)");
    }

    @Test
    void anEmptyOrCommentOnlyConfigIsAllDefaultsAndOtherFilesSpeakOfThemselves() throws Exception {
        Path doc = example();
        for (String text : new String[]{"", "\n\n", "# nothing configured yet\n   # really\n"}) {
            Path cfg = write("empty.yaml", text);
            Cli.Result r = Cli.run("validate", "--config", cfg.toString(), doc.toString());
            assertEquals(0, r.exit(), r::toString);
        }
        Path catalog = write("catalog.yaml", "# no models\n");
        assertOneLine(Cli.run("validate", "--catalog", catalog.toString(), doc.toString()), catalog + ":1:1: empty model catalog");
        Path listy = write("list.yaml", "- 1\n");
        Cli.Result l = Cli.run("validate", "--config", listy.toString(), doc.toString());
        assertOneLine(l, listy + ":1:1: expected a mapping");
    }

    @Test
    void controlCharactersFromTheInputAreEscapedInTextAndGithubOutput() throws Exception {
        Path doc = write("ansi.yaml", Files.readString(example()).replace("rule_id: core-intent-fast", "rule_id: \"core\\e[2J\\0x\""));
        for (String format : new String[]{"text", "github"}) {
            Cli.Result r = Cli.run("validate", "--format", format, doc.toString());
            assertEquals(1, r.exit(), r::toString);
            assertFalse(r.out().contains("\u001b") || r.out().contains("\0"), r.out());
            assertTrue(r.out().contains("core\\x1b[2J\\x00x"), r.out());
        }
    }

    @Test
    void debugComesFromTheParsedOptionNotFromAFileNamedDebug() throws Exception {
        Cli.Result named = Cli.run("validate", "--", "--debug");
        assertOneLine(named, "--debug: no such file");
        Cli.Result debug = Cli.run("validate", "--debug", "/dev/zero");
        assertEquals(2, debug.exit());
        assertTrue(debug.err().contains("\tat dev.modelctl."), debug.err());
    }

    @Test
    void ownershipGlobsMatchInLinearTime() throws Exception {
        Path doc = example();
        Path ownership = write("own.yaml", "teams:\n  everyone:\n    priority_range: [0, 1000]\n"
                + "    rule_patterns: [\"****************z\", \"*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-q\", \"*\"]\n");
        Path many = write("many.yaml", Files.readString(doc).replace("rule_id: core-intent-fast", "rule_id: " + "a-".repeat(60) + "a"));
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("check", "--ownership", ownership.toString(), many.toString()));
        assertTrue(r.exit() <= 1, r::toString);
        assertFalse(r.out().contains("unowned-rule"), r.out());
    }
}
