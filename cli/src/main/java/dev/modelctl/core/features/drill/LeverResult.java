package dev.modelctl.core.features.drill;

/**
 * What one pull of the lever did.
 *
 * @param version the hosted configuration version it deployed, or {@code null} when it deployed none
 * @param detail  one line for the report: what happened, or why not
 */
public record LeverResult(Outcome outcome, Integer version, String detail) {
    /** How a pull of the lever ended. */
    public enum Outcome {
        /** The deployment completed: the new version is what AppConfig serves. */
        LIVE,
        /** AppConfig rolled the deployment back (alarm or stop): the previous version is served again. */
        ROLLED_BACK,
        /** Refused before any write (blocking findings, a guard). */
        REFUSED,
        /** An AWS or input error; see the detail. */
        FAILED,
        /** Nothing to do (e.g. clearing when no override of the drill was deployed). */
        NOTHING_TO_DO
    }

    public boolean live() {
        return outcome == Outcome.LIVE;
    }
}
