package dev.modelctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.modelctl.testing.FakeAws.ALARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The on-call bugs of docs/oncall.md, each through the real SDK AppConfig and CloudWatch clients against the fakes:
 * the override is protected and works mid-incident, rollback knows history, two profiles share an environment,
 * transient errors while following, JSON output, history per environment.
 */
class OnCallSafetyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final FakeAws aws = new FakeAws(2);
    String prod;
    Path document;

    @BeforeEach
    void setUp() {
        prod = aws.appConfig.addEnvironment(aws.app, "prod", ALARM);
        document = aws.document("routing.yaml");
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "prod"));
        return aws.run(all.toArray(String[]::new));
    }

    private Cli.Result deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", document.toString(), "--poll", "5ms", "--yes", "--allow-no-alarm"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private Cli.Result overrideOn(String... extra) {
        List<String> args = new ArrayList<>(List.of("override", "--cost", "--reason", "pricing spike INC-42", "--ttl", "2h",
                "--engineer", "oncall@example.com", "--poll", "5ms", "--yes"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private JsonNode latestUpload() throws IOException {
        var versions = aws.appConfig.hosted(aws.app, aws.profile);
        return MAPPER.readTree(versions.get(versions.size() - 1).content());
    }

    private void changeDocument() throws IOException {
        Files.writeString(document, Files.readString(document).replace("max_tokens: 8192", "max_tokens: 4096"));
    }

    @Test
    void aPlainDeployNeverClearsAnActiveOverride() throws IOException {
        assertEquals(0, deploy().exit());
        assertEquals(0, overrideOn().exit());
        changeDocument();
        Cli.Result refused = deploy();
        assertEquals(1, refused.exit(), refused::toString);
        assertTrue(refused.err().startsWith("modelctl: refused: a cost override is active in prod: every use case -> claude_haiku by oncall@example.com "
                + "(pricing spike INC-42) until "), refused.err());
        assertTrue(refused.err().contains("this deploy would clear it: pass --keep-override to carry it into the new version, or --clear-override to clear it"),
                refused.err());
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size(), "nothing uploaded");

        Cli.Result kept = deploy("--keep-override");
        assertEquals(0, kept.exit(), kept::toString);
        assertTrue(kept.out().contains("  note:     carries the active cost override into the new version (--keep-override)"), kept.out());
        assertTrue(latestUpload().at("/cost_override/active").asBoolean());
        assertEquals(4096, latestUpload().at("/models/claude_sonnet/max_tokens").asInt());

        Files.writeString(document, Files.readString(document).replace("max_tokens: 4096\n    temperature: 0.3", "max_tokens: 2048\n    temperature: 0.3"));
        Cli.Result cleared = deploy("--clear-override");
        assertEquals(0, cleared.exit(), cleared::toString);
        assertTrue(cleared.out().contains("    cost override cleared\n"), cleared.out());
        assertFalse(latestUpload().at("/cost_override/active").asBoolean());
    }

    @Test
    void aSecondProfileInTheEnvironmentIsNeverMistakenForThisOne() throws IOException {
        assertEquals(0, deploy().exit());
        String flags = aws.appConfig.addProfile(aws.app, "feature-flags");
        int v = aws.appConfig.uploadBehindYourBack(aws.app, flags, "{\"flags\": {\"dark_mode\": true}}");
        aws.appConfig.deployBehindYourBack(aws.app, prod, flags, v);
        Cli.Result status = run("status");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("live:        version 1 (deployment #1, completed "), status.out());
        assertTrue(status.out().contains("deployment:  #1 COMPLETE 100%"), status.out());

        Cli.Result on = overrideOn("--use-cases", "moderation");
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().startsWith("plan: override-on in prod (chatbot/model-routing), live: version 1\n"), on.out());
        assertEquals("claude_haiku", latestUpload().at("/defaults/model").asText(), "built on our document, not the flags");
        assertEquals(3, aws.appConfig.deploymentsOf(aws.app, prod).size());
        Cli.Result history = run("history");
        assertFalse(history.out().contains("#2 "), "the flags deployment is not ours: " + history.out());
    }

    @Test
    void anOverrideGoesLiveWhileTheAlarmIsAlreadyInAlarm() throws IOException {
        assertEquals(0, deploy().exit());
        aws.cloudWatch.setAlarmState(ALARM, "ALARM");
        Cli.Result blocked = overrideOn();
        assertEquals(1, blocked.exit(), blocked::toString);
        assertTrue(blocked.out().contains("  alarms:   routing-5xx ALARM\n"), blocked.out());
        assertTrue(blocked.err().contains("alarm routing-5xx is in ALARM: AppConfig would roll this deployment back at once; pass --detach-alarms"),
                blocked.err());

        Cli.Result on = overrideOn("--detach-alarms");
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().contains("detached 1 alarm monitor(s) from prod for this deployment"), on.out());
        assertTrue(on.out().contains("restored 1 alarm monitor(s) on prod"), on.out());
        assertTrue(on.out().contains("COMPLETE: version 2 is live in prod"), on.out());
        assertEquals(ALARM, aws.appConfig.environmentNode(prod).at("/Monitors/0/AlarmArn").asText(), "monitors restored");
        assertTrue(aws.appConfig.hosted(aws.app, aws.profile).get(1).description().contains("alarm monitors detached"), "audited");

        // without the option a redeploy would be rolled back in milliseconds, exit 3
        aws.appConfig.setMonitorsBehindYourBack(prod, ALARM);
        Cli.Result rollback = run("rollback", "--redeploy", "--yes", "--poll", "5ms", "--clear-override");
        assertEquals(1, rollback.exit(), rollback::toString);
        Cli.Result detached = run("rollback", "--redeploy", "--yes", "--poll", "5ms", "--clear-override", "--detach-alarms");
        assertEquals(0, detached.exit(), detached::toString);
        assertEquals(1, aws.appConfig.environmentNode(prod).get("Monitors").size());
    }

    @Test
    void monitorsAreRestoredWhenTheDetachedDeploymentFails() throws IOException {
        assertEquals(0, deploy().exit());
        aws.cloudWatch.setAlarmState(ALARM, "ALARM");
        aws.appConfig.failNext("POST", "/applications/[^/]+/environments/[^/]+/deployments", 1, 400, "BadRequestException", "Invalid strategy");
        Cli.Result r = overrideOn("--detach-alarms");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.out().contains("restored 1 alarm monitor(s) on prod"), r.out());
        assertEquals(1, aws.appConfig.environmentNode(prod).get("Monitors").size());
    }

    @Test
    void rollbackAfterAnAlarmRollbackSaysWhatIsLive() throws IOException {
        assertEquals(0, deploy().exit());
        changeDocument();
        aws.cloudWatch.setAlarmState(ALARM, "OK");
        Thread alarm = new Thread(() -> {
            try {
                while (aws.appConfig.deploymentsOf(aws.app, prod).size() < 2) {
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                return;
            }
            aws.cloudWatch.setAlarmState(ALARM, "ALARM");
        });
        alarm.start();
        assertEquals(3, deploy().exit());
        aws.cloudWatch.setAlarmState(ALARM, "OK");
        Cli.Result r = run("rollback", "--yes");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("version 1 is live in prod (deployment #2 of version 2 was ROLLED_BACK): nothing to roll back"), r.out());
        assertEquals(2, aws.appConfig.deploymentsOf(aws.app, prod).size(), "nothing stopped, reverted or started");
        Cli.Result status = run("status");
        assertTrue(status.out().contains("live:        version 1 (deployment #1"), status.out());
        assertTrue(status.out().contains("rolled back: Rollback initiated by CloudWatch Alarm: " + ALARM + " (triggered by CLOUDWATCH_ALARM); version 1 is live"),
                status.out());
    }

    @Test
    void rollbackToAChosenVersionAndRedeployAfter72Hours() throws IOException {
        assertEquals(0, deploy().exit());
        changeDocument();
        assertEquals(0, deploy().exit());
        Files.writeString(document, Files.readString(document).replace("max_tokens: 4096\n    temperature: 0.3", "max_tokens: 2048\n    temperature: 0.3"));
        assertEquals(0, deploy().exit());
        Cli.Result to1 = run("rollback", "--to-version", "1", "--yes", "--poll", "5ms");
        assertEquals(0, to1.exit(), to1::toString);
        assertTrue(to1.out().contains("plan: redeploy in prod (chatbot/model-routing), live: version 3\n  changes:\n    model claude_sonnet: max_tokens 2048 -> 8192\n"),
                to1.out());
        assertTrue(to1.out().contains("COMPLETE: version 1 is live in prod"), to1.out());
        assertEquals(0, run("rollback", "--to-version", "1", "--yes").exit(), "already live: a no-op");
        aws.appConfig.deploymentsOf(aws.app, prod).get(3).completedHoursAgo(80);
        Cli.Result old = run("rollback", "--yes", "--poll", "5ms");
        assertEquals(0, old.exit(), old::toString);
        assertTrue(old.out().contains("completed more than 72 h ago: AppConfig no longer reverts it, so version 3 is redeployed"), old.out());
        assertTrue(old.out().contains("COMPLETE: version 3 is live in prod"), old.out());
    }

    @Test
    void overrideGuardsTtlSecondOverridePartialClearAndNoOpClear() throws IOException {
        assertEquals(0, deploy().exit());
        Cli.Result expired = run("override", "--cost", "--reason", "r", "--ttl", "0s", "--yes");
        assertEquals(2, expired.exit());
        assertEquals("modelctl: override: --ttl 0s would deploy an override that has already expired; give a TTL such as 2h\n", expired.err());
        Cli.Result shortTtl = run("override", "--cost", "--reason", "r", "--ttl", "1m", "--yes");
        assertEquals(2, shortTtl.exit());
        assertEquals("modelctl: override: --ttl 1m is not longer than the deployment's bake of 2m: it would expire before the deployment completes\n",
                shortTtl.err());

        Cli.Result clearNothing = run("override", "--clear", "--yes", "--reason", "x");
        assertEquals(0, clearNothing.exit(), clearNothing::toString);
        assertTrue(clearNothing.out().contains("no cost override is active in prod (version 1); nothing to do"), clearNothing.out());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "no version created");

        assertEquals(0, overrideOn("--use-cases", "product_recommendation").exit());
        Cli.Result second = overrideOn("--use-cases", "complex_answer");
        assertEquals(1, second.exit(), second::toString);
        assertTrue(second.err().startsWith("modelctl: refused: a cost override is already active in prod: use cases product_recommendation -> claude_haiku "
                + "by oncall@example.com (pricing spike INC-42) until "), second.err());
        assertTrue(second.err().contains("pass --replace to replace it (scope, reason, engineer and expiry), or --add to extend its scope with --use-cases"));
        Cli.Result add = overrideOn("--use-cases", "complex_answer", "--add");
        assertEquals(0, add.exit(), add::toString);
        assertEquals("[\"product_recommendation\",\"complex_answer\"]", latestUpload().at("/cost_override/use_cases").toString());

        Cli.Result partial = run("override", "--clear", "--use-cases", "product_recommendation", "--reason", "recs recovered",
                "--engineer", "second@example.com", "--yes", "--poll", "5ms");
        assertEquals(0, partial.exit(), partial::toString);
        assertEquals("[\"complex_answer\"]", latestUpload().at("/cost_override/use_cases").toString());
        assertTrue(latestUpload().at("/cost_override/active").asBoolean());
        var versions = aws.appConfig.hosted(aws.app, aws.profile);
        String audit = versions.get(versions.size() - 1).description();
        assertTrue(audit.startsWith("modelctl override --clear of product_recommendation by second@example.com: recs recovered (was: use cases "
                + "product_recommendation, complex_answer -> claude_haiku by oncall@example.com"), audit);
        Cli.Result notCovered = run("override", "--clear", "--use-cases", "moderation", "--yes");
        assertEquals(0, notCovered.exit());
        assertTrue(notCovered.out().contains("the active override does not cover moderation"), notCovered.out());
    }

    @Test
    void theEstimateCoversRuleRoutedTrafficAndStatusShowsEffectiveModels() throws IOException {
        // an override model that costs more than the normal one: the estimate must flag it
        Files.writeString(document, Files.readString(document).replace("    cost_override_model: nova_micro\n", "    cost_override_model: claude_haiku\n"));
        assertEquals(0, deploy().exit());
        Cli.Result on = overrideOn("--dry-run");
        assertEquals(0, on.exit(), on::toString);
        // the EU moderation rule's strong model is downgraded too: the estimate says so instead of hiding it
        assertTrue(on.out().contains("    rule safety-moderation-eu (region=eu-central-1|eu-west-1, task_type=moderation): claude_sonnet $0.01800/req -> "
                + "claude_haiku $0.00660/req (-63%)\n"), on.out());
        assertTrue(on.out().contains("    use case intent_classify: nova_lite $0.00030/req -> claude_haiku $0.00660/req (+2100%)  INCREASE\n"), on.out());
        assertTrue(on.out().contains("    total: $"), on.out());
        assertTrue(on.out().contains("    weights: equal shares per request class (no traffic: section in .modelctl.yaml)"), on.out());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "dry run");

        aws.config("appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n"
                + "traffic: {requests_per_month: 1000000, use_cases: {product_recommendation: 0.5, intent_classify: 0.3, moderation: 0.2}}\n");
        Cli.Result mixed = overrideOn("--dry-run");
        assertTrue(mixed.out().contains("    weights: the traffic: section of .modelctl.yaml"), mixed.out());
        assertTrue(mixed.out().contains(" USD/month"), mixed.out());

        assertEquals(0, overrideOn().exit());
        Cli.Result status = run("override", "--status");
        assertTrue(status.out().contains("  intent_classify: nova_lite -> claude_haiku\n"), status.out());
        assertTrue(status.out().contains("  moderation: claude_haiku -> claude_haiku\n"), status.out());
        assertTrue(status.out().contains("  product_recommendation: claude_sonnet -> claude_haiku\n"), status.out());
    }

    @Test
    void findingsAlreadyLiveAreShownButDoNotBlockTheOverride() throws IOException {
        assertEquals(0, deploy().exit());
        String bad = Files.readString(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml")).replace("max_tokens: 8192", "max_tokens: 900000");
        int v = aws.appConfig.uploadBehindYourBack(aws.app, aws.profile, MAPPER.writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(bad)));
        assertEquals(0, run("rollback", "--to-version", Integer.toString(v), "--yes", "--poll", "5ms").exit());
        Cli.Result on = overrideOn();
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().contains("  finding:  warning [max-tokens-over-limit] "), on.out());
        assertFalse(on.out().contains("routing.yaml"), "no file that does not exist: " + on.out());
    }

    @Test
    void transientErrorsWhileFollowingAreRetriedAndLosingTrackSaysTheDeploymentContinues() throws IOException {
        aws.appConfig.failNext("GET", "/applications/[^/]+/environments/[^/]+/deployments/\\d+", 3, 503, "InternalServerException", "try again");
        Cli.Result retried = deploy("--interval", "1m");
        assertEquals(0, retried.exit(), retried::toString);
        assertTrue(retried.out().contains("GetDeployment failed (AppConfig GetDeployment: InternalServerException: try again (AWS-side error after retries; try again)); "
                + "retrying (1/4)"), retried.out());
        assertTrue(retried.out().contains("COMPLETE: version 1 is live in prod"), retried.out());

        changeDocument();
        aws.appConfig.failNext("GET", "/applications/[^/]+/environments/[^/]+/deployments/\\d+", 1000, 503, "InternalServerException", "down");
        Cli.Result lost = deploy("--interval", "20m");
        assertEquals(2, lost.exit(), lost::toString);
        assertTrue(lost.err().startsWith("modelctl: lost track of deployment #2 (AppConfig GetDeployment: InternalServerException: down"), lost.err());
        assertTrue(lost.err().contains("it continues in AppConfig: watch it with `modelctl status --env prod --watch`"), lost.err());
    }

    @Test
    void jsonOnEveryAwsCommand() throws IOException {
        assertEquals(0, deploy().exit());
        JsonNode status = MAPPER.readTree(run("status", "--format", "json").out());
        assertEquals(1, status.at("/live/live_version").asInt());
        assertEquals("OK", status.at("/live/alarms/" + ALARM.replace("/", "~1")).asText());
        assertFalse(status.at("/live/cost_override/active").asBoolean());
        JsonNode on = MAPPER.readTree(overrideOn("--format", "json").out());
        assertEquals("override-on", on.at("/plan/action").asText());
        assertEquals("complete", on.at("/outcome/result").asText());
        JsonNode ostatus = MAPPER.readTree(run("override", "--status", "--format", "json").out());
        assertEquals("claude_sonnet -> claude_haiku", ostatus.at("/live/cost_override/effective/product_recommendation").asText());
        JsonNode history = MAPPER.readTree(run("history", "--format", "json").out());
        assertEquals(2, history.at("/deployments").size());
        assertTrue(history.at("/deployments/0/live").asBoolean());
        Cli.Result refused = run("rollback", "--format", "json", "--clear-override");
        assertEquals(1, refused.exit());
        JsonNode r = MAPPER.readTree(refused.out());
        assertEquals("revert", r.at("/plan/action").asText());
        assertEquals("declined", r.at("/outcome/result").asText());
    }

    @Test
    void historyIsPerEnvironmentWithTheLiveVersionMarkedAndReorderingIsNoChange() throws IOException {
        String staging = aws.appConfig.addEnvironment(aws.app, "staging");
        assertEquals(0, deploy().exit());
        Files.writeString(document, Files.readString(document).replace("region: [eu-west-1, eu-central-1]", "region: [eu-central-1, eu-west-1]"));
        Cli.Result reordered = deploy();
        assertTrue(reordered.out().contains("version 1 is already live in prod with this content; nothing to do"), reordered.out());
        changeDocument();
        assertEquals(0, deploy().exit());
        assertEquals(0, aws.run("deploy", document.toString(), "--env", "staging", "--strategy", "all-at-once", "--yes", "--poll", "5ms").exit());
        Cli.Result h = run("history");
        assertEquals(0, h.exit(), h::toString);
        assertTrue(h.out().startsWith("deployments of model-routing to prod (newest first; * = live):\n* #2    COMPLETE    version 2"), h.out());
        assertTrue(h.out().contains("        vs version 1: model claude_sonnet: max_tokens 8192 -> 4096\n"), h.out());
        assertTrue(h.out().contains("\n  #1    COMPLETE    version 1"), h.out());
        assertFalse(h.out().contains("version 3"), "staging's deployment is not listed for prod: " + h.out());
        assertEquals(1, aws.appConfig.deploymentsOf(aws.app, staging).size());
    }

    @Test
    void auditDescriptionsStayWithinAppConfigsLimits() throws IOException {
        assertEquals(0, deploy().exit());
        String reason = "Überlast im Zahlungsdienst — " + "x".repeat(2000);
        Cli.Result on = overrideOn("--reason", reason);
        assertEquals(2, on.exit(), "--reason given twice is a usage error");
        List<String> args = new ArrayList<>(List.of("override", "--cost", "--reason", reason, "--engineer", "oncall@example.com", "--poll", "5ms", "--yes"));
        Cli.Result ok = run(args.toArray(String[]::new));
        assertEquals(0, ok.exit(), ok::toString);
        var versions = aws.appConfig.hosted(aws.app, aws.profile);
        String description = versions.get(versions.size() - 1).description();
        assertEquals(1024, description.length());
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(description), description);
        assertTrue(description.endsWith("..."));
        assertEquals(reason, latestUpload().at("/cost_override/reason").asText(), "the document keeps the full reason");
    }

    @Test
    void statusWatchFollowsADeploymentStartedWithNoWait() {
        assertEquals(0, deploy("--no-wait", "--interval", "2h").exit()); // 20 h of fake time = 2.4 s
        Cli.Result watch = run("status", "--watch", "--poll", "5ms");
        assertEquals(0, watch.exit(), watch::toString);
        assertTrue(watch.out().contains("in progress: deployment #1 (version 1, DEPLOYING"), watch.out());
        assertTrue(watch.out().contains("deployment #1 COMPLETE: version 1 is live in prod"), watch.out());
    }

    @Test
    void theAuditDescriptionMarksAnUncommittedEditAsDirty() throws Exception {
        try (GitRepo git = GitRepo.init(aws.dir)) {
            git.add("routing.yaml").commit("routing");
            assertEquals(0, deploy().exit());
            String clean = aws.appConfig.hosted(aws.app, aws.profile).get(0).description();
            assertTrue(clean.matches("modelctl deploy routing.yaml by \\S+ @ [0-9a-f]{10} by Dev <dev@example.com>: routing"), clean);
            changeDocument();
            assertEquals(0, deploy().exit());
            String dirty = aws.appConfig.hosted(aws.app, aws.profile).get(1).description();
            assertTrue(dirty.matches("modelctl deploy routing.yaml by \\S+ @ [0-9a-f]{10}-dirty \\(uncommitted changes to routing.yaml\\) by Dev.*"), dirty);
        }
    }

    @Test
    void overrideUsesTheCatalogOfTheRepoConfig() {
        assertEquals(0, deploy().exit());
        aws.config("appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\ncatalog: no-such-catalog.yaml\n");
        Cli.Result r = overrideOn("--dry-run");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("no-such-catalog.yaml"), r.err());
    }

    @Test
    void throttledListDeploymentsIsRetriedAndAConflictAtStartNamesTheVersionLeftBehind() throws IOException {
        aws.appConfig.failNext("GET", "/applications/[^/]+/environments/[^/]+/deployments", 2, 429, "ThrottlingException", "Rate exceeded");
        Cli.Result status = run("status");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("live:        nothing deployed yet"), status.out());

        aws.appConfig.failNext("POST", "/applications/[^/]+/environments/[^/]+/deployments", 1, 409, "ConflictException",
                "Deployment number 7 is already in progress for environment prod");
        Cli.Result r = deploy();
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: another deployment started first; hosted version 1 was uploaded but not deployed (nothing changed for clients; "
                + "once the other deployment ends, re-run, or deploy it with `modelctl rollback --env prod --to-version 1`)\n", r.err());
        Cli.Result advice = run("rollback", "--to-version", "1", "--yes", "--poll", "5ms");
        assertEquals(0, advice.exit(), advice::toString);
        assertTrue(advice.out().contains("COMPLETE: version 1 is live in prod"), advice.out());
    }
}
