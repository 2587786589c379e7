package dev.modelctl.core.features.deploy;

import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;

import java.time.Duration;

/**
 * What the user asked for ({@code --strategy linear --step 10 --interval 2m --bake 10m}) and the AppConfig deployment
 * strategy shape it means. Linear: {@code step}% more every interval; exponential: the share doubles every interval
 * from {@code step}%; all-at-once: 100% at once, then the bake. Inputs are checked against what AppConfig accepts
 * (docs/oncall.md, "Strategy limits"): whole minutes, deployment and bake at most 1440 minutes each, growth 1-100 %.
 */
public record StrategySpec(StrategyKind kind, int stepPercent, Duration interval, Duration bake) {
    /** AppConfig's maximum DeploymentDurationInMinutes and FinalBakeTimeInMinutes. */
    public static final int MAX_MINUTES = 1440;

    public StrategySpec {
        if (stepPercent < 1 || stepPercent > 100) {
            throw new DeployException.Invalid("--step must be between 1 and 100 percent (AppConfig's growth factor; got " + stepPercent + ")");
        }
        if (bake.isNegative() || bake.toSeconds() % 60 != 0) {
            throw new DeployException.Invalid("--bake " + Durations.format(bake) + ": AppConfig bakes in whole minutes (e.g. 0m, 2m, 10m)");
        }
        if (bake.toMinutes() > MAX_MINUTES) {
            throw new DeployException.Invalid("--bake " + Durations.format(bake) + " is longer than AppConfig's maximum bake of 24h (1440 minutes)");
        }
        if (kind != StrategyKind.ALL_AT_ONCE) {
            if (interval.isNegative() || interval.isZero()) {
                throw new DeployException.Invalid("--interval must be longer than 0s for a " + kind.flag() + " deployment");
            }
            long seconds = interval.toSeconds() * steps(kind, stepPercent);
            if (seconds % 60 != 0) {
                throw new DeployException.Invalid("--interval " + Durations.format(interval) + " x " + steps(kind, stepPercent) + " steps is "
                        + Durations.format(Duration.ofSeconds(seconds)) + ": AppConfig deploys over whole minutes; pick an interval whose "
                        + steps(kind, stepPercent) + " steps add up to whole minutes");
            }
            if (seconds / 60 > MAX_MINUTES) {
                throw new DeployException.Invalid("--step " + stepPercent + " --interval " + Durations.format(interval) + " means "
                        + steps(kind, stepPercent) + " steps over " + Durations.format(Duration.ofSeconds(seconds))
                        + ", longer than AppConfig's maximum deployment duration of 24h (1440 minutes)");
            }
        }
    }

    /** Parses the kind from its flag spelling. */
    public static StrategySpec of(String kind, int stepPercent, Duration interval, Duration bake) {
        return new StrategySpec(StrategyKind.parse(kind), stepPercent, interval, bake);
    }

    /** The fast path of override and rollback: 100 % at once, then {@code bake}. */
    public static StrategySpec allAtOnce(Duration bake) {
        return new StrategySpec(StrategyKind.ALL_AT_ONCE, 100, Duration.ZERO, bake);
    }

    public boolean gradual() {
        return kind != StrategyKind.ALL_AT_ONCE;
    }

    /** How many growth steps reach 100 %: linear ceil(100/step), exponential step·2^n until 100. */
    public static int steps(StrategyKind kind, int stepPercent) {
        return switch (kind) {
            case LINEAR -> (int) Math.ceil(100.0 / stepPercent);
            case EXPONENTIAL -> (int) Math.ceil(Math.log(100.0 / stepPercent) / Math.log(2)) + 1;
            case ALL_AT_ONCE -> 1;
        };
    }

    public int deploymentMinutes() {
        return gradual() ? (int) (interval.toSeconds() * steps(kind, stepPercent) / 60) : 0;
    }

    /** Deployment plus bake: how long until the deployment is COMPLETE. */
    public Duration total() {
        return Duration.ofMinutes(deploymentMinutes()).plus(bake);
    }

    public Strategy shape() {
        int bakeMinutes = (int) bake.toMinutes();
        if (!gradual()) {
            return new Strategy(null, name(), 0, 100, "LINEAR", bakeMinutes, "NONE");
        }
        return new Strategy(null, name(), deploymentMinutes(), stepPercent, kind == StrategyKind.LINEAR ? "LINEAR" : "EXPONENTIAL",
                bakeMinutes, "NONE");
    }

    /** A name that says the shape, e.g. {@code modelctl-linear-10pct-2m-bake10m}. */
    public String name() {
        return gradual() ? "modelctl-" + kind.flag() + "-" + stepPercent + "pct-" + Durations.format(interval) + "-bake" + Durations.format(bake)
                : "modelctl-all-at-once-bake" + Durations.format(bake);
    }

    /** {@code linear 10% every 2m: 20 min + 10 min bake}. */
    public String describe() {
        return (gradual() ? kind.flag() + " " + stepPercent + "% every " + Durations.format(interval) : "all at once") + ": "
                + deploymentMinutes() + " min + " + bake.toMinutes() + " min bake";
    }
}
