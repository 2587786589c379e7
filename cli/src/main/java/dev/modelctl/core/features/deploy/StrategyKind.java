package dev.modelctl.core.features.deploy;

import java.util.Locale;

/** How a deployment grows: AppConfig's LINEAR and EXPONENTIAL growth types, or everything at once. */
public enum StrategyKind {
    LINEAR, EXPONENTIAL, ALL_AT_ONCE;

    public static StrategyKind parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "linear" -> LINEAR;
            case "exponential" -> EXPONENTIAL;
            case "all-at-once", "all_at_once" -> ALL_AT_ONCE;
            default -> throw new DeployException.Invalid("--strategy must be linear, exponential or all-at-once (got '" + text + "')");
        };
    }

    /** The flag spelling: {@code linear}, {@code exponential}, {@code all-at-once}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
