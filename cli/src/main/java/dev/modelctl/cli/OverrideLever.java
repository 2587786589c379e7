package dev.modelctl.cli;

import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.features.deploy.AlarmService;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.CostOverrideSwitch;
import dev.modelctl.core.features.deploy.DeployException;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Outcome;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.Planner;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.deploy.WriteFlow;
import dev.modelctl.core.features.drill.CostOverrideLever;
import dev.modelctl.core.features.drill.LeverResult;
import dev.modelctl.core.model.routing.CostOverride;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The drill's lever: exactly what {@code override --cost} / {@code override --clear} run ({@link CostOverrideSwitch}:
 * live state, plan with every guard, all-at-once deployment, follow), its plan and progress logged. The only place the
 * drill touches the deploy code.
 */
final class OverrideLever implements CostOverrideLever {
    private final AppConfigService service;
    private final Target target;
    private final CostOverrideSwitch lever;
    private final String engineer;
    private final Duration bake;
    private final AwsConsole console;
    private volatile int versionBefore = -1;

    OverrideLever(AppConfigService service, AlarmService alarms, Target target, CheckContext context, String engineer, Duration bake, Duration poll,
                  PrintStream log) {
        this.service = service;
        this.target = target;
        this.engineer = engineer;
        this.bake = bake;
        this.console = new AwsConsole(null, log, log);
        this.lever = new CostOverrideSwitch(service, alarms, target, context, poll, console);
    }

    private int latestVersion() {
        return service.latestVersion(target.application().id(), target.profile().id()).orElse(0);
    }

    @Override
    public LeverResult activate(List<String> useCases, String reason, Duration ttl) {
        try {
            versionBefore = latestVersion();
            return pull(lever.planActivation(new Planner.Activation(useCases, null, reason, engineer, ttl, Planner.OverrideMode.NEW, bake, false)));
        } catch (DeployException e) {
            return new LeverResult(LeverResult.Outcome.FAILED, uploaded(versionBefore), e.getMessage());
        }
    }

    @Override
    public LeverResult clear(String reason) {
        try {
            if (versionBefore >= 0) {
                // the drill's deployment may still run (interrupted or lost while following): stopping it rolls it back
                Optional<Deployment> ours = service.deployments(target.application().id(), target.environment().id()).stream()
                        .filter(d -> d.inProgress() && d.configurationVersion() > versionBefore).findFirst();
                if (ours.isPresent()) {
                    Deployment stopped = service.stopDeployment(target.application().id(), target.environment().id(), ours.get().number(), false);
                    return new LeverResult(LeverResult.Outcome.ROLLED_BACK, null, "stopped the drill's deployment #" + stopped.number() + " (version "
                            + stopped.configurationVersion() + "); AppConfig serves the previous version again");
                }
            }
            LiveState live = lever.live();
            CostOverride o = live.document() == null ? null : live.document().costOverride();
            if (o == null || !o.active() || !reason.equals(o.reason())) {
                return new LeverResult(LeverResult.Outcome.NOTHING_TO_DO, null, "the live version " + live.liveVersion()
                        + " does not carry the drill's override; nothing to clear");
            }
            int before = latestVersion();
            versionBefore = before;
            return pull(lever.planClearance(new Planner.Clearance(List.of(), reason, engineer, bake, false)));
        } catch (DeployException e) {
            return new LeverResult(LeverResult.Outcome.FAILED, null, e.getMessage());
        }
    }

    private LeverResult pull(Plan plan) {
        console.plan(plan);
        Outcome o = WriteFlow.run(plan, false, WriteFlow.Approval.GRANTED, lever.rollout(), true);
        console.step(o.message());
        Integer version = o.version();
        return switch (o.kind()) {
            case COMPLETE -> new LeverResult(LeverResult.Outcome.LIVE, version, null);
            case ROLLED_BACK -> new LeverResult(LeverResult.Outcome.ROLLED_BACK, version, "AppConfig rolled deployment of version " + version
                    + " back: " + (o.deployment() == null ? o.message() : Rollout.rollbackReason(o.deployment())));
            case BLOCKED, DECLINED -> new LeverResult(LeverResult.Outcome.REFUSED, null, o.message());
            case ALREADY_LIVE, DRY_RUN -> new LeverResult(LeverResult.Outcome.NOTHING_TO_DO, null, o.message());
            default -> new LeverResult(LeverResult.Outcome.FAILED, version, o.message());
        };
    }

    private Integer uploaded(int before) {
        try {
            int now = latestVersion();
            return before >= 0 && now > before ? now : null;
        } catch (DeployException e) {
            return null;
        }
    }
}
