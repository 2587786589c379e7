package dev.modelctl.drill;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.BadRequestException;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;
import software.amazon.awssdk.services.appconfigdata.model.InvalidParameterProblem;

import java.time.Duration;

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

    /** Deployments at 1 ms per AppConfig minute; the data plane's token clock at {@link #MS_PER_SECOND}. */
    @RegisterExtension
    final FakeAws aws = new FakeAws(1).withAppConfigData(MS_PER_SECOND);
    AppConfigDataClient client;
    String env;

    @BeforeEach
    void start() {
        env = aws.appConfig.addEnvironment(aws.app, "staging");
        Cli.Result r = aws.run("deploy", aws.document("routing.yaml").toString(), "--env", "staging", "--strategy", "all-at-once", "--bake", "0m",
                "--poll", "5ms", "--yes");
        assertEquals(0, r.exit(), r::toString);
        client = aws.clients().appConfigData();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private String session(int pollSeconds) {
        return client.startConfigurationSession(r -> r.applicationIdentifier(aws.app).environmentIdentifier(env)
                .configurationProfileIdentifier(aws.profile).requiredMinimumPollIntervalInSeconds(pollSeconds)).initialConfigurationToken();
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
        aws.data.advanceClock(Duration.ofHours(24).plusSeconds(1));
        BadRequestException expired = assertThrows(BadRequestException.class, () -> latest(initial));
        assertEquals(InvalidParameterProblem.EXPIRED, expired.details().invalidParameters().get("ConfigurationToken").problem());
        assertThrows(BadRequestException.class, () -> session(5));
        assertEquals(2, aws.data.rejections.size(), aws.data.rejections.toString());
    }
}
