package dev.modelctl.core.features.deploy;

import dev.modelctl.core.base.finding.Finding;

import java.util.List;

/**
 * A write to AppConfig computed against the live state, before anything is written (docs/oncall.md, "The plan").
 *
 * @param changes       the semantic diff against the live version, one line per change
 * @param classes       the effective model of each request class before and after, one line per class whose model changes
 * @param estimate      the cost estimate lines (override), empty otherwise
 * @param strategy      how the deployment rolls out, {@code null} when the action starts none
 * @param content       the document to upload ({@link PlanAction#uploads()}), else {@code null}
 * @param version       the hosted version to deploy (REDEPLOY) or that becomes live (REVERT, STOP), else {@code null}
 * @param deployment    the deployment number a REVERT or STOP acts on
 * @param lockVersion   the newest hosted version when planned: an upload fails if another landed since
 * @param detachAlarms  deploy with the environment's monitors detached, restoring them right after (alarm already in ALARM)
 * @param blockers      why the plan must not be applied; empty when it may
 * @param findings      findings of the candidate document (those it introduces block)
 * @param alreadyLive   non-null: the plan is a no-op, saying why ("version 3 is already live")
 * @param alarm         the CloudWatch monitor summary (e.g. {@code routing-5xx ALARM})
 * @param setAlarm      for SET_ALARM: the monitors to write
 */
public record Plan(PlanAction action, LiveState live, List<String> changes, List<String> classes, List<String> estimate,
                   StrategySpec strategy, byte[] content, Integer version, Integer deployment, Integer lockVersion,
                   String description, boolean detachAlarms, List<String> blockers, List<Finding> findings, List<String> notes,
                   String alreadyLive, String alarm, List<AppConfigModel.Monitor> setAlarm) {

    public boolean blocked() {
        return !blockers.isEmpty();
    }

    public boolean noOp() {
        return alreadyLive != null;
    }

    public Target target() {
        return live.target();
    }

    /** A no-op or a blocked plan writes nothing. */
    public boolean writes() {
        return !noOp() && !blocked();
    }
}
