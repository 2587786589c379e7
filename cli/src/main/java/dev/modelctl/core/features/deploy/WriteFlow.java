package dev.modelctl.core.features.deploy;

import java.util.Optional;

/**
 * Plan, then apply: a no-op plan is "already live", a blocked plan is refused, {@code --dry-run} stops after the plan,
 * and nothing is written without approval (docs/oncall.md, "Plan, then apply").
 */
public final class WriteFlow {
    /** Whether a plan may be applied: empty = approved, else why not (declined, or no --yes off a terminal). */
    @FunctionalInterface
    public interface Approval {
        Optional<String> refusal(Plan plan);

        /** For callers that decided already (the drill, tests). */
        Approval GRANTED = p -> Optional.empty();
    }

    private WriteFlow() {
    }

    public static Outcome run(Plan plan, boolean dryRun, Approval approval, Rollout rollout, boolean follow) {
        if (plan.noOp()) {
            return new Outcome(Outcome.Kind.ALREADY_LIVE, null, plan.version(), plan.alreadyLive() + "; nothing to do");
        }
        if (plan.blocked()) {
            return new Outcome(Outcome.Kind.BLOCKED, null, null, "refused: " + plan.blockers().get(0)
                    + (plan.blockers().size() > 1 ? " (and " + (plan.blockers().size() - 1) + " more, see the plan)" : ""));
        }
        if (dryRun) {
            return new Outcome(Outcome.Kind.DRY_RUN, null, null, "dry run: nothing written");
        }
        Optional<String> refused = approval.refusal(plan);
        if (refused.isPresent()) {
            return new Outcome(Outcome.Kind.DECLINED, null, null, refused.get() + "; nothing written");
        }
        return rollout.apply(plan, follow);
    }
}
