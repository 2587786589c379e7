package dev.modelctl.cli;

import dev.modelctl.core.config.Durations;
import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Deployer;
import dev.modelctl.core.deploy.StrategySpec;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.diff.SemanticDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code modelctl rollback --env E}: stop an in-progress deployment, or redeploy the previous version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Stop the deployment in progress (AppConfig rolls it back), or revert the last completed one (AppConfig's revert, "
                + "within 72 h; else or with --redeploy: redeploy the version live before it).")
public final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;

    @Option(names = "--strategy", paramLabel = "KIND", defaultValue = "all-at-once", description = "Strategy for redeploying the previous version (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--bake", paramLabel = "DURATION", defaultValue = "2m", description = "Bake time of the redeploy (default: ${DEFAULT-VALUE}).")
    String bake;

    @Option(names = "--yes", description = "Do not ask for confirmation (required when not on a terminal).")
    boolean yes;

    @Option(names = "--redeploy", description = "Redeploy the previous version with --strategy instead of AppConfig's revert.")
    boolean redeploy;

    @Mixin
    PollOptions polling;

    private boolean confirmed(String action, Target t) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            throw new CommandFailure("rollback: not on a terminal; re-run with --yes to " + action + " in " + t.environment().name());
        }
        String answer = System.console().readLine("%s in %s? [y/N] ", action, t.environment().name());
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }

    @Override
    public Integer call() {
        var config = global.repoConfig();
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, true);
        var out = parent.out;
        List<Deployment> all = service.deployments(t.application().id(), t.environment().id());
        Optional<Deployment> running = all.stream().filter(Deployment::inProgress).findFirst();
        if (running.isPresent()) {
            Deployment d = service.stopDeployment(t.application().id(), t.environment().id(), running.get().number(), false);
            out.println("stopped deployment #" + d.number() + " (version " + d.configurationVersion() + ") in " + t.environment().name()
                    + ": " + d.state() + "; clients return to the previous version");
            return 0;
        }
        List<Deployment> completed = all.stream().filter(d -> d.state().equals("COMPLETE")).toList();
        if (completed.isEmpty()) {
            throw new CommandFailure("rollback: nothing to roll back in " + t.environment().name() + ": no completed deployment");
        }
        int current = completed.get(0).configurationVersion();
        Optional<Deployment> previous = completed.stream().filter(d -> d.configurationVersion() != current).findFirst();
        if (previous.isEmpty()) {
            throw new CommandFailure("rollback: no earlier version was ever live in " + t.environment().name() + " (only version " + current + ")");
        }
        int target = previous.get().configurationVersion();
        List<String> changes = SemanticDiff.between(DeployedDocuments.routing(service, t, current), DeployedDocuments.routing(service, t, target));
        out.println("rolling " + t.environment().name() + " back from version " + current + " to version " + target + ":");
        (changes.isEmpty() ? List.of("no routing changes") : changes).forEach(l -> out.println("  " + l));
        Deployment latest = completed.get(0);
        boolean revert = !redeploy && latest.completedAt() != null
                && latest.completedAt().isAfter(java.time.Instant.now().minus(java.time.Duration.ofHours(72)));
        if (!confirmed(revert ? "revert deployment #" + latest.number() + " (back to version " + target + ")" : "redeploy version " + target, t)) {
            out.println("aborted; nothing changed");
            return 0;
        }
        if (revert) {
            try {
                Deployment d = service.stopDeployment(t.application().id(), t.environment().id(), latest.number(), true);
                out.println("reverted deployment #" + d.number() + " in " + t.environment().name() + ": " + d.state() + "; version " + target
                        + " is live again (AppConfig's revert: immediate, ignores alarm monitors)");
                return 0;
            } catch (dev.modelctl.core.deploy.DeployException e) {
                out.println("AppConfig refused the revert (" + e.getMessage() + "); redeploying version " + target + " instead");
            }
        }
        Duration pollEvery = polling.interval();
        StrategySpec spec = new StrategySpec(strategy, config.deploy().stepPercent(), config.deploy().interval(), Durations.parseFlag("--bake", bake));
        var rollout = new DeployCommand.Rollout(service, t, out, parent.err, pollEvery, false, false);
        return rollout.deploy(new Deployer(service, pollEvery).strategy(spec), target, "modelctl rollback from version " + current + " to " + target);
    }
}
