package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AppConfig strategy shape each flag combination means, and the limits AppConfig enforces (docs/oncall.md). */
class StrategySpecTest {
    @Test
    void linearDefaultIsTenStepsOfTwoMinutesAndATenMinuteBake() {
        StrategySpec s = StrategySpec.of("linear", 10, Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertEquals(new Strategy(null, "modelctl-linear-10pct-2m-bake10m", 20, 10, "LINEAR", 10, "NONE"), s.shape());
        assertEquals(Duration.ofMinutes(30), s.total());
        assertEquals("linear 10% every 2m: 20 min + 10 min bake", s.describe());
    }

    @Test
    void exponentialDoublesFromTheStepUntilAllClients() {
        // 10, 20, 40, 80, 100: five steps
        StrategySpec s = StrategySpec.of("exponential", 10, Duration.ofMinutes(3), Duration.ofMinutes(5));
        assertEquals(5, StrategySpec.steps(StrategyKind.EXPONENTIAL, 10));
        assertEquals(new Strategy(null, "modelctl-exponential-10pct-3m-bake5m", 15, 10, "EXPONENTIAL", 5, "NONE"), s.shape());
        assertEquals(1, StrategySpec.steps(StrategyKind.EXPONENTIAL, 100));
        assertEquals(8, StrategySpec.steps(StrategyKind.EXPONENTIAL, 1)); // 1, 2, 4, ... 64, 100
    }

    @Test
    void allAtOnceIgnoresTheInterval() {
        StrategySpec s = StrategySpec.allAtOnce(Duration.ofMinutes(2));
        assertEquals(new Strategy(null, "modelctl-all-at-once-bake2m", 0, 100, "LINEAR", 2, "NONE"), s.shape());
        assertEquals("all at once: 0 min + 2 min bake", s.describe());
    }

    @Test
    void secondsAreFineWhenTheStepsAddUpToWholeMinutes() {
        assertEquals(5, StrategySpec.of("linear", 10, Duration.ofSeconds(30), Duration.ZERO).deploymentMinutes());
        DeployException e = assertThrows(DeployException.Invalid.class, () -> StrategySpec.of("linear", 10, Duration.ofSeconds(45), Duration.ZERO));
        assertEquals("--interval 45s x 10 steps is 7m30s: AppConfig deploys over whole minutes; pick an interval whose 10 steps add up to whole minutes",
                e.getMessage());
    }

    @Test
    void appConfigLimitsAreEnforced() {
        assertEquals("--step must be between 1 and 100 percent (AppConfig's growth factor; got 0)",
                assertThrows(DeployException.class, () -> StrategySpec.of("linear", 0, Duration.ofMinutes(1), Duration.ZERO)).getMessage());
        assertEquals("--step 3 --interval 1h means 34 steps over 34h, longer than AppConfig's maximum deployment duration of 24h (1440 minutes)",
                assertThrows(DeployException.class, () -> StrategySpec.of("linear", 3, Duration.ofHours(1), Duration.ZERO)).getMessage());
        assertEquals(1440, StrategySpec.of("linear", 10, Duration.ofMinutes(144), Duration.ofHours(24)).deploymentMinutes(), "exactly 24 h is allowed");
        assertEquals("--bake 25h is longer than AppConfig's maximum bake of 24h (1440 minutes)",
                assertThrows(DeployException.class, () -> StrategySpec.allAtOnce(Duration.ofHours(25))).getMessage());
        assertEquals("--interval must be longer than 0s for a exponential deployment",
                assertThrows(DeployException.class, () -> StrategySpec.of("exponential", 10, Duration.ZERO, Duration.ZERO)).getMessage());
        assertEquals("--strategy must be linear, exponential or all-at-once (got 'canary')",
                assertThrows(DeployException.class, () -> StrategySpec.of("canary", 10, Duration.ofMinutes(1), Duration.ZERO)).getMessage());
    }
}
