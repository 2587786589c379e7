package dev.modelctl.drill;

import dev.modelctl.aws.AwsClients;
import dev.modelctl.aws.AwsSettings;
import dev.modelctl.fakes.FakeAppConfig;
import dev.modelctl.fakes.FakeAppConfigData;
import dev.modelctl.fakes.FakeCloudWatch;
import dev.modelctl.testing.FakeAwsCredentials;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.BadRequestException;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;
import software.amazon.awssdk.services.appconfigdata.model.InvalidParameterProblem;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fake AppConfig Data plane through the real SDK client: the session-token rules of the API reference (a new token
 * per call, each valid once and for 24 h, an empty body when unchanged, the poll interval enforced), so the drill's
 * tests prove its client follows them.
 */
class FakeAppConfigDataTest {
    static final double MS_PER_SECOND = 2;

    @TempDir
    Path dir;
    FakeAppConfig appConfig;
    FakeAppConfigData data;
    AppConfigDataClient client;
    String app;
    String env;
    String profile;

    @BeforeAll
    static void credentials() {
        FakeAwsCredentials.install();
    }

    @BeforeEach
    void start() throws Exception {
        appConfig = new FakeAppConfig(new FakeCloudWatch(), 1);
        appConfig.start();
        data = new FakeAppConfigData(appConfig, MS_PER_SECOND);
        data.start();
        app = appConfig.addApplication("chatbot");
        env = appConfig.addEnvironment(app, "staging");
        profile = appConfig.addProfile(app, "model-routing");
        Path config = Files.writeString(dir.resolve(".modelctl.yaml"), "appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
        Path document = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("routing.yaml"));
        Cli.Result r = Cli.run("deploy", document.toString(), "--env", "staging", "--strategy", "all-at-once", "--bake", "0m", "--poll", "5ms", "--yes",
                "--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint());
        assertEquals(0, r.exit(), r::toString);
        client = new AwsClients(new AwsSettings("us-east-1", null, Map.of("appconfigdata", URI.create(data.endpoint())),
                AwsSettings.DEFAULT_CALL_TIMEOUT)).appConfigData();
    }

    @AfterEach
    void stop() {
        client.close();
        data.close();
        appConfig.close();
    }

    private String session(int pollSeconds) {
        return client.startConfigurationSession(r -> r.applicationIdentifier(app).environmentIdentifier(env)
                .configurationProfileIdentifier(profile).requiredMinimumPollIntervalInSeconds(pollSeconds)).initialConfigurationToken();
    }

    private GetLatestConfigurationResponse latest(String token) {
        return client.getLatestConfiguration(r -> r.configurationToken(token));
    }

    private static void waitSeconds(int seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * MS_PER_SECOND) + 5);
    }

    @Test
    void everyCallReturnsANewTokenTheIntervalAndAnEmptyBodyWhenUnchanged() throws Exception {
        String initial = session(15);
        GetLatestConfigurationResponse first = latest(initial);
        assertTrue(first.configuration().asUtf8String().contains("\"cost_override\""), "the first call gets the document");
        assertEquals("application/json", first.contentType());
        assertEquals(15, first.nextPollIntervalInSeconds());
        assertNotEquals(initial, first.nextPollConfigurationToken());
        waitSeconds(15);
        GetLatestConfigurationResponse second = latest(first.nextPollConfigurationToken());
        assertEquals(0, second.configuration().asByteArray().length, "unchanged: empty body");
        assertNotEquals(first.nextPollConfigurationToken(), second.nextPollConfigurationToken());
    }

    @Test
    void aTokenIsValidOnceAndTheIntervalIsEnforced() throws Exception {
        String initial = session(15);
        GetLatestConfigurationResponse first = latest(initial);
        BadRequestException early = assertThrows(BadRequestException.class, () -> latest(first.nextPollConfigurationToken()));
        assertEquals(InvalidParameterProblem.POLL_INTERVAL_NOT_SATISFIED,
                early.details().invalidParameters().get("ConfigurationToken").problem());
        waitSeconds(15);
        BadRequestException reused = assertThrows(BadRequestException.class, () -> latest(initial));
        assertTrue(reused.awsErrorDetails().errorMessage().contains("already been used"), reused.getMessage());
    }

    @Test
    void tokensExpireAfter24HoursAndTheMinimumIntervalIs15Seconds() {
        String initial = session(60);
        data.advanceClock(Duration.ofHours(24).plusSeconds(1));
        BadRequestException expired = assertThrows(BadRequestException.class, () -> latest(initial));
        assertEquals(InvalidParameterProblem.EXPIRED, expired.details().invalidParameters().get("ConfigurationToken").problem());
        assertThrows(BadRequestException.class, () -> session(5));
        assertEquals(2, data.rejections.size(), data.rejections.toString());
    }
}
