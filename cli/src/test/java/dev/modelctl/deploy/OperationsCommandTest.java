package dev.modelctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.fakes.FakeAppConfig;
import dev.modelctl.fakes.FakeCloudWatch;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On-call operations against the fake AppConfig: override, status, history, rollback, env set-alarm, profile attach-schema. */
class OperationsCommandTest {
    static final String ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:routing-5xx";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    FakeAppConfig appConfig;
    String app;
    String prod;
    String profile;
    Path config;
    Path document;

    @BeforeAll
    static void credentials() {
        AwsTestSupport.fakeCredentials();
    }

    @BeforeEach
    void start() throws IOException {
        appConfig = new FakeAppConfig(new FakeCloudWatch(), 2);
        appConfig.start();
        app = appConfig.addApplication("chatbot");
        prod = appConfig.addEnvironment(app, "prod", ALARM);
        profile = appConfig.addProfile(app, "model-routing");
        config = Files.writeString(dir.resolve(".modelctl.yaml"), "appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
        document = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("routing.yaml"));
    }

    @AfterEach
    void stop() {
        appConfig.close();
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint()));
        return Cli.run(all.toArray(String[]::new));
    }

    private JsonNode latestUpload() throws IOException {
        var versions = appConfig.hosted(app, profile);
        return MAPPER.readTree(versions.get(versions.size() - 1).content());
    }

    @Test
    void overrideCostThenStatusThenClear() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Cli.Result on = run("override", "--cost", "--use-cases", "product_recommendation,intent_classify", "--reason", "pricing spike INC-42",
                "--ttl", "2h", "--engineer", "oncall@example.com", "--env", "prod", "--poll", "5ms");
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().contains("product_recommendation: claude_sonnet $0.00900/1k -> claude_haiku $0.00300/1k (-67%)"), on.out());
        assertTrue(on.out().contains("intent_classify: nova_lite $0.00015/1k -> nova_micro $0.00009/1k (-42%)"), on.out());
        assertTrue(on.out().contains("COMPLETE: version 2 is live in prod"), on.out());
        JsonNode o = latestUpload().get("cost_override");
        assertTrue(o.get("active").asBoolean());
        assertEquals("[\"product_recommendation\",\"intent_classify\"]", o.get("use_cases").toString());
        assertEquals("oncall@example.com", o.get("engineer").asText());
        assertEquals(7200, Instant.parse(o.get("expires_at").asText()).getEpochSecond() - Instant.parse(o.get("started_at").asText()).getEpochSecond());

        Cli.Result status = run("override", "--status", "--env", "prod");
        assertTrue(status.out().startsWith("cost override: ACTIVE in prod (version 2)"), status.out());
        assertTrue(status.out().contains("reason:   pricing spike INC-42 (by oncall@example.com)"), status.out());

        Cli.Result off = run("override", "--clear", "--env", "prod", "--poll", "5ms");
        assertEquals(0, off.exit(), off::toString);
        assertFalse(latestUpload().get("cost_override").get("active").asBoolean());
        assertEquals("pricing spike INC-42", latestUpload().get("cost_override").get("reason").asText(), "kept for the audit trail");

        Cli.Result history = run("history", "--env", "prod");
        assertTrue(history.out().contains("cost override cleared"), history.out());
        assertTrue(history.out().contains("cost override ACTIVATED: use cases product_recommendation, intent_classify -> claude_haiku"), history.out());
    }

    @Test
    void overrideRefusesTooLongTtlMissingReasonAndUnknownUseCase() {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Cli.Result ttl = run("override", "--cost", "--reason", "x", "--ttl", "36h", "--env", "prod");
        assertEquals(2, ttl.exit());
        assertEquals("modelctl: override: --ttl 36h is longer than the allowed 24h (override.max_ttl)\n", ttl.err());
        Cli.Result reason = run("override", "--cost", "--env", "prod");
        assertEquals(2, reason.exit());
        assertTrue(reason.err().contains("needs --reason"), reason.err());
        Cli.Result unknown = run("override", "--cost", "--reason", "x", "--use-cases", "recommendation", "--env", "prod");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("modelctl: override: no use case 'recommendation' in the deployed document; known: "), unknown.err());
        assertEquals(1, appConfig.hosted(app, profile).size(), "nothing uploaded by the refused overrides");
    }

    @Test
    void statusHistoryDiffAndRollbackToThePreviousVersion() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Files.writeString(document, Files.readString(document).replace("    model: nova_lite\n    team: core-ml", "    model: claude_haiku\n    team: core-ml"));
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Cli.Result status = run("status", "--env", "prod");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("deployment:  #2 COMPLETE 100%"), status.out());
        assertTrue(status.out().contains("strategy:    modelctl-linear-10pct-2m-bake10m"), status.out());
        Cli.Result diff = run("history", "--diff", "1..2");
        assertEquals("version 1 -> 2:\n  rule core-intent-fast: model nova_lite -> claude_haiku\n", diff.out());
        Cli.Result refused = run("rollback", "--env", "prod", "--poll", "5ms");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("re-run with --yes to revert deployment #2 (back to version 1) in prod"), refused.err());
        Cli.Result back = run("rollback", "--env", "prod", "--yes", "--redeploy", "--poll", "5ms");
        assertEquals(0, back.exit(), back::toString);
        assertTrue(back.out().contains("rolling prod back from version 2 to version 1:\n  rule core-intent-fast: model claude_haiku -> nova_lite"), back.out());
        assertTrue(back.out().contains("COMPLETE: version 1 is live in prod"), back.out());
    }

    @Test
    void rollbackRevertsACompletedDeploymentWithAppConfigsRevert() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Files.writeString(document, Files.readString(document).replace("max_tokens: 8192", "max_tokens: 4096"));
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit());
        Cli.Result r = run("rollback", "--env", "prod", "--yes");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("rolling prod back from version 2 to version 1:\n  model claude_sonnet: max_tokens 4096 -> 8192"), r.out());
        assertTrue(r.out().contains("reverted deployment #2 in prod: REVERTED; version 1 is live again"), r.out());
        assertEquals("REVERTED", appConfig.deploymentsOf(app, prod).get(1).state());
        assertEquals(2, appConfig.deploymentsOf(app, prod).size(), "a revert starts no new deployment");
    }

    @Test
    void rollbackStopsADeploymentInProgress() {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--no-wait", "--interval", "600m").exit()); // ~12 s of fake time
        Cli.Result r = run("rollback", "--env", "prod");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("stopped deployment #1 (version 1) in prod: ROLLED_BACK"), r.out());
        assertEquals("ROLLED_BACK", appConfig.deploymentsOf(app, prod).get(0).state());
    }

    @Test
    void setAlarmAndAttachSchemaAreIdempotent() throws IOException {
        String staging = appConfig.addEnvironment(app, "staging");
        String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:staging-errors";
        Cli.Result set = run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn, "--role-arn", "arn:aws:iam::123456789012:role/r");
        assertEquals(0, set.exit(), set::toString);
        assertEquals(arn, appConfig.environmentNode(staging).at("/Monitors/0/AlarmArn").asText());
        Cli.Result again = run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn, "--role-arn", "arn:aws:iam::123456789012:role/r");
        assertTrue(again.out().contains("already monitors"), again.out());
        assertEquals(1, appConfig.environmentNode(staging).get("Monitors").size());
        assertEquals(2, run("env", "set-alarm", "--env", "staging", "--alarm-arn", "not-an-arn").exit());

        Cli.Result attach = run("profile", "attach-schema");
        assertEquals(0, attach.exit(), attach::toString);
        JsonNode validator = appConfig.profileNode(profile).at("/Validators/0");
        assertEquals("JSON_SCHEMA", validator.get("Type").asText());
        assertEquals(MAPPER.readTree(Cli.repoRoot().resolve("schemas/model_routing_config.schema.json").toFile()), MAPPER.readTree(validator.get("Content").asText()));
        assertTrue(run("profile", "attach-schema").out().contains("already validates"));
        // the service-side layer now rejects a document the CLI would also reject (here: uploaded behind modelctl's back)
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms").exit(), "a valid document passes AppConfig's validator");
    }
}
