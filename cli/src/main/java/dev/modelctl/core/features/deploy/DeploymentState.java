package dev.modelctl.core.features.deploy;

import java.util.Locale;

/** AppConfig's deployment states (the API reference's DeploymentState enum) and what each means for "what is live". */
public enum DeploymentState {
    BAKING, VALIDATING, DEPLOYING, COMPLETE, ROLLING_BACK, ROLLED_BACK, REVERTED, UNKNOWN;

    public static DeploymentState of(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Still moving: AppConfig allows no other deployment to the environment meanwhile. */
    public boolean inProgress() {
        return this == DEPLOYING || this == BAKING || this == VALIDATING || this == ROLLING_BACK;
    }

    /** Ended without its version staying live (an alarm, a stop, or a revert). */
    public boolean undone() {
        return this == ROLLED_BACK || this == REVERTED;
    }
}
