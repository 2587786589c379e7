package dev.modelctl.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.fakes.FakeBedrockRuntime;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

/** `modelctl smoke` through the real SDK Bedrock Runtime client against a fake that validates bodies like Bedrock. */
class SmokeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    FakeBedrockRuntime bedrock;
    Path document;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKE");
        System.setProperty("aws.secretAccessKey", "fake-secret-key-for-tests");
        System.setProperty("aws.region", "us-east-1");
    }

    @BeforeEach
    void start() throws IOException {
        bedrock = new FakeBedrockRuntime()
                .model("anthropic.claude-3-5-sonnet-20240620-v1:0", 8192)
                .model("anthropic.claude-3-haiku-20240307-v1:0", 4096)
                .model("amazon.nova-lite-v1:0", 10000)
                .model("amazon.titan-text-lite-v1", 4096);
        bedrock.start();
        Files.writeString(dir.resolve("none.yaml"), "{}\n");
        document = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("routing.yaml"));
    }

    @AfterEach
    void stop() {
        bedrock.close();
    }

    private Cli.Result smoke(String... extra) {
        List<String> args = new ArrayList<>(List.of("smoke", document.toString(), "--region", "us-east-1", "--endpoint-url",
                "bedrock-runtime=" + bedrock.endpoint(), "--config", dir.resolve("none.yaml").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void everyModelAndUseCaseIsCalledWithTokensAndCost() throws IOException {
        Cli.Result r = smoke("--format", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode root = MAPPER.readTree(r.out());
        // 4 model blocks + 4 use cases (3 with a cost_override_model) = 11 calls
        assertEquals(11, root.get("calls").size());
        assertEquals(11, bedrock.invokedModels.size());
        JsonNode sonnet = root.get("calls").get(0);
        assertEquals("claude_sonnet", sonnet.get("model").asText());
        assertEquals(14, sonnet.get("input_tokens").asInt());
        assertEquals(1, sonnet.get("output_tokens").asInt());
        assertEquals(14 / 1000.0 * 0.003 + 1 / 1000.0 * 0.015, sonnet.get("cost_usd").asDouble(), 1e-12);
        JsonNode nova = root.get("calls").get(2);
        assertEquals("us.amazon.nova-lite-v1:0", nova.get("model_id").asText());
        assertEquals(9, nova.get("input_tokens").asInt(), "token counts from the Nova body");
        Cli.Result text = smoke();
        assertTrue(text.out().contains("11 calls, 0 failed"), text.out());
    }

    @Test
    void missingAnthropicVersionFailsWithBedrocksOwnMessage() throws IOException {
        Files.writeString(document, Files.readString(document).replaceFirst("    anthropic_version: bedrock-2023-05-31\n", ""));
        Cli.Result r = smoke("--use-case", "product_recommendation");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("FAIL  use case product_recommendation (claude_sonnet)"), r.out());
        assertTrue(r.out().contains("ValidationException: Malformed input request: #: required key [anthropic_version] not found"), r.out());
        assertTrue(r.out().contains("2 calls, 1 failed"), r.out());
    }

    @Test
    void maxTokensOverTheLimitIsSentAsIsAndFails() throws IOException {
        Files.writeString(document, Files.readString(document).replace("max_tokens: 4096", "max_tokens: 9000"));
        Cli.Result r = smoke("--use-case", "moderation");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("ValidationException: max_tokens: 9000 > 4096, which is the maximum allowed number of output tokens"), r.out());
    }

    @Test
    void maxCostRefusesBeforeAnyCall() {
        Cli.Result r = smoke("--max-cost", "0.001");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: smoke: 11 calls could cost up to $"), r.err());
        assertTrue(r.err().contains("nothing was called"), r.err());
        assertEquals(0, bedrock.requests.get(), "no request reached Bedrock");
    }

    @Test
    void throttlingIsRetriedAndConcurrencyIsBounded() {
        bedrock.throttleNext(2);
        bedrock.delay(30);
        Cli.Result r = smoke("--concurrency", "2");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(bedrock.maxInFlight.get() <= 2, "at most 2 calls in flight, saw " + bedrock.maxInFlight.get());
        assertEquals(13, bedrock.requests.get(), "11 calls + 2 throttled attempts retried by the SDK");
    }

    @Test
    void perCallTimeoutFailsTheCall() {
        bedrock.delay(1500);
        Cli.Result r = smoke("--use-case", "moderation", "--timeout", "1s");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("Timeout: no answer within the per-call timeout"), r.out());
    }

    @Test
    void networkDownStopsTheRunWithExit2() {
        Cli.Result r = Cli.run("smoke", document.toString(), "--region", "us-east-1", "--endpoint-url", "bedrock-runtime=http://127.0.0.1:1",
                "--config", dir.resolve("none.yaml").toString(), "--use-case", "moderation");
        assertEquals(2, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("modelctl: Bedrock InvokeModel: Unable to execute HTTP request"), r.err());
        assertTrue(r.err().contains("(network down or wrong --endpoint-url?)"), r.err());
    }

    @Test
    void unknownUseCaseIsExit2() {
        Cli.Result r = smoke("--use-case", "recomendation");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("modelctl: smoke: no use case 'recomendation'"), r.err());
    }
}
