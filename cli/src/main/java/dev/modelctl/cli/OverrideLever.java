package dev.modelctl.cli;

import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.deploy.Deployer;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.drill.CostOverrideLever;
import dev.modelctl.core.drill.LeverResult;
import dev.modelctl.core.drill.LeverResult.Outcome;
import dev.modelctl.core.finding.Findings;
import dev.modelctl.core.routing.CostOverride;
import dev.modelctl.core.routing.RoutingDocument;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The drill's lever: exactly the {@code override --cost} / {@code override --clear} path ({@link OverrideCommand#apply}).
 * The only place the drill touches the deploy code, so the lever can be re-pointed without touching the drill.
 */
final class OverrideLever implements CostOverrideLever {
    private final AppConfigService service;
    private final Target target;
    private final RepoConfig config;
    private final String engineer;
    private final Duration bake;
    private final Duration poll;
    private final PrintStream log;
    private volatile int versionBefore = -1;

    OverrideLever(AppConfigService service, Target target, RepoConfig config, String engineer, Duration bake, Duration poll, PrintStream log) {
        this.service = service;
        this.target = target;
        this.config = config;
        this.engineer = engineer;
        this.bake = bake;
        this.poll = poll;
        this.log = log;
    }

    private int latestVersion() {
        return service.latestVersion(target.application().id(), target.profile().id()).orElse(0);
    }

    @Override
    public LeverResult activate(List<String> useCases, String reason, Duration ttl) {
        versionBefore = latestVersion();
        return pull(new OverrideCommand.Switch(true, useCases, null, reason, engineer, ttl, bake, poll));
    }

    @Override
    public LeverResult clear(String reason) {
        if (versionBefore >= 0) {
            // the drill's deployment may still run (interrupted or lost while following): stopping it rolls it back
            Optional<Deployment> ours = service.deployments(target.application().id(), target.environment().id()).stream()
                    .filter(d -> d.inProgress() && d.configurationVersion() > versionBefore).findFirst();
            if (ours.isPresent()) {
                Deployment stopped = service.stopDeployment(target.application().id(), target.environment().id(), ours.get().number(), false);
                return new LeverResult(Outcome.ROLLED_BACK, null, "stopped the drill's deployment #" + stopped.number() + " (version "
                        + stopped.configurationVersion() + "); AppConfig serves the previous version again");
            }
        }
        Optional<Deployment> live = DeployedDocuments.lastCompleted(service, target);
        if (live.isPresent()) {
            RoutingDocument doc = DeployedDocuments.routing(service, target, live.get().configurationVersion());
            CostOverride o = doc.costOverride();
            if (o == null || !o.active() || !reason.equals(o.reason())) {
                return new LeverResult(Outcome.NOTHING_TO_DO, null, "the live version " + live.get().configurationVersion()
                        + " does not carry the drill's override; nothing to clear");
            }
        }
        return pull(new OverrideCommand.Switch(false, List.of(), null, reason, engineer, Duration.ZERO, bake, poll));
    }

    private LeverResult pull(OverrideCommand.Switch s) {
        int before = latestVersion();
        int exit;
        try {
            exit = OverrideCommand.apply(service, target, config, s, new OutputOptions(), log, log);
        } catch (CommandFailure | DeployException e) {
            return new LeverResult(Outcome.FAILED, uploaded(before), e.getMessage());
        }
        Integer version = uploaded(before);
        return switch (exit) {
            case 0 -> new LeverResult(Outcome.LIVE, version, null);
            case Findings.EXIT_ROLLED_BACK -> new LeverResult(Outcome.ROLLED_BACK, version, "AppConfig rolled deployment of version " + version + " back: "
                    + service.deployments(target.application().id(), target.environment().id()).stream().findFirst()
                    .map(d -> Deployer.rollbackReason(service.deployment(target.application().id(), target.environment().id(), d.number())))
                    .orElse("no deployment found"));
            case Findings.EXIT_BLOCKING -> new LeverResult(Outcome.REFUSED, null, "the override document has blocking findings; nothing deployed");
            default -> new LeverResult(Outcome.FAILED, version, "the override deployment did not complete (exit " + exit + ")");
        };
    }

    private Integer uploaded(int before) {
        try {
            int now = latestVersion();
            return now > before ? now : null;
        } catch (DeployException e) {
            return null;
        }
    }
}
