package dev.modelctl.core.features.deploy;

import dev.modelctl.core.checks.engine.CheckContext;

import java.time.Duration;

/**
 * The cost-override switch as one call each way, for {@code override} and for the quarterly drill: read what is live,
 * plan against it (every guard of docs/oncall.md applies), apply with the fast all-at-once strategy, follow to the
 * end. The caller has decided already, so there is no prompt; a blocked or no-op plan comes back as its
 * {@link Outcome} without a write.
 */
public final class CostOverrideSwitch {
    private final AppConfigService service;
    private final AlarmService alarms;
    private final Target target;
    private final Planner planner;
    private final Rollout rollout;

    public CostOverrideSwitch(AppConfigService service, AlarmService alarms, Target target, CheckContext context, Duration poll,
                             Rollout.Listener listener) {
        this.service = service;
        this.alarms = alarms;
        this.target = target;
        this.planner = new Planner(context);
        this.rollout = new Rollout(service, poll, listener);
    }

    public LiveState live() {
        return LiveState.read(service, alarms, target);
    }

    public Plan planActivation(Planner.Activation activation) {
        return planner.overrideOn(live(), activation);
    }

    public Plan planClearance(Planner.Clearance clearance) {
        return planner.overrideClear(live(), clearance);
    }

    /** Switches the override on (scope, reason, TTL, engineer) and follows the deployment to COMPLETE or rollback. */
    public Outcome activate(Planner.Activation activation) {
        return WriteFlow.run(planActivation(activation), false, WriteFlow.Approval.GRANTED, rollout, true);
    }

    /** Clears all of the override, or the given use cases; a no-op when nothing is active. */
    public Outcome clear(Planner.Clearance clearance) {
        return WriteFlow.run(planClearance(clearance), false, WriteFlow.Approval.GRANTED, rollout, true);
    }

    /** For a Ctrl-C handler: what exists on the AWS side. */
    public Rollout rollout() {
        return rollout;
    }
}
