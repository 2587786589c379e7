package dev.modelctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On-call operations against the fake AppConfig: override, status, history, rollback, env set-alarm, profile attach-schema. */
class OperationsCommandTest {
    static final String ALARM = FakeAws.ALARM;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final FakeAws aws = new FakeAws(2);
    String app;
    String prod;
    String profile;
    Path document;

    @BeforeEach
    void setUp() {
        app = aws.app;
        profile = aws.profile;
        prod = aws.appConfig.addEnvironment(app, "prod", ALARM);
        document = aws.document("routing.yaml");
    }

    private Cli.Result run(String... args) {
        return aws.run(args);
    }

    private JsonNode latestUpload() throws IOException {
        var versions = aws.appConfig.hosted(app, profile);
        return MAPPER.readTree(versions.get(versions.size() - 1).content());
    }

    @Test
    void overrideCostThenStatusThenClear() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Cli.Result on = run("override", "--cost", "--use-cases", "product_recommendation,intent_classify", "--reason", "pricing spike INC-42",
                "--ttl", "2h", "--engineer", "oncall@example.com", "--env", "prod", "--poll", "5ms", "--yes");
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().contains("  estimated cost while the override is active:\n"
                + "    use case intent_classify: nova_lite $0.00030/req -> nova_micro $0.00017/req (-42%)\n"
                + "    use case product_recommendation: claude_sonnet $0.01800/req -> claude_haiku $0.00660/req (-63%)\n"
                + "    rule core-intent-fast (task_type=intent_classify): nova_lite $0.00030/req -> nova_micro $0.00017/req (-42%)\n"
                + "    rule rec-premium (task_type=product_recommendation, user_segment=premium): claude_sonnet $0.01800/req -> claude_haiku $0.00660/req (-63%)\n"
                // ten classes at equal shares: before 5 x 0.018 + 3 x 0.0066 + 2 x 0.0003; during 3 x 0.018 + 5 x 0.0066 + 2 x 0.000175
                + "    total: $0.01104 -> $0.00874 per request (-21%)\n"
                + "    weights: equal shares per request class (no traffic: section in .modelctl.yaml); 1000 in / 1000 out tokens per request\n"), on.out());
        assertTrue(on.out().contains("COMPLETE: version 2 is live in prod"), on.out());
        JsonNode o = latestUpload().get("cost_override");
        assertTrue(o.get("active").asBoolean());
        assertEquals("[\"product_recommendation\",\"intent_classify\"]", o.get("use_cases").toString());
        assertEquals("oncall@example.com", o.get("engineer").asText());
        assertEquals(7200, Instant.parse(o.get("expires_at").asText()).getEpochSecond() - Instant.parse(o.get("started_at").asText()).getEpochSecond());

        Cli.Result status = run("override", "--status", "--env", "prod");
        assertTrue(status.out().startsWith("cost override: ACTIVE in prod (version 2)"), status.out());
        assertTrue(status.out().contains("reason:   pricing spike INC-42 (by oncall@example.com)"), status.out());

        Cli.Result off = run("override", "--clear", "--env", "prod", "--poll", "5ms", "--yes", "--reason", "prices back to normal",
                "--engineer", "second@example.com");
        assertEquals(0, off.exit(), off::toString);
        assertFalse(latestUpload().get("cost_override").get("active").asBoolean());
        assertEquals("pricing spike INC-42", latestUpload().get("cost_override").get("reason").asText(), "kept for the audit trail");

        Cli.Result history = run("history", "--env", "prod");
        assertTrue(history.out().contains("cost override cleared"), history.out());
        assertTrue(history.out().contains("cost override ACTIVATED: use cases product_recommendation, intent_classify -> claude_haiku"), history.out());
    }

    @Test
    void overrideRefusesTooLongTtlMissingReasonAndUnknownUseCase() {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Cli.Result ttl = run("override", "--cost", "--reason", "x", "--ttl", "36h", "--env", "prod");
        assertEquals(2, ttl.exit());
        assertEquals("modelctl: override: --ttl 36h is longer than the allowed 24h (override.max_ttl)\n", ttl.err());
        Cli.Result reason = run("override", "--cost", "--env", "prod");
        assertEquals(2, reason.exit());
        assertTrue(reason.err().contains("needs --reason"), reason.err());
        Cli.Result unknown = run("override", "--cost", "--reason", "x", "--use-cases", "recommendation", "--env", "prod");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("modelctl: override: no use case 'recommendation' in the deployed document; known: "), unknown.err());
        assertEquals(1, aws.appConfig.hosted(app, profile).size(), "nothing uploaded by the refused overrides");
    }

    @Test
    void statusHistoryDiffAndRollbackToThePreviousVersion() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Files.writeString(document, Files.readString(document).replace("    model: nova_lite\n    team: core-ml", "    model: claude_haiku\n    team: core-ml"));
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Cli.Result status = run("status", "--env", "prod");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("deployment:  #2 COMPLETE 100%"), status.out());
        assertTrue(status.out().contains("strategy:    modelctl-linear-10pct-2m-bake10m"), status.out());
        Cli.Result diff = run("history", "--diff", "1..2");
        assertEquals("version 1 -> 2:\n  rule core-intent-fast: model nova_lite -> claude_haiku\n", diff.out());
        Cli.Result refused = run("rollback", "--env", "prod", "--poll", "5ms");
        assertEquals(1, refused.exit());
        assertEquals("modelctl: not on a terminal: re-run with --yes to revert in prod; nothing written\n", refused.err());
        Cli.Result back = run("rollback", "--env", "prod", "--yes", "--redeploy", "--poll", "5ms");
        assertEquals(0, back.exit(), back::toString);
        assertTrue(back.out().contains("plan: redeploy in prod (chatbot/model-routing), live: version 2\n  changes:\n"
                + "    rule core-intent-fast: model claude_haiku -> nova_lite\n"), back.out());
        assertTrue(back.out().contains("COMPLETE: version 1 is live in prod"), back.out());
    }

    @Test
    void rollbackRevertsACompletedDeploymentWithAppConfigsRevert() throws IOException {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Files.writeString(document, Files.readString(document).replace("max_tokens: 8192", "max_tokens: 4096"));
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit());
        Cli.Result r = run("rollback", "--env", "prod", "--yes");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("plan: revert in prod (chatbot/model-routing), live: version 2\n  changes:\n    model claude_sonnet: max_tokens 4096 -> 8192\n"), r.out());
        assertTrue(r.out().contains("reverted deployment #2 in prod: REVERTED; version 1 is live again"), r.out());
        assertEquals("REVERTED", aws.appConfig.deploymentsOf(app, prod).get(1).state());
        assertEquals(2, aws.appConfig.deploymentsOf(app, prod).size(), "a revert starts no new deployment");
    }

    @Test
    void rollbackStopsADeploymentInProgress() {
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--no-wait", "--interval", "2h", "--yes").exit()); // ~2.4 s of fake time
        Cli.Result refused = run("rollback", "--env", "prod");
        assertEquals(1, refused.exit(), refused::toString);
        assertTrue(refused.out().contains("    stop deployment #1 (version 1, DEPLOYING"), refused.out());
        assertEquals("modelctl: not on a terminal: re-run with --yes to stop in prod; nothing written\n", refused.err());
        assertEquals("DEPLOYING", aws.appConfig.deploymentsOf(app, prod).get(0).state(), "not stopped without --yes");
        Cli.Result r = run("rollback", "--env", "prod", "--yes");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("stopped deployment #1 in prod: ROLLED_BACK; clients return to the previous version"), r.out());
        assertEquals("ROLLED_BACK", aws.appConfig.deploymentsOf(app, prod).get(0).state());
    }

    @Test
    void setAlarmAndAttachSchemaAreIdempotent() throws IOException {
        String staging = aws.appConfig.addEnvironment(app, "staging");
        String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:staging-errors";
        Cli.Result planOnly = run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn, "--dry-run");
        assertEquals(0, planOnly.exit(), planOnly::toString);
        assertTrue(planOnly.out().startsWith("plan: set-alarm in staging (chatbot)\n  changes:\n    monitors of staging: 0 -> 1 (" + arn + ")\n"), planOnly.out());
        assertEquals(0, aws.appConfig.environmentNode(staging).get("Monitors").size(), "dry run");
        assertEquals(1, run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn).exit(), "off a terminal without --yes");
        Cli.Result set = run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn, "--role-arn", "arn:aws:iam::123456789012:role/r", "--yes");
        assertEquals(0, set.exit(), set::toString);
        assertEquals(arn, aws.appConfig.environmentNode(staging).at("/Monitors/0/AlarmArn").asText());
        Cli.Result again = run("env", "set-alarm", "--env", "staging", "--alarm-arn", arn, "--role-arn", "arn:aws:iam::123456789012:role/r");
        assertTrue(again.out().contains("already monitors"), again.out());
        assertEquals(1, aws.appConfig.environmentNode(staging).get("Monitors").size());
        assertEquals(2, run("env", "set-alarm", "--env", "staging", "--alarm-arn", "not-an-arn", "--yes").exit());

        Cli.Result attach = run("profile", "attach-schema");
        assertEquals(0, attach.exit(), attach::toString);
        JsonNode validator = aws.appConfig.profileNode(profile).at("/Validators/0");
        assertEquals("JSON_SCHEMA", validator.get("Type").asText());
        assertEquals(MAPPER.readTree(Cli.repoRoot().resolve("schemas/model_routing_config.schema.json").toFile()), MAPPER.readTree(validator.get("Content").asText()));
        assertTrue(run("profile", "attach-schema").out().contains("already validates"));
        // the service-side layer now rejects a document the CLI would also reject (here: uploaded behind modelctl's back)
        assertEquals(0, run("deploy", document.toString(), "--env", "prod", "--poll", "5ms", "--yes").exit(), "a valid document passes AppConfig's validator");
    }
}
