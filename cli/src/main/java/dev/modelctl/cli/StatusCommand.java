package dev.modelctl.cli;

import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Deployer;
import dev.modelctl.core.deploy.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl status --env E}: the environment's current or last deployment. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the current or last deployment of an environment.")
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;

    @Override
    public Integer call() {
        var config = global.repoConfig();
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, false);
        List<Deployment> all = service.deployments(t.application().id(), t.environment().id());
        var out = parent.out;
        out.println("environment: " + t.application().name() + "/" + t.environment().name() + " (" + t.environment().id() + ")");
        out.println("alarms:      " + (t.environment().monitors().isEmpty() ? "none (gradual deploys need --allow-no-alarm)"
                : String.join(", ", t.environment().monitors().stream().map(m -> m.alarmArn()).toList())));
        if (all.isEmpty()) {
            out.println("no deployments yet");
            return 0;
        }
        Deployment d = service.deployment(t.application().id(), t.environment().id(), all.get(0).number());
        String strategy = service.strategies().stream().filter(s -> s.id().equals(d.strategyId())).map(Strategy::name).findFirst().orElse(d.strategyId());
        out.println("deployment:  #" + d.number() + " " + d.state() + " " + Math.round(d.percentComplete()) + "%");
        out.println("version:     " + d.configurationVersion());
        out.println("strategy:    " + strategy);
        out.println("started:     " + d.startedAt() + (d.completedAt() == null ? "" : ", ended " + d.completedAt()));
        out.println("by:          " + (d.description() == null ? "-" : d.description()));
        if (d.state().equals("ROLLED_BACK") || d.state().equals("REVERTED")) {
            out.println("rolled back: " + Deployer.rollbackReason(d));
        }
        return 0;
    }
}
