package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.base.finding.Findings;

/**
 * How an applied (or not applied) plan ended, and the exit code it means (docs/oncall.md, "Exit codes").
 *
 * @param deployment the deployment started or acted on, if any
 * @param version    the hosted version uploaded or deployed, if any
 * @param message    one line for the user
 */
public record Outcome(Kind kind, Deployment deployment, Integer version, String message) {

    /** The end states of a write command. */
    public enum Kind {
        /** The document is already live: nothing written. */
        ALREADY_LIVE(Findings.EXIT_OK),
        /** --dry-run: the plan was printed, nothing written. */
        DRY_RUN(Findings.EXIT_OK),
        /** A guard refused the plan. */
        BLOCKED(Findings.EXIT_BLOCKING),
        /** The user declined, or no --yes off a terminal. */
        DECLINED(Findings.EXIT_BLOCKING),
        /** Started and not followed (--no-wait). */
        STARTED(Findings.EXIT_OK),
        COMPLETE(Findings.EXIT_OK),
        /** AppConfig rolled the deployment back (alarm, or stopped by someone). */
        ROLLED_BACK(Findings.EXIT_ROLLED_BACK),
        /** An in-progress deployment was stopped on request. */
        STOPPED(Findings.EXIT_OK),
        /** A completed deployment was reverted on request. */
        REVERTED(Findings.EXIT_OK),
        /** Following failed (AWS errors past the retries); the deployment goes on. */
        LOST_TRACK(Findings.EXIT_FAILURE),
        /** The environment's monitors were updated. */
        MONITORS_UPDATED(Findings.EXIT_OK);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public int exitCode() {
        return kind.exitCode;
    }
}
