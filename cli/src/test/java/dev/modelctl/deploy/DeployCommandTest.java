package dev.modelctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.modelctl.testing.FakeAws.ALARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy through the real AWS SDK AppConfig and CloudWatch clients, pointed at in-process fakes whose deployments run
 * on an accelerated clock (1 minute = 4 ms).
 */
class DeployCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final FakeAws aws = new FakeAws(4);
    String prod;
    String staging;
    Path document;

    @BeforeEach
    void setUp() {
        prod = aws.appConfig.addEnvironment(aws.app, "prod", ALARM);
        staging = aws.appConfig.addEnvironment(aws.app, "staging");
        aws.config("""
                appconfig:
                  application: chatbot
                  profile: model-routing
                  region: us-east-1
                  environments: {production: prod}
                """);
        document = aws.document("model_routing_config.yaml");
    }

    private Cli.Result deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", document.toString(), "--poll", "5ms", "--yes"));
        args.addAll(List.of(extra));
        return aws.run(args.toArray(String[]::new));
    }

    @Test
    void linearDeploymentCompletesAndReusesItsStrategy() throws IOException {
        Cli.Result r = deploy("--env", "production");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("plan: deploy in prod (chatbot/model-routing), live: nothing\n  changes:\n    first deployment of model-routing to prod\n"), r.out());
        assertTrue(r.out().contains("  strategy: modelctl-linear-10pct-2m-bake10m (linear 10% every 2m: 20 min + 10 min bake, about 30m)\n"), r.out());
        assertTrue(r.out().contains("  alarms:   routing-5xx OK\n"), r.out());
        assertTrue(r.out().contains("uploaded hosted version 1 of chatbot/model-routing"), r.out());
        assertTrue(r.out().contains("started deployment #1 of version 1 to prod with modelctl-linear-10pct-2m-bake10m (linear 10% every 2m: 20 min + 10 min bake)"), r.out());
        assertTrue(r.out().contains("deployment #1: DEPLOYING 10%"), r.out());
        assertTrue(r.out().contains("deployment #1: BAKING 100%"), r.out());
        assertTrue(r.out().contains("deployment #1 COMPLETE: version 1 is live in prod"), r.out());
        JsonNode uploaded = MAPPER.readTree(aws.appConfig.hosted(aws.app, aws.profile).get(0).content());
        assertEquals("claude_haiku", uploaded.at("/defaults/model").asText());
        assertEquals("application/json", aws.appConfig.hosted(aws.app, aws.profile).get(0).contentType());
        long strategies = aws.appConfig.strategyNodes().size();
        Files.writeString(document, Files.readString(document).replace("max_tokens: 8192", "max_tokens: 4096"));
        assertEquals(0, deploy("--env", "prod").exit());
        assertEquals(strategies, aws.appConfig.strategyNodes().size(), "the same strategy shape is reused, never duplicated");
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size());
    }

    @Test
    void deployingTheLiveDocumentAgainIsANoOp() {
        assertEquals(0, deploy("--env", "prod").exit());
        Cli.Result again = deploy("--env", "prod");
        assertEquals(0, again.exit(), again::toString);
        assertEquals("plan: deploy in prod (chatbot/model-routing), live: version 1\n  version 1 is already live in prod with this content; nothing to do\n"
                + "version 1 is already live in prod with this content; nothing to do\n", again.out());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "no new version");
        assertEquals(1, aws.appConfig.deploymentsOf(aws.app, prod).size(), "no new deployment");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        assertEquals(0, deploy("--env", "prod").exit());
        Files.writeString(document, Files.readString(document).replace("    model: nova_lite\n    team: core-ml", "    model: claude_haiku\n    team: core-ml"));
        int before = aws.appConfig.hosted(aws.app, aws.profile).size();
        Cli.Result r = aws.run("deploy", document.toString(), "--env", "prod", "--dry-run");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("  changes:\n    rule core-intent-fast: model nova_lite -> claude_haiku\n"), r.out());
        assertTrue(r.out().contains("  effective model per request class:\n    use case intent_classify: nova_lite (us.amazon.nova-lite-v1:0) -> claude_haiku "
                + "(us.anthropic.claude-haiku-4-5-20251001-v1:0) (+2100%)\n    rule core-intent-fast (task_type=intent_classify): "
                + "nova_lite (us.amazon.nova-lite-v1:0) -> claude_haiku (us.anthropic.claude-haiku-4-5-20251001-v1:0) (+2100%)\n"), r.out());
        assertTrue(r.out().endsWith("dry run: nothing written\n"), r.out());
        assertEquals(before, aws.appConfig.hosted(aws.app, aws.profile).size());
    }

    @Test
    void offATerminalAWriteNeedsYesAndExits1() throws IOException {
        Cli.Result r = aws.run("deploy", document.toString(), "--env", "prod");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("modelctl: not on a terminal: re-run with --yes to deploy in prod; nothing written\n", r.err());
        assertEquals(0, aws.appConfig.hosted(aws.app, aws.profile).size());
    }

    @Test
    void jsonIsOneObjectWithPlanStepsAndOutcome() throws IOException {
        Cli.Result r = deploy("--env", "prod", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode o = MAPPER.readTree(r.out());
        assertEquals("deploy", o.at("/plan/action").asText());
        assertEquals("modelctl-linear-10pct-2m-bake10m", o.at("/plan/strategy/name").asText());
        assertEquals("complete", o.at("/outcome/result").asText());
        assertEquals(0, o.at("/outcome/exit_code").asInt());
        assertEquals("COMPLETE", o.at("/outcome/deployment/state").asText());
        assertEquals("uploaded hosted version 1 of chatbot/model-routing", o.at("/steps/0").asText());
    }

    @Test
    void alarmMidDeploymentRollsBackWithExit3NamingTheAlarm() {
        Thread alarm = new Thread(() -> {
            try {
                while (aws.appConfig.deploymentsOf(aws.app, prod).isEmpty()) {
                    Thread.sleep(2);
                }
                Thread.sleep(30);
            } catch (InterruptedException ignored) {
                return;
            }
            aws.cloudWatch.setAlarmState(ALARM, "ALARM");
        });
        alarm.start();
        Cli.Result r = deploy("--env", "prod", "--interval", "10m");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("deployment #1 ROLLED_BACK: Rollback initiated by CloudWatch Alarm: " + ALARM + " (triggered by CLOUDWATCH_ALARM)"), r.err());
        assertTrue(r.out().contains("ROLLBACK_STARTED by CLOUDWATCH_ALARM"), r.out());
    }

    @Test
    void alarmAlreadyInAlarmBlocksAPlainDeploy() {
        aws.cloudWatch.setAlarmState(ALARM, "ALARM");
        Cli.Result r = deploy("--env", "prod");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("  alarms:   routing-5xx ALARM\n"), r.out());
        assertTrue(r.err().startsWith("modelctl: refused: alarm routing-5xx is in ALARM: AppConfig would roll this deployment back at once; wait until it clears"), r.err());
        assertEquals(0, aws.appConfig.hosted(aws.app, aws.profile).size());
    }

    @Test
    void gradualDeployWithoutAlarmIsRefusedUnlessAllowed() {
        Cli.Result r = deploy("--env", "staging");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("modelctl: refused: environment staging has no CloudWatch alarm monitor, so a bad linear deployment would not roll back by itself; "
                + "add one with `modelctl env set-alarm --env staging --alarm-arn ARN` or pass --allow-no-alarm\n", r.err());
        assertEquals(0, aws.appConfig.hosted(aws.app, aws.profile).size(), "nothing uploaded");
        assertEquals(0, deploy("--env", "staging", "--allow-no-alarm", "--bake", "0m").exit());
        Cli.Result allAtOnce = deploy("--env", "staging", "--strategy", "all-at-once");
        assertEquals(0, allAtOnce.exit(), allAtOnce::toString);
        assertTrue(allAtOnce.out().contains("already live"), "same document: nothing to do");
    }

    @Test
    void blockingFindingsAreNeverUploaded() throws IOException {
        Files.writeString(document, Files.readString(document).replace("max_tokens: 4096", "max_tokens: 90000"));
        Cli.Result r = deploy("--env", "prod");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(Findings.text(r.out()).stream().anyMatch(f -> f.check().equals("max-tokens-over-limit")), r.out());
        assertTrue(r.err().contains("refusing to deploy"), r.err());
        assertEquals(0, aws.appConfig.hosted(aws.app, aws.profile).size());
        assertEquals(0, aws.appConfig.requests.get(), "AppConfig was never called");
    }

    @Test
    void deploymentAlreadyInProgressIsRefusedBeforeAnyUpload() throws IOException {
        assertEquals(0, deploy("--env", "prod", "--no-wait", "--interval", "2h").exit()); // 20 h of fake time = ~5 s: still running below
        Files.writeString(document, Files.readString(document).replace("max_tokens: 8192", "max_tokens: 4096"));
        Cli.Result r = deploy("--env", "prod");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: refused: a deployment is already in progress in prod: deployment #1 (version 1, DEPLOYING"), r.err());
        assertTrue(r.err().contains("watch it with `modelctl status --env prod --watch` or stop it with `modelctl rollback --env prod`"), r.err());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "no version left behind");
    }

    @Test
    void strategyInputsAreCheckedAgainstAppConfigLimits() {
        Cli.Result seconds = deploy("--env", "prod", "--interval", "45s");
        assertEquals(2, seconds.exit(), seconds::toString);
        assertEquals("modelctl: --interval 45s x 10 steps is 7m30s: AppConfig deploys over whole minutes; pick an interval whose 10 steps add up "
                + "to whole minutes\n", seconds.err());
        Cli.Result tooLong = deploy("--env", "prod", "--step", "3", "--interval", "1h");
        assertEquals(2, tooLong.exit(), tooLong::toString);
        assertEquals("modelctl: --step 3 --interval 1h means 34 steps over 34h, longer than AppConfig's maximum deployment duration of 24h (1440 minutes)\n",
                tooLong.err());
        Cli.Result bake = deploy("--env", "prod", "--bake", "90s");
        assertEquals(2, bake.exit());
        assertEquals("modelctl: --bake 1m30s: AppConfig bakes in whole minutes (e.g. 0m, 2m, 10m)\n", bake.err());
        Cli.Result poll = aws.run("deploy", document.toString(), "--env", "prod", "--poll", "0s", "--yes");
        assertEquals(2, poll.exit());
        assertEquals("modelctl: --poll must be longer than 0s (got 0s)\n", poll.err());
        Cli.Result garbage = deploy("--env", "prod", "--interval", "soon");
        assertEquals(2, garbage.exit());
        assertTrue(garbage.err().startsWith("modelctl: Invalid value for option '--interval': 'soon' is not a duration"), garbage.err());
        assertEquals(0, aws.appConfig.requests.get(), "bad inputs never reach AppConfig");
        // 30 s steps are fine when they add up to whole minutes: 10 x 30 s = 5 min, not rounded
        Cli.Result half = aws.run("deploy", document.toString(), "--env", "prod", "--interval", "30s", "--dry-run");
        assertTrue(half.out().contains("  strategy: modelctl-linear-10pct-30s-bake10m (linear 10% every 30s: 5 min + 10 min bake, about 15m)"), half.out());
    }

    @Test
    void versionUploadedMeanwhileIsNotOverwritten() {
        aws.appConfig.uploadBehindYourBack(aws.app, aws.profile, "{\"version\": 1}");
        aws.appConfig.raceNextUpload("{\"version\": 1, \"models\": {}}");
        Cli.Result r = deploy("--env", "prod");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: hosted configuration changed under you: version 1 was the latest when the plan was made"), r.err());
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size(), "only the other uploads exist");
        assertEquals(0, aws.appConfig.deploymentsOf(aws.app, prod).size());
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        Cli.Result r = deploy("--env", "prdo");
        assertEquals(2, r.exit());
        assertEquals("modelctl: no AppConfig environment 'prdo' in chatbot; known: prod, staging\n", r.err());
    }

    @Test
    void accessDeniedThrottlingAndNetworkDownAreOneLineExit2() {
        aws.appConfig.failEveryRequest(403, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/dev is not authorized to perform: appconfig:ListApplications");
        Cli.Result denied = aws.run("status", "--env", "prod");
        assertEquals(2, denied.exit(), denied::toString);
        assertEquals("modelctl: AppConfig ListApplications: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/dev is not "
                + "authorized to perform: appconfig:ListApplications (check the IAM permissions of the profile/role you run as)\n", denied.err());

        aws.appConfig.failEveryRequest(429, "ThrottlingException", "Rate exceeded");
        int before = aws.appConfig.requests.get();
        Cli.Result throttled = aws.run("status", "--env", "prod");
        assertEquals(2, throttled.exit(), throttled::toString);
        assertEquals("modelctl: AppConfig ListApplications: ThrottlingException: Rate exceeded (throttled even after retries; try again in a minute)\n",
                throttled.err());
        assertTrue(aws.appConfig.requests.get() - before >= 3, "the SDK retried with backoff before giving up");

        Cli.Result down = Cli.run("status", "--env", "prod", "--config", aws.config.toString(), "--endpoint-url", "appconfig=http://127.0.0.1:1");
        assertEquals(2, down.exit(), down::toString);
        assertEquals(1, down.err().lines().count(), down.err());
        assertTrue(down.err().startsWith("modelctl: AppConfig ListApplications: "), down.err());
    }

    @Test
    void noCredentialsIsOneLine() {
        String key = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        try {
            Cli.Result r = Cli.run("status", "--env", "prod", "--config", aws.config.toString(), "--endpoint-url", "appconfig=" + aws.appConfig.endpoint(),
                    "--profile", "no-such-profile-" + System.nanoTime());
            assertEquals(2, r.exit(), r::toString);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("modelctl: AppConfig ListApplications: "), r.err());
        } finally {
            System.setProperty("aws.accessKeyId", key);
            System.setProperty("aws.secretAccessKey", secret);
        }
    }
}
