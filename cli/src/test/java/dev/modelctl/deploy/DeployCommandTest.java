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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy / status / history / rollback / override / env / profile through the real AWS SDK AppConfig client, pointed
 * at an in-process fake AppConfig whose deployments run on an accelerated clock (1 minute = 4 ms).
 */
class DeployCommandTest {
    static final String ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:routing-5xx";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    FakeCloudWatch cloudWatch;
    FakeAppConfig appConfig;
    String app;
    String prod;
    String staging;
    String profile;
    Path config;
    Path document;

    @BeforeAll
    static void credentials() {
        AwsTestSupport.fakeCredentials();
    }

    @BeforeEach
    void start() throws IOException {
        cloudWatch = new FakeCloudWatch();
        appConfig = new FakeAppConfig(cloudWatch, 4);
        appConfig.start();
        app = appConfig.addApplication("chatbot");
        prod = appConfig.addEnvironment(app, "prod", ALARM);
        staging = appConfig.addEnvironment(app, "staging");
        profile = appConfig.addProfile(app, "model-routing");
        config = Files.writeString(dir.resolve(".modelctl.yaml"), """
                appconfig:
                  application: chatbot
                  profile: model-routing
                  region: us-east-1
                  environments: {production: prod}
                """);
        document = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("model_routing_config.yaml"));
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

    private Cli.Result deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", document.toString(), "--poll", "5ms"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void linearDeploymentCompletesAndReusesItsStrategy() throws IOException {
        Cli.Result r = deploy("--env", "production");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("uploaded hosted version 1 of chatbot/model-routing"), r.out());
        assertTrue(r.out().contains("started deployment #1 of version 1 to prod with modelctl-linear-10pct-2m-bake10m (linear 10%, 20 min + 10 min bake)"), r.out());
        assertTrue(r.out().contains("deployment #1: DEPLOYING 10%"), r.out());
        assertTrue(r.out().contains("deployment #1: BAKING 100%"), r.out());
        assertTrue(r.out().contains("deployment #1 COMPLETE: version 1 is live in prod"), r.out());
        // what was uploaded is the canonical JSON of the document
        JsonNode uploaded = MAPPER.readTree(appConfig.hosted(app, profile).get(0).content());
        assertEquals("claude_haiku", uploaded.at("/defaults/model").asText());
        assertEquals("application/json", appConfig.hosted(app, profile).get(0).contentType());
        long strategies = appConfig.strategyNodes().size();
        assertEquals(0, deploy("--env", "prod").exit());
        assertEquals(strategies, appConfig.strategyNodes().size(), "the same strategy shape is reused, never duplicated");
        assertEquals(2, appConfig.hosted(app, profile).size());
    }

    @Test
    void alarmMidDeploymentRollsBackWithExit3NamingTheAlarm() {
        Thread alarm = new Thread(() -> {
            try {
                Thread.sleep(40);
            } catch (InterruptedException ignored) {
                return;
            }
            cloudWatch.setAlarmState(ALARM, "ALARM");
        });
        alarm.start();
        Cli.Result r = deploy("--env", "prod", "--interval", "10m");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("deployment #1 ROLLED_BACK: Rollback initiated by CloudWatch Alarm: " + ALARM + " (triggered by CLOUDWATCH_ALARM)"), r.err());
        assertTrue(r.out().contains("ROLLBACK_STARTED by CLOUDWATCH_ALARM"), r.out());
    }

    @Test
    void gradualDeployWithoutAlarmIsRefusedUnlessAllowed() {
        Cli.Result r = deploy("--env", "staging");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: environment staging has no CloudWatch alarm monitor, so a bad linear deployment would not roll back by itself; "
                + "add one with `modelctl env set-alarm --env staging --alarm-arn ARN` or pass --allow-no-alarm\n", r.err());
        assertEquals(0, appConfig.hosted(app, profile).size(), "nothing uploaded");
        assertEquals(0, deploy("--env", "staging", "--allow-no-alarm", "--bake", "0m").exit());
        assertEquals(0, deploy("--env", "staging", "--strategy", "all-at-once").exit());
    }

    @Test
    void blockingFindingsAreNeverUploaded() throws IOException {
        Files.writeString(document, Files.readString(document).replace("max_tokens: 4096", "max_tokens: 90000"));
        Cli.Result r = deploy("--env", "prod");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("[max-tokens-over-limit]"), r.out());
        assertTrue(r.err().contains("refusing to deploy"), r.err());
        assertEquals(0, appConfig.hosted(app, profile).size());
        assertEquals(0, appConfig.requests.get(), "AppConfig was never called");
    }

    @Test
    void deploymentAlreadyInProgressIsExit2NamingIt() {
        assertEquals(0, deploy("--env", "prod", "--no-wait", "--interval", "300m").exit()); // ~12 s of fake time: still running below
        Cli.Result r = deploy("--env", "prod");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: a deployment is already in progress in prod: deployment #1 (version 1, DEPLOYING"), r.err());
    }

    @Test
    void versionUploadedMeanwhileIsNotOverwritten() {
        appConfig.uploadBehindYourBack(app, profile, "{\"version\": 1}");
        appConfig.raceNextUpload("{\"version\": 1, \"models\": {}}");
        Cli.Result r = deploy("--env", "prod");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: hosted configuration changed under you: version 1 was the latest when this deploy read it"), r.err());
        assertEquals(2, appConfig.hosted(app, profile).size(), "only the other uploads exist");
        assertEquals(0, appConfig.deploymentsOf(app, prod).size());
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        Cli.Result r = deploy("--env", "prdo");
        assertEquals(2, r.exit());
        assertEquals("modelctl: no AppConfig environment 'prdo' in chatbot; known: prod, staging\n", r.err());
    }

    @Test
    void accessDeniedThrottlingAndNetworkDownAreOneLineExit2() {
        appConfig.failEveryRequest(403, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/dev is not authorized to perform: appconfig:ListApplications");
        Cli.Result denied = run("status", "--env", "prod");
        assertEquals(2, denied.exit(), denied::toString);
        assertEquals("modelctl: AppConfig ListApplications: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/dev is not "
                + "authorized to perform: appconfig:ListApplications (check the IAM permissions of the profile/role you run as)\n", denied.err());

        appConfig.failEveryRequest(429, "ThrottlingException", "Rate exceeded");
        int before = appConfig.requests.get();
        Cli.Result throttled = run("status", "--env", "prod");
        assertEquals(2, throttled.exit(), throttled::toString);
        assertEquals("modelctl: AppConfig ListApplications: ThrottlingException: Rate exceeded (throttled even after retries; try again in a minute)\n",
                throttled.err());
        assertTrue(appConfig.requests.get() - before >= 3, "the SDK retried with backoff before giving up");

        Cli.Result down = Cli.run("status", "--env", "prod", "--config", config.toString(), "--endpoint-url", "appconfig=http://127.0.0.1:1");
        assertEquals(2, down.exit(), down::toString);
        assertEquals(1, down.err().lines().count(), down.err());
        assertTrue(down.err().startsWith("modelctl: AppConfig ListApplications: "), down.err());
        assertTrue(!down.err().contains("Exception:") || down.err().contains("Connect"), down.err());
    }

    @Test
    void noCredentialsIsOneLine() {
        String key = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        try {
            Cli.Result r = Cli.run("status", "--env", "prod", "--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint(),
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
