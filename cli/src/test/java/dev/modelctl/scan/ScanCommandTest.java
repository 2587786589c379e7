package dev.modelctl.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.Fixture;
import dev.modelctl.testing.GitRepo;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `modelctl scan` on real files of every supported format, with exact positions, plus the modes and suppressions. */
class ScanCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** A repo config with nothing allowed (unless {@code extra} says) and the baseline inside the temporary directory. */
    private Path config(String extra) throws IOException {
        return write("modelctl.yaml", "scan:\n" + (extra.contains("allow:") ? "" : "  allow: []\n")
                + "  baseline: " + dir.resolve("baseline.json") + "\n" + extra);
    }

    /** Rows "check severity file:line:col" (paths relative to {@code base}) and the exit code. */
    private List<String> rows(Cli.Result r, Path base) {
        List<String> rows = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            rows.add(f.located(base));
        }
        rows.add("exit " + r.exit());
        return rows;
    }

    /** The fixture tree {@code scan/formats} (one realistic file per format, positives and near misses) copied to dir. */
    private Path formats() throws IOException {
        return TestFiles.copyTree(Fixture.ROOT.resolve("scan/formats"), dir.resolve("formats"));
    }

    @Test
    void everyFormatPositivesAndNearMisses() throws IOException {
        Path formats = formats();
        Cli.Result r = Cli.run("scan", "--format", "json", "--config", config("").toString(), formats.toString());
        assertEquals(List.of(
                "env-model-key error .env:3:8",                         // export BEDROCK_MODEL_ID="<id>"
                "env-model-key warning .env:4:1",                       // MODEL_TIER=cheap (a comment line names MODEL_ID)
                "env-model-key error .github/workflows/deploy.yml:4:3", // workflow env
                "env-model-key warning .github/workflows/deploy.yml:15:11", // step env; `environment: production` is not env
                "env-model-key error Dockerfile:6:5",                   // ENV K=V K2=V2
                "env-model-key error Dockerfile:7:5",                   // legacy ENV K V
                "env-model-key warning Dockerfile:10:5",                // continuation line, after a comment line
                "env-model-key error Dockerfile:11:5",                  // (ARG, LABEL, `# ENV …` are not env)
                "env-model-key error docker-compose.yml:7:7",           // map form (labels are not env)
                "env-model-key warning docker-compose.yml:12:9",        // list form; a name without value sets nothing
                "env-model-key error ecs-task.json:11:25",              // CloudFormation JSON {Name, Value}
                "env-model-key warning ecs-task.json:12:25",            // {"Ref": …} value
                "env-model-key error infra/ChatStack.java:14:69",       // Map.of(…) with a non-literal before it
                "env-model-key error infra/app.py:13:27",               // environment={…} (a comment and a parameter named environment are not)
                "env-model-key warning infra/app.py:15:57",             // environment=dict(K=v)
                "env-model-key error infra/app.py:16:29",               // add_environment
                "env-model-key error infra/chat-stack.ts:14:9",         // environment: {…} (a comment and a string are not)
                "env-model-key warning infra/chat-stack.ts:15:9",       // props.tier
                "env-model-key error infra/chat-stack.ts:19:24",        // addEnvironment with a template literal
                "env-model-key error k8s/deployment.yaml:6:3",          // ConfigMap data
                "env-model-key error k8s/deployment.yaml:23:21",        // env: - name/value (a versionless inference profile ID)
                "env-model-key warning k8s/deployment.yaml:25:21",      // valueFrom (labels, args are not env)
                "env-model-key error main.tf:15:7",                     // Lambda environment { variables = {…} } (tags are not)
                "env-model-key warning main.tf:16:7",                   // var.model_tier
                "env-model-key error main.tf:30:20",                    // jsonencode([{ environment = [{ name, value }] }])
                "env-model-key warning main.tf:46:17",                  // JSON heredoc with an interpolated value
                "env-model-key error main.tf:58:16",                    // CodeBuild environment_variable block
                "env-model-key error serverless.yml:9:5",               // provider.environment (MODEL_TIER line has modelctl:allow)
                "env-model-key warning serverless.yml:16:7",            // ${ssm:…}
                "hardcoded-model-id error src/Client.java:9:34",        // SDK imports, com.amazonaws and prose are not IDs
                "hardcoded-model-id error src/Client.java:12:51",
                "hardcoded-model-id error src/notebook.ipynb:12:68",    // behind a \n escape inside a JSON string
                "hardcoded-model-id error src/notebook.ipynb:16:19",
                "hardcoded-model-id error src/router.py:6:12",          // amazon.com URLs and the family in prose are not
                "hardcoded-model-id error src/router.py:7:14",
                "hardcoded-model-id error src/router.py:7:59",
                "hardcoded-model-id error src/router.py:8:11",          // versionless global. profile
                "hardcoded-model-id error src/router.py:10:8",          // foundation-model ARN, reported whole
                "hardcoded-model-id error src/router.py:11:16",         // application inference profile ARN
                "env-model-key warning template.yaml:11:9",             // !Ref
                "env-model-key error template.yaml:20:11",              // SAM Environment.Variables
                "exit 1"), rows(r, formats));
        Cli.Result text = Cli.run("scan", "--config", config("").toString(), formats.toString());
        assertTrue(text.out().endsWith("29 errors, 12 warnings, 0 info in 15 files (suppressed: 2 modelctl:allow)\n"), text.out());
    }

    /** Issue: an ID written with a JSON Unicode escape, or used as a JSON key, in a notebook was missed. */
    @Test
    void notebookIdsBehindUnicodeEscapesAndAsJsonKeysAreFoundAtTheirColumns() throws IOException {
        Path nb = write("nb/escaped.ipynb", "{\"cells\": [{\"source\": [\"m = 'anthropic\\u002eclaude-3-haiku-20240307-v1:0'\"],\n"
                + "  \"outputs\": [{\"data\": {\"us.amazon.nova-pro-v1:0\": 12}}]}]}\n");
        Path json = write("nb/keys.json", "{\"amazon.nova-lite-v1:0\": {\"price\": 1}, \"caf\\u00e9\": \"meta.llama3-8b-instruct-v1:0\"}\n");
        Cli.Result r = Cli.run("scan", "--format", "json", "--config", config("").toString(), nb.toString(), json.toString());
        assertEquals(List.of("hardcoded-model-id error nb/escaped.ipynb:1:30", "hardcoded-model-id error nb/escaped.ipynb:2:26",
                "hardcoded-model-id error nb/keys.json:1:3", "hardcoded-model-id error nb/keys.json:1:55", "exit 1"), rows(r, dir));
        assertTrue(r.out().contains("hard-coded Bedrock model ID 'anthropic.claude-3-haiku-20240307-v1:0'"), r.out());
    }

    /**
     * Issue: a 1 MB line with many ARNs took 22 s (columns and overlaps were counted from the line start for every
     * match). Not a benchmark: a guard that a quadratic pass (minutes here) would trip, with every column exact.
     */
    @Test
    void aOneMegabyteLineOfArnsIsScannedWholeWithExactColumns() throws IOException {
        String arn = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";
        int n = 1_000_000 / (arn.length() + 2);
        Path big = write("big/tree.json", "[\"" + (arn + "\",\"").repeat(n - 1) + arn + "\"]\n");
        Cli.Result r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Cli.run("scan", "--format", "json", "--config", config("  max_file_bytes: 2000000\n").toString(), big.toString()));
        List<Findings.Row> findings = Findings.of(r.out());
        assertEquals(n, findings.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(3 + i * (arn.length() + 3), findings.get(i).column(), "finding " + i);
        }
        assertEquals(3 + (n - 1) * (arn.length() + 3), findings.get(n - 1).column());
    }

    @Test
    void blockingMessageNamesFileLineAndTheConfiguredHint() throws IOException {
        Path app = write("svc/app.py", "import boto3\nMODEL = \"" + ID + "\"\n");
        Cli.Result byDefault = Cli.run("scan", "--config", config("").toString(), app.toString());
        assertEquals(1, byDefault.exit());
        assertTrue(byDefault.out().startsWith(app + ":2:10: error [hardcoded-model-id] hard-coded Bedrock model ID '" + ID + "' in " + app + ":2\n"
                + "    hint: Use TieredModelRouter.get_model_id(task_type) instead.\n"), byDefault.out());
        Cli.Result configured = Cli.run("scan", "--config", config("  hint: \"Use ModelRouter.for_task(task) instead.\"\n").toString(), app.toString());
        assertTrue(configured.out().contains("    hint: Use ModelRouter.for_task(task) instead.\n"), configured.out());
        Cli.Result json = Cli.run("scan", "--format", "json", "--config", config("").toString(), app.toString());
        Findings.Row f = Findings.of(json.out()).get(0);
        assertEquals("hardcoded-model-id", f.check());
        assertEquals("error", f.severity());
        assertEquals(app.toString(), f.file());
        assertEquals(2, f.line());
        assertEquals(10, f.column());
        assertEquals("Use TieredModelRouter.get_model_id(task_type) instead.", f.hint());
    }

    @Test
    void allowedGlobsInlineAllowAndSkippedFilesAreCounted() throws IOException {
        write("src/model_ids.py", "SONNET = \"" + ID + "\"\n");                   // the designated constants module
        write("src/ok.py", "LEGACY = \"" + ID + "\"  # modelctl:allow (INC-42)\n");
        Files.write(dir.resolve("src/blob.bin"), new byte[]{1, 0, 2, 'a', 'n', 't'});
        write("src/big.txt", ("x".repeat(100) + "\n").repeat(20_000) + ID + "\n");
        byte[] latin1 = ("caf\u00e9 = 1\nmodel = \"" + ID + "\"\n").getBytes(StandardCharsets.ISO_8859_1); // invalid UTF-8
        Files.write(dir.resolve("src/latin1.py"), latin1);
        Path outside = Files.writeString(Files.createTempFile("outside", ".py"), "M = \"" + ID + "\"\n");
        Files.createSymbolicLink(dir.resolve("src/link.py"), outside);
        Files.createSymbolicLink(dir.resolve("src/loop.py"), dir.resolve("src/loop.py"));
        write("src/.gitignore", "ignored.py\n");
        write("src/ignored.py", "M = \"" + ID + "\"\n");
        write("src/broken.ipynb", "{\"cells\": [ \"model = '" + ID + "'\"\n");    // not JSON: scanned as text
        try {
            Cli.Result r = Cli.run("scan", "--config", config("  max_file_bytes: 1048576\n  allow: ['**/model_ids.py']\n").toString(),
                    dir.resolve("src").toString());
            assertEquals(1, r.exit(), r::toString);
            List<Findings.Row> errors = Findings.text(r.out()).stream().filter(f -> f.severity().equals("error")).toList();
            assertEquals(2, errors.size(), r.out());
            assertEquals("hardcoded-model-id error src/broken.ipynb:1:23", errors.get(0).located(dir), r.out());
            assertEquals("hardcoded-model-id error src/latin1.py:2:10", errors.get(1).located(dir), r.out());
            assertTrue(r.out().endsWith("2 errors, 0 warnings, 0 info in 4 files (skipped: 1 binary, 1 over 1048576 bytes, "
                    + "2 symlinks outside the tree, 1 in allowed paths) (suppressed: 1 modelctl:allow)\n"), r.out());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void baselineRoundTripSurvivesLineMovesAndPartialUpdatesKeepOtherFiles() throws IOException {
        Path legacy = write("legacy.py", "A = \"" + ID + "\"\nB = \"" + ID + "\"\n");
        Path other = write("other.py", "C = \"us.amazon.nova-pro-v1:0\"\n");
        String cfg = config("").toString();
        Cli.Result update = Cli.run("scan", "--config", cfg, "--update-baseline", legacy.toString(), other.toString());
        assertEquals(0, update.exit(), update::toString);
        assertEquals("modelctl: baseline " + dir.resolve("baseline.json") + ": 3 accepted findings (3 from this scan)\n", update.err());
        JsonNode baseline = MAPPER.readTree(dir.resolve("baseline.json").toFile());
        assertEquals(3, baseline.get("findings").size());
        assertEquals("hardcoded-model-id", baseline.at("/findings/0/check").asText());
        assertEquals(ID, baseline.at("/findings/0/match").asText());
        // lines move: still accepted
        Files.writeString(legacy, "# header\n\nA = \"" + ID + "\"\nB = \"" + ID + "\"\n");
        Cli.Result again = Cli.run("scan", "--config", cfg, legacy.toString(), other.toString());
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().endsWith("0 errors, 0 warnings, 0 info in 2 files (suppressed: 3 in baseline)\n"), again.out());
        // a third occurrence of the same ID is new
        Files.writeString(legacy, Files.readString(legacy) + "C = \"" + ID + "\"\n");
        Cli.Result third = Cli.run("scan", "--config", cfg, legacy.toString());
        assertEquals(1, third.exit());
        assertTrue(third.out().startsWith(legacy + ":5:6: error [hardcoded-model-id]"), third.out());
        assertEquals(3, Findings.text(Cli.run("scan", "--config", cfg, "--no-baseline", legacy.toString()).out()).stream()
                .filter(f -> f.severity().equals("error")).count());
        // updating from a scan of one file keeps what was accepted in the others
        Cli.Result partial = Cli.run("scan", "--config", cfg, "--update-baseline", legacy.toString());
        assertEquals("modelctl: baseline " + dir.resolve("baseline.json") + ": 4 accepted findings (3 from this scan, 1 kept for files not scanned)\n",
                partial.err());
        assertEquals(0, Cli.run("scan", "--config", cfg, legacy.toString(), other.toString()).exit());
        // a corrupt baseline is one clear error, not a stack trace
        Files.writeString(dir.resolve("baseline.json"), "[1, 2");
        Cli.Result corrupt = Cli.run("scan", "--config", cfg, legacy.toString());
        assertEquals(2, corrupt.exit());
        assertTrue(corrupt.err().startsWith("modelctl: " + dir.resolve("baseline.json") + ": not a modelctl baseline"), corrupt.err());
    }

    @Test
    void stagedSinceAndTrackedModesInARealRepository() throws Exception {
        Path repo = dir.resolve("repo");
        try (GitRepo git = GitRepo.init(repo)) {
            Files.writeString(repo.resolve("clean.py"), "print('hi')\n");
            Files.writeString(repo.resolve(".gitignore"), "build/\n");
            git.commitAll("init");
            Files.writeString(repo.resolve("svc.py"), "MODEL = \"" + ID + "\"\n");
            git.add("svc.py");
        }
        // fixed in the working tree but not staged: the commit would still contain the ID
        Files.writeString(repo.resolve("svc.py"), "MODEL = router.get_model_id('chat')\n");
        Files.createDirectories(repo.resolve("build"));
        Files.writeString(repo.resolve("build/gen.py"), "M = \"" + ID + "\"\n"); // ignored, untracked
        Files.writeString(repo.resolve("new.py"), "M = \"amazon.nova-lite-v1:0\"\n"); // untracked

        Cli.Result staged = Cli.runIn(repo, "scan", "--staged");
        assertEquals(1, staged.exit(), staged::toString);
        assertTrue(staged.out().startsWith("svc.py:1:10: error [hardcoded-model-id] hard-coded Bedrock model ID '" + ID + "' in svc.py:1\n"), staged.out());
        assertTrue(staged.out().endsWith("1 error, 0 warnings, 0 info in 3 files\n"), staged.out()); // .gitignore, clean.py, svc.py blobs

        Cli.Result tracked = Cli.runIn(repo, "scan"); // every tracked file, working-tree content: untracked and ignored files are not scanned
        assertEquals(0, tracked.exit(), tracked::toString);
        assertTrue(tracked.out().endsWith("0 errors, 0 warnings, 0 info in 3 files\n"), tracked.out());

        Cli.Result since = Cli.runIn(repo, "scan", "--since", "main", "--format", "json");
        assertEquals(List.of("exit 0"), rows(since, repo)); // svc.py changed since main, and is clean in the working tree
        assertEquals("1 file", MAPPER.readTree(since.out()).at("/summary/examined").asText(), since.out()); // not new.py: untracked

        Cli.Result badRef = Cli.runIn(repo, "scan", "--since", "no-such-branch");
        assertEquals(2, badRef.exit());
        assertTrue(badRef.err().startsWith("modelctl: --since no-such-branch: no such revision"), badRef.err());

        Path plain = dir.resolve("plain"); // outside a repository: the walk honours .gitignore
        Files.createDirectories(plain.resolve("build"));
        Files.writeString(plain.resolve(".gitignore"), "build/\n");
        Files.writeString(plain.resolve("build/gen.py"), "M = \"" + ID + "\"\n");
        Files.writeString(plain.resolve("app.py"), "M = \"" + ID + "\"\n");
        Cli.Result walk = Cli.runIn(plain, "scan");
        assertEquals(1, walk.exit());
        assertTrue(walk.out().startsWith("app.py:1:6: error [hardcoded-model-id]"), walk.out());
        assertTrue(walk.out().endsWith("1 error, 0 warnings, 0 info in 2 files\n"), walk.out());
        Cli.Result noRepo = Cli.runIn(plain, "scan", "--staged");
        assertEquals(2, noRepo.exit());
        assertTrue(noRepo.err().startsWith("modelctl: --staged: ") && noRepo.err().contains("is not inside a git repository"), noRepo.err());
    }

    @Test
    void theRoutingDocumentsAndCatalogTheConfigNamesAreAllowed() throws Exception {
        Path repo = dir.resolve("svc");
        Files.createDirectories(repo.resolve("routing"));
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve(".modelctl.yaml"), "documents: [routing/prod.yaml]\ncatalog: models/catalog[v2].yaml\n");
        Files.writeString(repo.resolve("routing/prod.yaml"), "models:\n  fast: {model_id: " + ID + ", max_tokens: 512}\n");
        Files.writeString(repo.resolve("models/catalog[v2].yaml"), "models:\n  - model_id: " + ID + "\n    max_output_tokens: 4096\n");
        Files.writeString(repo.resolve("routing/staging.yaml"), "models:\n  fast: {model_id: " + ID + ", max_tokens: 512}\n");
        Cli.Result r = Cli.runIn(repo, "scan", "--no-baseline");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("routing/staging.yaml:2:20: error [hardcoded-model-id]"), r.out()); // not named by the config
        // allowed: the document and the catalog the config names, and the config itself (a default glob)
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info in 1 file (skipped: 3 in allowed paths)\n"), r.out());
    }

    @Test
    void sarifOutputValidatesAgainstTheSchema() throws Exception {
        Cli.Result r = Cli.run("scan", "--format", "sarif", "--config", config("").toString(), formats().toString());
        assertEquals(1, r.exit());
        JsonNode sarif = MAPPER.readTree(r.out());
        Schema schema;
        try (InputStream in = ScanCommandTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
        JsonNode results = sarif.at("/runs/0/results");
        assertEquals(41, results.size());
        JsonNode first = results.get(0);
        assertEquals("env-model-key", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertTrue(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("formats/.env"));
        assertEquals(3, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(8, first.at("/locations/0/physicalLocation/region/startColumn").asInt());
        List<String> ruleIds = new ArrayList<>();
        sarif.at("/runs/0/tool/driver/rules").forEach(rule -> ruleIds.add(rule.get("id").asText()));
        assertTrue(ruleIds.containsAll(List.of("hardcoded-model-id", "env-model-key")), ruleIds::toString);
        Cli.Result gh = Cli.run("scan", "--format", "github", "--config", config("").toString(), write("a.py", "M = '" + ID + "'\n").toString());
        assertTrue(gh.out().startsWith("::error file=" + dir.resolve("a.py") + ",line=1,col=6,title=modelctl hardcoded-model-id::"), gh.out());
        Cli.Result md = Cli.run("scan", "--format", "markdown", "--config", config("").toString(), dir.resolve("a.py").toString());
        assertTrue(md.out().contains("hardcoded-model-id"), md.out());
        assertTrue(md.out().contains("| "), md.out());
    }

    @Test
    void repoRulesExtendAndOverrideTheBuiltInOnes() throws IOException {
        Path rules = write("rules/internal.yaml", """
                version: 1
                rules:
                  - id: internal-model-alias
                    check: hardcoded-model-id
                    description: our gateway's model aliases
                    keywords: ['gw-model-']
                    max_prefix: 0
                    pattern: 'gw-model-[a-z]+-v[0-9]+'
                    examples:
                      match: ['model = "gw-model-sonnet-v2"']
                      no_match: ['gw-model-']
                  - id: bedrock-model-arn
                    check: hardcoded-model-id
                    description: overridden, provisioned models only
                    keywords: [':bedrock:']
                    max_prefix: 24
                    pattern: 'arn:aws:bedrock:[a-z0-9-]+:[0-9]{12}:provisioned-model/[a-z0-9]+'
                    examples:
                      match: ['arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123']
                      no_match: ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc']
                """);
        Path app = write("app.py", "A = 'gw-model-sonnet-v2'\nB = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc'\n"
                + "C = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123'\n");
        Cli.Result r = Cli.run("scan", "--format", "json", "--config", config("  rules: [" + rules + "]\n").toString(), app.toString());
        assertEquals(List.of("hardcoded-model-id error app.py:1:6", "hardcoded-model-id error app.py:3:6", "exit 1"), rows(r, dir));

        Files.writeString(rules, Files.readString(rules).replace("match: ['model = \"gw-model-sonnet-v2\"']", "match: ['model = \"gw-model-v2\"']"));
        Cli.Result broken = Cli.run("scan", "--config", config("  rules: [" + rules + "]\n").toString(), app.toString());
        assertEquals(2, broken.exit());
        assertEquals("modelctl: " + rules + ":3: rule internal-model-alias: example 'model = \"gw-model-v2\"' must match but does not "
                + "(check the pattern, and that a keyword occurs in the example)\n", broken.err());

        Files.writeString(rules, "version: 1\nrules:\n  - id: bad\n    keywords: [x]\n    pattern: '(unclosed'\n");
        Cli.Result badRegex = Cli.run("scan", "--config", config("  rules: [" + rules + "]\n").toString(), app.toString());
        assertEquals(2, badRegex.exit());
        assertTrue(badRegex.err().startsWith("modelctl: " + rules + ":3: rule bad: invalid pattern: "), badRegex.err());
    }
}
