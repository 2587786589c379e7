package dev.modelctl.drill;

import dev.modelctl.aws.SdkConfigurationSessions;
import dev.modelctl.core.features.drill.DrillClock;
import dev.modelctl.core.features.drill.SessionSampler;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent AppConfig Data sessions sample a gradual rollout: with a linear 20 %-per-minute deployment each session
 * gets the new version when the percentage passes its client bucket, so the sampled times spread over the rollout.
 */
class GradualRolloutSamplingTest {
    static final double MS_PER_SECOND = 10;

    @RegisterExtension
    final FakeAws aws = new FakeAws((long) (60 * MS_PER_SECOND)).withAppConfigData(MS_PER_SECOND);
    String env;
    Path document;

    @BeforeEach
    void start() {
        env = aws.appConfig.addEnvironment(aws.app, "staging");
        document = aws.document("routing.yaml");
        assertEquals(0, deploy("--strategy", "all-at-once", "--bake", "0m").exit());
    }

    private Cli.Result deploy(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", document.toString(), "--env", "staging", "--poll", "5ms", "--yes"));
        args.addAll(List.of(extra));
        return aws.run(args.toArray(String[]::new));
    }

    @Test
    void sessionsGetTheNewVersionAsTheRolloutPercentagePassesTheirBucket() throws Exception {
        DrillClock clock = new DrillClock(MS_PER_SECOND);
        try (SdkConfigurationSessions sessions = new SdkConfigurationSessions(aws.clients().appConfigData());
             SessionSampler sampler = new SessionSampler(sessions, aws.app, env, aws.profile, 5, Duration.ofSeconds(15), clock, "appconfig:staging")) {
            sampler.open(Duration.ofMinutes(1));
            Files.writeString(document, Files.readString(document).replace("  moderation:\n    model: claude_haiku", "  moderation:\n    model: nova_lite"));
            Duration started = clock.elapsed();
            Cli.Result rollout = deploy("--strategy", "linear", "--step", "20", "--interval", "1m", "--bake", "0m", "--allow-no-alarm", "--no-wait");
            assertEquals(0, rollout.exit(), rollout::toString);
            SessionSampler.PhaseResult r = sampler.await("rollout", started,
                    d -> "nova_lite".equals(d.useCases().get("moderation").model()), Duration.ofMinutes(10));
            assertTrue(r.allServed(), r.toString());
            List<Duration> times = r.sessions().stream().map(SessionSampler.SessionTiming::servedAfter).sorted().toList();
            // the fake's buckets (11, 37, 48, 74, 85) are passed at 20, 40, 60, 80, 100 %: one more session per minute, each
            // seeing it at its next poll (within 15 s); the deploy command's own run time shifts all of them alike
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i).minus(times.get(i - 1)).toSeconds();
                assertTrue(gap >= 60 - 15 - 5, "one rollout step (1 min) between sessions " + i + " and " + (i + 1) + ": " + times);
            }
            assertTrue(aws.data.rejections.isEmpty(), aws.data.rejections.toString());
        }
    }
}
