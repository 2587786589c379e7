package dev.modelctl.core.features.deploy;

/** What a write command is about to do to AppConfig. */
public enum PlanAction {
    /** Upload a new hosted version and deploy it. */
    DEPLOY,
    /** Upload the live document with the cost override switched on (or its scope changed) and deploy it fast. */
    OVERRIDE_ON,
    /** Upload the live document with (part of) the cost override cleared and deploy it fast. */
    OVERRIDE_CLEAR,
    /** Deploy an existing hosted version again (rollback --redeploy / --to-version). */
    REDEPLOY,
    /** AppConfig's revert of the last completed deployment (StopDeployment with AllowRevert). */
    REVERT,
    /** Stop the deployment in progress (AppConfig rolls it back). */
    STOP,
    /** Add or update the environment's CloudWatch alarm monitor. */
    SET_ALARM;

    /** Uploads a new hosted version. */
    public boolean uploads() {
        return this == DEPLOY || this == OVERRIDE_ON || this == OVERRIDE_CLEAR;
    }

    /** Starts a deployment. */
    public boolean starts() {
        return uploads() || this == REDEPLOY;
    }

    public String flag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
