package dev.modelctl.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.fakes.FakeBedrockRuntime;
import dev.modelctl.testing.FakeAwsCredentials;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code modelctl smoke} end to end: the real CLI and the real SDK BedrockRuntimeClient (endpoint override, fake static
 * credentials) against an in-process Bedrock Runtime that speaks the InvokeModel wire protocol and validates bodies.
 */
class SmokeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURES = Cli.repoRoot().resolve("cli/src/test/resources/smoke");
    private static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    @TempDir
    Path dir;
    FakeBedrockRuntime bedrock;
    Path document;

    @BeforeAll
    static void fakeCredentials() {
        FakeAwsCredentials.install();
    }

    @BeforeEach
    void start() throws IOException {
        bedrock = new FakeBedrockRuntime()
                .model(SONNET, "anthropic-messages", 8192)
                .model(HAIKU, "anthropic-messages", 4096)
                .model("amazon.nova-lite-v1:0", "nova-messages", 10000)
                .model("amazon.titan-text-lite-v1", "titan-text", 4096)
                .model("meta.llama3-1-8b-instruct-v1:0", "llama", 2048)
                .model("mistral.mistral-7b-instruct-v0:2", "mistral", 8192)
                .model("mistral.mistral-large-2407-v1:0", "mistral-chat", 8192)
                .model("cohere.command-r-v1:0", "cohere-command-r", 4000)
                .model("ai21.jamba-1-5-mini-v1:0", "ai21-jamba", 4096)
                .model("deepseek.r1-v1:0", "deepseek", 32768)
                .retire("anthropic.claude-v2:1");
        bedrock.start();
        Files.writeString(dir.resolve("none.yaml"), "{}\n");
        document = Files.copy(FIXTURES.resolve("routing.yaml"), dir.resolve("routing.yaml"));
    }

    @AfterEach
    void stop() {
        bedrock.close();
    }

    private List<String> args(Path doc, String... extra) {
        List<String> args = new ArrayList<>(List.of("smoke", doc.toString(), "--catalog", FIXTURES.resolve("catalog.yaml").toString(),
                "--region", "us-east-1", "--config", dir.resolve("none.yaml").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private Cli.Result smoke(Path doc, String... extra) {
        List<String> args = args(doc, extra);
        args.addAll(List.of("--endpoint-url", "bedrock-runtime=" + bedrock.endpoint()));
        return Cli.run(args.toArray(String[]::new));
    }

    private Cli.Result smoke(String... extra) {
        return smoke(document, extra);
    }

    private void edit(String from, String to) throws IOException {
        TestFiles.edit(document, from, to);
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        return MAPPER.readTree(r.out());
    }

    @Test
    void everyModelBlockAndUseCaseIsCalledWithTokensAndCost() throws IOException {
        Cli.Result r = smoke("--format", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode root = json(r);
        assertEquals(0, Findings.of(r.out()).size());
        // 4 model blocks + product_recommendation (model, cost override) + intent_classify (model, cost override) + moderation
        JsonNode calls = root.get("calls");
        assertEquals(9, calls.size());
        assertEquals(9, bedrock.invocations.size());
        List<String> labels = new ArrayList<>();
        calls.forEach(c -> labels.add(c.get("model").asText() + "/" + c.get("use_case").asText("-") + (c.get("cost_override").asBoolean() ? "*" : "")));
        assertEquals(List.of("claude_sonnet/-", "claude_haiku/-", "nova_lite/-", "titan_lite/-", "claude_sonnet/product_recommendation",
                "claude_haiku/product_recommendation*", "nova_lite/intent_classify", "titan_lite/intent_classify*", "claude_haiku/moderation"), labels);

        JsonNode sonnet = calls.get(0);
        assertEquals(SONNET, sonnet.get("model_id").asText());
        assertEquals(3, sonnet.get("line").asInt());
        assertEquals(14, sonnet.get("input_tokens").asInt(), "from X-Amzn-Bedrock-Input-Token-Count");
        assertEquals(1, sonnet.get("output_tokens").asInt());
        assertEquals(14 / 1000.0 * 0.003 + 1 / 1000.0 * 0.015, sonnet.get("cost_usd").asDouble(), 1e-12);
        assertEquals(8192, sonnet.get("max_tokens_document").asInt());
        assertEquals(32, sonnet.get("max_tokens_sent").asInt(), "a valid max_tokens is capped for the smoke call");
        assertEquals(16, calls.get(3).get("max_tokens_sent").asInt(), "a max_tokens under the cap is sent as written");
        assertEquals(9, calls.get(2).get("input_tokens").asInt(), "Nova");

        // the worst case: 32 prompt tokens plus the max_tokens sent, at catalog prices, per call
        double sonnetCall = 0.032 * 0.003 + 0.032 * 0.015;
        double haikuCall = 0.032 * 0.00025 + 0.032 * 0.00125;
        double novaCall = 0.032 * 0.00006 + 0.032 * 0.00024;
        double titanCall = 0.032 * 0.00015 + 0.016 * 0.0002;
        assertEquals(2 * sonnetCall + 3 * haikuCall + 2 * novaCall + 2 * titanCall, root.get("cost").get("estimate_usd").asDouble(), 1e-12);
        double actual = 0;
        for (JsonNode c : calls) {
            actual += c.get("cost_usd").asDouble();
        }
        assertEquals(actual, root.get("cost").get("actual_usd").asDouble(), 1e-12);

        // the bodies are the document's own parameters in each native format
        JsonNode haikuBody = bedrock.bodiesFor(HAIKU).get(0);
        assertEquals("bedrock-2023-05-31", haikuBody.get("anthropic_version").asText());
        assertEquals(32, haikuBody.get("max_tokens").asInt());
        assertEquals(0.2, haikuBody.get("temperature").asDouble());
        assertEquals(0.9, haikuBody.get("top_p").asDouble());
        assertEquals("\n\nHuman:", haikuBody.get("stop_sequences").get(0).asText());
        assertEquals("user", haikuBody.get("messages").get(0).get("role").asText());
        JsonNode novaBody = bedrock.bodiesFor("us.amazon.nova-lite-v1:0").get(0);
        assertEquals(32, novaBody.at("/inferenceConfig/maxTokens").asInt());
        assertEquals(0.0, novaBody.at("/inferenceConfig/temperature").asDouble());
        assertTrue(bedrock.invocations.stream().allMatch(i -> "application/json".equals(i.contentType())));
    }

    @Test
    void textOutputIsACallTableThenTheSummary() {
        Cli.Result r = smoke("--use-case", "moderation");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).matches("CALL +MODEL ID +MAX_TOKENS +RESULT +LATENCY +TOKENS IN/OUT +COST"), lines.get(0));
        assertTrue(lines.get(1).matches("use case moderation → claude_haiku +" + HAIKU.replace(".", "\\.") + " +32 of 4096 +ok +\\d+ ms +14/1 +\\$0\\.000005"),
                lines.get(1));
        assertTrue(lines.get(2).matches("1 calls: 1 ok, 0 failed; slowest \\d+ ms; cost \\$0\\.000005 \\(worst-case estimate \\$0\\.000048\\)"), lines.get(2));
        assertEquals("0 errors, 0 warnings, 0 info in 1 smoke call", lines.get(3));
    }

    @Test
    void missingAnthropicVersionFailsWithBedrocksOwnMessageAtTheModelBlock() throws IOException {
        edit("    temperature: 0.3\n    anthropic_version: bedrock-2023-05-31\n", "    temperature: 0.3\n");
        Cli.Result r = smoke("--format", "json");
        assertEquals(1, r.exit(), r::toString);
        List<Findings.Row> findings = Findings.of(r.out());
        assertEquals(1, findings.size(), "the block's two failed calls are one finding: " + findings);
        Findings.Row f = findings.get(0);
        assertEquals("smoke-call-failed", f.check());
        assertEquals("error", f.severity());
        assertEquals(3, f.line());
        assertEquals(3, f.column());
        assertEquals("InvokeModel " + SONNET + " failed: ValidationException: Malformed input request: #: required key [anthropic_version] "
                + "not found, please reformat your input and try again. [model block claude_sonnet; use case product_recommendation]", f.message());
        assertFalse(bedrock.bodiesFor(SONNET).get(0).has("anthropic_version"), "smoke never adds what the document lacks");
        assertEquals(1, json(r).get("summary").get("exit_code").asInt());

        Cli.Result text = smoke("--use-case", "product_recommendation");
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("FAIL ValidationException"), text.out());
        assertTrue(text.out().contains(document + ":3:3: error [smoke-call-failed] InvokeModel " + SONNET
                + " failed: ValidationException: Malformed input request: #: required key [anthropic_version] not found"), text.out());
        assertTrue(text.out().contains("2 calls: 1 ok, 1 failed"), text.out());
    }

    @Test
    void maxTokensOverTheModelLimitIsSentAsWrittenAndFails() throws IOException {
        edit("max_tokens: 4096", "max_tokens: 9000");
        Cli.Result r = smoke("--use-case", "moderation", "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(9000, bedrock.bodiesFor(HAIKU).get(0).get("max_tokens").asInt(), "the cap never hides an invalid value");
        Findings.Row f = Findings.of(r.out()).get(0);
        assertEquals(8, f.line());
        assertEquals("InvokeModel " + HAIKU + " failed: ValidationException: max_tokens: 9000 > 4096, which is the maximum allowed number of "
                + "output tokens for " + HAIKU + " [use case moderation]", f.message());
        // the estimate counts at most the model's 4096 output tokens for it
        assertEquals(0.032 * 0.00025 + 4.096 * 0.00125, json(r).get("cost").get("estimate_usd").asDouble(), 1e-12);
    }

    @Test
    void maxOutputTokensDocumentSendsEveryValueAsWritten() throws IOException {
        Cli.Result r = smoke("--use-case", "product_recommendation", "--max-output-tokens", "document", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(8192, bedrock.bodiesFor(SONNET).get(0).get("max_tokens").asInt());
        assertEquals(4096, bedrock.bodiesFor(HAIKU).get(0).get("max_tokens").asInt());
        Cli.Result five = smoke("--use-case", "moderation", "--max-output-tokens", "5");
        assertEquals(0, five.exit(), five::toString);
        assertEquals(5, bedrock.bodiesFor(HAIKU).get(1).get("max_tokens").asInt());
        Cli.Result bad = smoke("--max-output-tokens", "0");
        assertEquals(2, bad.exit());
        assertEquals("modelctl: --max-output-tokens: '0' is neither a positive number of tokens nor 'document'\n", bad.err());
    }

    @Test
    void maxCostRefusesOnTheEstimateBeforeAnyCall() throws IOException {
        Cli.Result r = smoke("--max-cost", "0.0001");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: smoke: 9 calls could cost up to $0.001331 (catalog prices, prompt plus max_tokens sent), "
                + "over --max-cost $0.000100; nothing was called\n", r.err());
        assertEquals("", r.out());
        assertEquals(0, bedrock.requests.get(), "no request reached Bedrock");

        Cli.Result within = smoke("--max-cost", "0.002");
        assertEquals(0, within.exit(), within::toString);
        assertEquals(9, bedrock.requests.get());
    }

    @Test
    void concurrencyIsBounded() {
        bedrock.delay(150);
        Cli.Result r = smoke("--concurrency", "3");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(3, bedrock.maxInFlight.get(), "calls overlap, and never more than 3 at once");
        bedrock.maxInFlight.set(0);
        Cli.Result serial = smoke("--concurrency", "1", "--use-case", "intent_classify,moderation");
        assertEquals(0, serial.exit(), serial::toString);
        assertEquals(1, bedrock.maxInFlight.get());
        assertEquals(2, Cli.run(args(document, "--concurrency", "0").toArray(String[]::new)).exit());
    }

    @Test
    void throttlingOnceIsRetriedBySdk() {
        bedrock.throttleNext(1);
        Cli.Result r = smoke("--use-case", "moderation");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, bedrock.requests.get(), "one throttled attempt, one retry");
        assertEquals(1, bedrock.invocations.size());
    }

    @Test
    void throttledPastTheRetriesIsExit2() {
        bedrock.failEveryRequest(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        Cli.Result r = smoke("--use-case", "moderation");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: Bedrock InvokeModel " + HAIKU + ": ThrottlingException: Too many requests, please wait before trying again. "
                + "(throttled even after the SDK's retries: lower --concurrency or try again in a minute)\n", r.err());
        assertEquals(3, bedrock.requests.get(), "the SDK's standard mode: 3 attempts");
    }

    @Test
    void perCallTimeoutFailsTheCall() throws IOException {
        bedrock.delay(1500);
        Cli.Result r = smoke("--use-case", "moderation", "--timeout", "300ms", "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode call = json(r).get("calls").get(0);
        assertEquals("Timeout", call.get("error_code").asText());
        assertTrue(call.get("latency_ms").asLong() < 1400, "the call was abandoned at the timeout: " + call);
        Findings.Row f = Findings.of(r.out()).get(0);
        assertEquals("InvokeModel " + HAIKU + " failed: Timeout: no answer within 300ms (--timeout) [use case moderation]", f.message());
        assertEquals("no answer within --timeout: retry with a longer --timeout, or check the model's latency", f.hint());
    }

    @Test
    void useCaseFilterCallsOnlyThoseUseCasesModels() throws IOException {
        Cli.Result r = smoke("--use-case", "intent_classify", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("us.amazon.nova-lite-v1:0", "amazon.titan-text-lite-v1"),
                bedrock.invocations.stream().map(FakeBedrockRuntime.Invocation::modelId).sorted((a, b) -> a.startsWith("us.") ? -1 : 1).toList());
        assertEquals(2, json(r).get("calls").size());
        assertTrue(json(r).get("calls").get(1).get("cost_override").asBoolean());

        Cli.Result two = smoke("--use-case", "moderation,intent_classify");
        assertEquals(0, two.exit(), two::toString);
        assertTrue(two.out().contains("3 calls: 3 ok"), two.out());

        Cli.Result typo = smoke("--use-case", "moderaton");
        assertEquals(2, typo.exit());
        assertEquals("modelctl: --use-case: " + document + " has no use case 'moderaton' (did you mean 'moderation'?)\n", typo.err());
    }

    @Test
    void unknownRetiredAndUncataloguedModels() throws IOException {
        Files.writeString(document, """
                version: 1
                models:
                  typo:
                    model_id: anthropic.claude-3-5-sonnet-20240620-v1:0
                    max_tokens: 100
                    anthropic_version: bedrock-2023-05-31
                  old:
                    model_id: anthropic.claude-v2:1
                    max_tokens: 100
                    anthropic_version: bedrock-2023-05-31
                  unknown:
                    model_id: anthropic.claude-9-ultra-v1:0
                    max_tokens: 100
                  gpt:
                    model_id: openai.gpt-oss-20b-1:0
                    max_tokens: 100
                use_cases:
                  chat:
                    model: typo
                    cost_override_model: missing
                """);
        bedrock.close();
        bedrock = new FakeBedrockRuntime().model(HAIKU, "anthropic-messages", 4096).retire("anthropic.claude-v2:1");
        bedrock.start();
        Cli.Result r = smoke("--format", "json");
        assertEquals(1, r.exit(), r::toString);
        List<String> findings = Findings.of(r.out()).stream().map(f -> f.line() + ":" + f.column() + " " + f.check() + " " + f.message()).toList();
        assertEquals(List.of(
                "3:3 smoke-call-failed InvokeModel " + SONNET + " failed: ValidationException: The provided model identifier is invalid. "
                        + "[model block typo; use case chat]",
                "7:3 smoke-call-failed InvokeModel anthropic.claude-v2:1 failed: ResourceNotFoundException: This model version has reached "
                        + "the end of its life. Please refer to the AWS documentation for more details. [model block old]",
                "12:15 unknown-model-id 'anthropic.claude-9-ultra-v1:0' is not in the model catalog: smoke cannot tell which request body it takes",
                "15:15 smoke-call-failed the catalog gives 'openai.gpt-oss-20b-1:0' the request format 'openai-chat', which smoke cannot build",
                "20:26 unknown-model-reference use case 'chat' routes to 'missing', which names no model block: nothing to call"), findings);
        assertEquals(3, bedrock.invocations.size(), "only the calls that could be built were made");
    }

    @Test
    void everyNativeFormatIsBuiltAndItsUsageRead() throws IOException {
        Path all = FIXTURES.resolve("all-formats.yaml");
        bedrock.tokenHeaders(false);
        Cli.Result r = smoke(all, "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        Map<String, String> tokens = new HashMap<>();
        json(r).get("calls").forEach(c -> tokens.put(c.get("model").asText(), c.get("input_tokens").asText() + "/" + c.get("output_tokens").asText()));
        assertEquals(Map.of("claude", "14/1", "nova", "9/2", "titan", "11/1", "llama", "21/2", "jamba", "17/2",
                // these response bodies carry no usage: without the headers the count is unknown
                "mistral", "null/null", "mistral_large", "null/null", "command_r", "null/null", "deepseek", "null/null"), tokens);

        assertEquals(Map.of("anthropic_version", "bedrock-2023-05-31", "max_tokens", 32, "temperature", 0.5, "top_p", 0.9,
                "stop_sequences", List.of("END"), "messages", List.of(Map.of("role", "user", "content", "Reply with the single word: ok"))),
                MAPPER.convertValue(bedrock.bodiesFor(HAIKU).get(0), Map.class));
        assertEquals(Map.of("maxTokens", 32, "topP", 0.8, "stopSequences", List.of("END")),
                MAPPER.convertValue(bedrock.bodiesFor("us.amazon.nova-lite-v1:0").get(0).get("inferenceConfig"), Map.class));
        assertEquals(Map.of("maxTokenCount", 32, "temperature", 0.1),
                MAPPER.convertValue(bedrock.bodiesFor("amazon.titan-text-lite-v1").get(0).get("textGenerationConfig"), Map.class));
        JsonNode llama = bedrock.bodiesFor("meta.llama3-1-8b-instruct-v1:0").get(0);
        assertEquals(32, llama.get("max_gen_len").asInt());
        assertTrue(llama.get("prompt").asText().startsWith("<|begin_of_text|><|start_header_id|>user"));
        JsonNode mistral = bedrock.bodiesFor("mistral.mistral-7b-instruct-v0:2").get(0);
        assertEquals("<s>[INST] Reply with the single word: ok [/INST]", mistral.get("prompt").asText());
        assertEquals("[INST]", mistral.get("stop").get(0).asText());
        JsonNode cohere = bedrock.bodiesFor("cohere.command-r-v1:0").get(0);
        assertEquals(0.75, cohere.get("p").asDouble());
        assertEquals("END", cohere.get("stop_sequences").get(0).asText());
        assertEquals("END", bedrock.bodiesFor("ai21.jamba-1-5-mini-v1:0").get(0).get("stop").get(0).asText());
        assertEquals(32, bedrock.bodiesFor("us.deepseek.r1-v1:0").get(0).get("max_tokens").asInt());
        assertEquals(32, bedrock.bodiesFor("mistral.mistral-large-2407-v1:0").get(0).get("max_tokens").asInt());

        bedrock.tokenHeaders(true);
        Cli.Result withHeaders = smoke(all, "--format", "json");
        json(withHeaders).get("calls").forEach(c -> assertTrue(c.get("input_tokens").isInt(), "from the headers: " + c));
    }

    @Test
    void markdownAndSarifCarryTheFailures() throws IOException {
        edit("max_tokens: 4096", "max_tokens: 9000");
        Cli.Result md = smoke("--use-case", "moderation", "--format", "markdown");
        assertEquals(1, md.exit(), md::toString);
        assertTrue(md.out().startsWith("### modelctl smoke: failed\n"), md.out());
        assertTrue(md.out().contains("| error | `smoke-call-failed` | `" + document + ":8:3` | InvokeModel " + HAIKU), md.out());
        assertTrue(md.out().contains("#### Smoke calls"), md.out());
        assertTrue(md.out().contains("| use case moderation → claude_haiku | `" + HAIKU + "` | 9000 | **FAIL** ValidationException |"), md.out());
        Cli.Result sarif = smoke("--use-case", "moderation", "--format", "sarif");
        assertEquals(1, sarif.exit());
        JsonNode result = MAPPER.readTree(sarif.out()).at("/runs/0/results/0");
        assertEquals("smoke-call-failed", result.get("ruleId").asText());
        assertEquals(8, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void accessDeniedIsOneLineExit2() {
        bedrock.failEveryRequest(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        Cli.Result r = smoke("--use-case", "moderation");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: Bedrock InvokeModel " + HAIKU + ": AccessDeniedException: You don't have access to the model with the "
                + "specified model ID. (allow bedrock:InvokeModel for the role you run as, and enable access to the model in this "
                + "region's Bedrock console)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void networkDownIsOneLineExit2() {
        List<String> args = args(document, "--use-case", "moderation", "--endpoint-url", "bedrock-runtime=http://127.0.0.1:1");
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modelctl: Bedrock InvokeModel: Unable to execute HTTP request"), r.err());
        assertTrue(r.err().endsWith("(network down or wrong --endpoint-url?)\n"), r.err());
    }

    @Test
    void noCredentialsIsOneLineExit2WithoutAnyRequest() throws IOException {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null, "the environment provides AWS credentials");
        Path config = Files.writeString(dir.resolve("aws-config"), "[profile nocreds]\nregion = us-east-1\n");
        Path credentials = Files.writeString(dir.resolve("aws-credentials"), "");
        Map<String, String> saved = new HashMap<>();
        for (String p : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.configFile", "aws.sharedCredentialsFile", "aws.disableEc2Metadata")) {
            saved.put(p, System.getProperty(p));
        }
        try {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.setProperty("aws.configFile", config.toString());
            System.setProperty("aws.sharedCredentialsFile", credentials.toString());
            System.setProperty("aws.disableEc2Metadata", "true");
            Cli.Result chain = smoke("--use-case", "moderation");
            assertEquals(2, chain.exit(), chain::toString);
            assertEquals("modelctl: Bedrock InvokeModel: no AWS credentials found (set --profile or AWS_PROFILE, or run `aws sso login`)\n", chain.err());
            Cli.Result profile = smoke("--use-case", "moderation", "--profile", "nocreds");
            assertEquals(2, profile.exit(), profile::toString);
            assertEquals(chain.err(), profile.err());
            assertFalse(chain.err().contains("fake-secret") || chain.err().contains("AKIA"));
            assertEquals(0, bedrock.requests.get(), "nothing unsigned was sent");
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    @Test
    void theRepoConfigNamesTheDocumentAndTheCatalog() throws IOException {
        Path config = Files.writeString(dir.resolve(".modelctl.yaml"),
                "documents: [routing.yaml]\ncatalog: " + FIXTURES.resolve("catalog.yaml") + "\n");
        Cli.Result r = Cli.run("smoke", "--config", config.toString(), "--region", "us-east-1", "--endpoint-url", bedrock.endpoint(),
                "--use-case", "moderation");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(HAIKU), bedrock.invocations.stream().map(FakeBedrockRuntime.Invocation::modelId).toList());
        Cli.Result two = Cli.run("smoke", document.toString(), document.toString(), "--config", config.toString());
        assertEquals(2, two.exit());
        assertEquals("modelctl: smoke: name one routing document (2 given or configured)\n", two.err());
    }

    @Test
    void badInputIsOneLineExit2() throws IOException {
        Files.writeString(document, "models: [unclosed\n");
        Cli.Result r = smoke();
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modelctl: " + document + ":"), r.err());
        Cli.Result soon = smoke(FIXTURES.resolve("routing.yaml"), "--timeout", "soon");
        assertEquals(2, soon.exit());
        assertTrue(soon.err().startsWith("modelctl: Invalid value for option '--timeout': 'soon' is not a duration"), soon.err());
        assertEquals(2, smoke(FIXTURES.resolve("routing.yaml"), "--max-cost", "-1").exit());
    }
}
