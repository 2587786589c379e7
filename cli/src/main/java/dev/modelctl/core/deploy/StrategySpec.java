package dev.modelctl.core.deploy;

import dev.modelctl.core.config.Durations;
import dev.modelctl.core.deploy.AppConfigModel.Strategy;

import java.time.Duration;
import java.util.Locale;

/**
 * What the user asked for ({@code --strategy linear --step 10 --interval 2m --bake 10m}) and the AppConfig deployment
 * strategy shape it means. Linear: {@code step}% more every interval; exponential: the share doubles every interval
 * from {@code step}%; all-at-once: 100% at once, then the bake.
 */
public record StrategySpec(String kind, int stepPercent, Duration interval, Duration bake) {

    public StrategySpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("linear") && !kind.equals("exponential") && !kind.equals("all-at-once")) {
            throw new DeployException("--strategy must be linear, exponential or all-at-once (got '" + kind + "')");
        }
        if (stepPercent < 1 || stepPercent > 100) {
            throw new DeployException("--step must be between 1 and 100 percent (got " + stepPercent + ")");
        }
    }

    public boolean gradual() {
        return !kind.equals("all-at-once");
    }

    public Strategy shape() {
        int bakeMinutes = (int) bake.toMinutes();
        if (!gradual()) {
            return new Strategy(null, name(), 0, 100, "LINEAR", bakeMinutes, "NONE");
        }
        int steps = kind.equals("linear") ? (int) Math.ceil(100.0 / stepPercent)
                : (int) Math.ceil(Math.log(100.0 / stepPercent) / Math.log(2)) + 1;
        int duration = (int) Math.max(1, interval.toMinutes() * steps);
        return new Strategy(null, name(), duration, stepPercent, kind.equals("linear") ? "LINEAR" : "EXPONENTIAL", bakeMinutes, "NONE");
    }

    /** A name that says the shape, e.g. {@code modelctl-linear-10pct-2m-bake10m}. */
    public String name() {
        return gradual() ? "modelctl-" + kind + "-" + stepPercent + "pct-" + Durations.format(interval) + "-bake" + Durations.format(bake)
                : "modelctl-all-at-once-bake" + Durations.format(bake);
    }
}
