package dev.modelctl.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Rows "check severity file:line:col" for a scan of the given files (paths relative to dir). */
    private List<String> scan(String... names) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--format", "json", "--config", dir.resolve("none.yaml").toString()));
        for (String n : names) {
            args.add(dir.resolve(n).toString());
        }
        Files.writeString(dir.resolve("none.yaml"), "scan:\n  baseline: " + dir.resolve("baseline.json") + "\n");
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        List<String> rows = new ArrayList<>();
        for (JsonNode f : MAPPER.readTree(r.out()).get("findings")) {
            rows.add(f.get("check").asText() + " " + f.get("severity").asText() + " " + Path.of(f.get("file").asText()).getFileName() + ":"
                    + f.get("line").asInt() + ":" + f.get("column").asInt());
        }
        rows.add("exit " + r.exit());
        return rows;
    }

    @Test
    void sourceCodeIdsWithExactColumnsAndPrecision() throws IOException {
        write("app.py", """
                import boto3
                # We route with Anthropic Claude 3.5 Sonnet; see https://aws.amazon.com/bedrock/
                MODEL = "%s"
                client = boto3.client("bedrock-runtime")
                profile = 'us.amazon.nova-pro-v1:0'  # cross-region
                legacy = "%s"  # modelctl:allow
                """.formatted(ID, ID));
        write("Client.java", """
                import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
                import com.amazonaws.services.s3.AmazonS3;
                class C { String arn = "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0"; }
                """);
        assertEquals(List.of("hardcoded-model-id error Client.java:3:25", "hardcoded-model-id error app.py:3:10",
                "hardcoded-model-id error app.py:5:12", "exit 1"), scan("app.py", "Client.java"));
        Cli.Result text = Cli.run("scan", dir.resolve("app.py").toString());
        assertTrue(text.out().contains("error [hardcoded-model-id] hard-coded Bedrock model ID '" + ID + "' in "), text.out());
        assertTrue(text.out().contains("hint: Use TieredModelRouter.get_model_id(task_type) instead."), text.out());
        assertTrue(text.out().contains("(suppressed: 1 modelctl:allow)"), text.out());
    }

    @Test
    void envModelKeysInEveryDeploymentFormat() throws IOException {
        write("serverless.yml", "provider:\n  name: aws\n  environment:\n    BEDROCK_MODEL_ID: " + ID + "\n    LOG_LEVEL: info\n    BEDROCK_REGION: us-east-1\n");
        write("template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n"
                + "      Environment:\n        Variables:\n          MODEL_ID: !Ref ModelParam\n          FM_ID: " + ID + "\n");
        write("stack.json", "{\"Resources\": {\"Fn\": {\"Properties\": {\"Environment\": {\"Variables\": {\n  \"CHAT_MODEL\": \"" + ID + "\"}}}}}}\n");
        write("Dockerfile", "FROM python:3.12\nENV MODEL_ID=" + ID + " OTHER=1\nENV BEDROCK_FALLBACK " + ID + "\nENV PORT=8080\n");
        write("docker-compose.yml", "services:\n  api:\n    environment:\n      MODEL_NAME: " + ID + "\n  worker:\n    environment:\n      - MODEL_TIER=cheap\n      - DEBUG=1\n");
        write("k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
                + "        - name: api\n          env:\n            - name: BEDROCK_MODEL\n              value: " + ID + "\n            - name: HOME\n              value: /app\n");
        write(".github/workflows/ci.yml", "on: push\nenv:\n  MODEL_ID: " + ID + "\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        env:\n          EVAL_MODEL: small\n");
        write(".env", "# local\nexport MODEL_ID=\"" + ID + "\"\nAPP_MODEL_TIER=cheap # comment\nSECRET=x\n");
        write("main.tf", "resource \"aws_lambda_function\" \"f\" {\n  environment {\n    variables = {\n      MODEL_ID = \"" + ID + "\"\n      STAGE = \"prod\"\n    }\n  }\n}\n");
        write("stack.ts", "new lambda.Function(this, 'Fn', {\n  runtime: lambda.Runtime.NODEJS_20_X,\n  environment: {\n    MODEL_ID: '" + ID + "',\n    TABLE: 't',\n  },\n});\n");
        write("stack.py", "_lambda.Function(self, 'Fn',\n    environment={\"BEDROCK_MODEL\": \"fast\", \"TABLE\": \"t\"})\nfn.add_environment(\"FM_ID\", \"" + ID + "\")\n");
        write("Stack.java", "Function.Builder.create(this, \"Fn\")\n    .environment(Map.of(\"MODEL_ID\", \"" + ID + "\", \"TABLE\", \"t\"))\n    .build();\n");
        List<String> rows = scan("serverless.yml", "template.yaml", "stack.json", "Dockerfile", "docker-compose.yml", "k8s.yaml",
                ".github/workflows/ci.yml", ".env", "main.tf", "stack.ts", "stack.py", "Stack.java");
        assertEquals(List.of(
                "env-model-key error .env:2:8",
                "env-model-key warning .env:3:1",
                "env-model-key error ci.yml:3:3",
                "env-model-key warning ci.yml:10:11",
                "env-model-key error docker-compose.yml:4:7",
                "env-model-key warning docker-compose.yml:7:9",
                "env-model-key error Dockerfile:2:5",
                "env-model-key error Dockerfile:3:5",
                "env-model-key error k8s.yaml:12:21",
                "env-model-key error main.tf:4:7",
                "env-model-key error serverless.yml:4:5",
                "env-model-key warning serverless.yml:6:5",
                "env-model-key error Stack.java:2:26",
                "env-model-key error stack.json:2:3",
                "env-model-key warning stack.py:2:19",
                "env-model-key error stack.py:3:21",
                "env-model-key error stack.ts:4:5",
                "env-model-key warning template.yaml:8:11",
                "env-model-key error template.yaml:9:11",
                "exit 1"), sortedByFile(rows));
    }

    private static List<String> sortedByFile(List<String> rows) {
        List<String> body = new ArrayList<>(rows.subList(0, rows.size() - 1));
        body.sort(java.util.Comparator.comparing((String r) -> r.split(" ")[2].split(":")[0].toLowerCase())
                .thenComparingInt(r -> Integer.parseInt(r.split(" ")[2].split(":")[1])));
        body.add(rows.get(rows.size() - 1));
        return body;
    }

    @Test
    void allowedPathsBinaryLargeSymlinksAndInvalidUtf8() throws IOException {
        write("src/model_ids.py", "SONNET = \"" + ID + "\"\n");
        Files.write(dir.resolve("src/blob.bin"), new byte[]{1, 0, 2, 'a', 'n', 't'});
        write("src/big.txt", ("x".repeat(100) + "\n").repeat(20_000) + ID + "\n");
        byte[] latin1 = ("caf\u00e9 = 1\nmodel = \"" + ID + "\"\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("src/latin1.py"), latin1);
        Path outside = Files.writeString(Files.createTempFile("outside", ".py"), "M = \"" + ID + "\"\n");
        Files.createSymbolicLink(dir.resolve("src/link.py"), outside);
        write("src/.gitignore", "ignored.py\n");
        write("src/ignored.py", "M = \"" + ID + "\"\n");
        write("src/notebook.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"model = \\\"" + ID + "\\\"\\n\"]}]}\n");
        Files.writeString(dir.resolve("none.yaml"), "scan:\n  max_file_bytes: 1048576\n  allow: ['**/model_ids.py']\n");
        Cli.Result r = Cli.run("scan", "--config", dir.resolve("none.yaml").toString(), dir.resolve("src").toString());
        assertEquals(1, r.exit(), r::toString);
        List<String> errors = r.out().lines().filter(l -> l.contains("error [")).toList();
        assertEquals(2, errors.size(), r.out());
        assertTrue(errors.get(0).contains("latin1.py:2:10: error [hardcoded-model-id]"), errors.get(0));
        assertTrue(errors.get(1).contains("notebook.ipynb:1:56: error [hardcoded-model-id]"), errors.get(1));
        assertTrue(r.out().contains("in 3 files (skipped: 1 binary, 1 over 1048576 bytes, 1 symlinks outside the tree, 1 in allowed paths)"), r.out());
        Files.delete(outside);
    }

    @Test
    void baselineRoundTripSurvivesLineMoves() throws IOException {
        write("legacy.py", "A = \"" + ID + "\"\nB = \"" + ID + "\"\n");
        Path config = Files.writeString(dir.resolve("c.yaml"), "scan:\n  baseline: " + dir.resolve("baseline.json") + "\n");
        Cli.Result update = Cli.run("scan", "--config", config.toString(), "--update-baseline", dir.resolve("legacy.py").toString());
        assertEquals(0, update.exit(), update::toString);
        JsonNode baseline = MAPPER.readTree(dir.resolve("baseline.json").toFile());
        assertEquals(2, baseline.get("findings").size());
        // lines move: still baselined
        Files.writeString(dir.resolve("legacy.py"), "# header\n\nA = \"" + ID + "\"\nB = \"" + ID + "\"\n");
        Cli.Result again = Cli.run("scan", "--config", config.toString(), dir.resolve("legacy.py").toString());
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains("(suppressed: 2 in baseline)"), again.out());
        // a third occurrence is new
        Files.writeString(dir.resolve("legacy.py"), Files.readString(dir.resolve("legacy.py")) + "C = \"" + ID + "\"\n");
        Cli.Result third = Cli.run("scan", "--config", config.toString(), dir.resolve("legacy.py").toString());
        assertEquals(1, third.exit());
        assertTrue(third.out().contains("legacy.py:5:6: error [hardcoded-model-id]"), third.out());
        Cli.Result all = Cli.run("scan", "--config", config.toString(), "--no-baseline", dir.resolve("legacy.py").toString());
        assertEquals(3, all.out().lines().filter(l -> l.contains("error [")).count());
    }

    @Test
    void stagedScansTheIndexNotTheWorkingTree() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("clean.py", "print('hi')\n");
            git.add().addFilepattern("clean.py").call();
            git.commit().setMessage("init").setAuthor("t", "t@e").setCommitter("t", "t@e").setSign(false).call();
            write("svc.py", "MODEL = \"" + ID + "\"\n");
            git.add().addFilepattern("svc.py").call();
            // fixed in the working tree but not staged: the commit would still contain the ID
            write("svc.py", "MODEL = router.get_model_id('chat')\n");
        }
        String cwd = System.getProperty("user.dir");
        try {
            System.setProperty("user.dir", dir.toString());
            Cli.Result staged = Cli.run("scan", "--staged", "--config", dir.resolve("absent.yaml").toString());
            assertEquals(2, staged.exit(), staged::toString); // explicit --config that does not exist
        } finally {
            System.setProperty("user.dir", cwd);
        }
        dev.modelctl.core.scan.ScanStats stats = new dev.modelctl.core.scan.ScanStats();
        try (var sources = dev.modelctl.git.ScanSources.open(dir, stats)) {
            var scanner = new dev.modelctl.core.scan.Scanner(dev.modelctl.core.scan.ScanRules.load(List.of()), List.of(), "hint", 1 << 20);
            var staged = scanner.scan(sources.staged(), dev.modelctl.core.scan.Baseline.empty(), stats);
            assertEquals(1, staged.findings().size());
            assertEquals("svc.py", staged.findings().get(0).file());
            assertEquals(1, staged.findings().get(0).line());
            var tree = scanner.scan(sources.all(), dev.modelctl.core.scan.Baseline.empty(), new dev.modelctl.core.scan.ScanStats());
            assertEquals(0, tree.findings().size());
            var since = scanner.scan(sources.changedSince("main"), dev.modelctl.core.scan.Baseline.empty(), new dev.modelctl.core.scan.ScanStats());
            assertEquals(0, since.findings().size());
        }
    }

    @Test
    void sarifAndGithubFormats() throws IOException {
        write("app.py", "MODEL = \"" + ID + "\"\n");
        Cli.Result sarif = Cli.run("scan", "--format", "sarif", dir.resolve("app.py").toString());
        JsonNode result = MAPPER.readTree(sarif.out()).at("/runs/0/results/0");
        assertEquals("hardcoded-model-id", result.get("ruleId").asText());
        assertEquals(1, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(10, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
        Cli.Result gh = Cli.run("scan", "--format", "github", dir.resolve("app.py").toString());
        assertTrue(gh.out().startsWith("::error file="), gh.out());
        assertTrue(gh.out().contains(",line=1,col=10,title=modelctl hardcoded-model-id::"), gh.out());
    }
}
