package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.PlanReport;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl status --env E}: what is live for this profile, what is in progress, the override in force. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the live version of this profile in an environment, the deployment in progress, the alarms and the cost override in force.")
public final class StatusCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;
    @Mixin
    OutputOptions output;
    @Mixin
    PollOptions polling;

    @Option(names = "--watch", description = "Follow the deployment in progress until it ends (exit 3 if it rolls back).")
    boolean watch;

    StatusCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        var config = global.repoConfig();
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, true);
        LiveState s = appconfig.live(service, config, t, io.err());
        Instant now = Instant.now();
        AwsConsole console = new AwsConsole(output, io.out(), io.err());
        if (console.json()) {
            console.put("live", PlanReport.json(s, now));
        } else {
            console.lines(text(service, s, now));
        }
        int exit = 0;
        if (watch && s.inProgress().isPresent()) {
            Rollout watcher = new Rollout(service, polling.interval(), console);
            exit = console.finish(watcher.watch(t, s.inProgress().get()));
        } else {
            console.print();
        }
        return exit;
    }

    private static List<String> text(AppConfigService service, LiveState s, Instant now) {
        Target t = s.target();
        List<String> out = new ArrayList<>();
        out.add("environment: " + t.application().name() + "/" + t.environment().name() + " (" + t.environment().id() + "), profile " + t.profile().name());
        out.add("alarms:      " + (t.environment().monitors().isEmpty() ? "none (gradual deploys need --allow-no-alarm)" : s.alarmSummary()));
        out.add("live:        " + s.live().map(d -> "version " + d.configurationVersion() + " (deployment #" + d.number() + ", completed " + d.completedAt() + ")")
                .orElse("nothing deployed yet"));
        out.add("in progress: " + s.inProgress().map(Deployment::label)
                .orElse(s.blocking().map(d -> "none of this profile; " + d.label() + " of " + d.configurationName()).orElse("none")));
        s.latest().ifPresent(latest -> {
            Deployment d = service.deployment(t.application().id(), t.environment().id(), latest.number());
            String strategy = service.strategies().stream().filter(x -> x.id().equals(d.strategyId())).map(Strategy::name).findFirst().orElse(d.strategyId());
            out.add("deployment:  #" + d.number() + " " + d.state() + " " + Math.round(d.percentComplete()) + "%");
            out.add("version:     " + d.configurationVersion());
            out.add("strategy:    " + strategy);
            out.add("started:     " + d.startedAt() + (d.completedAt() == null ? "" : ", ended " + d.completedAt()));
            out.add("by:          " + (d.description() == null ? "-" : d.description()));
            if (d.state().undone()) {
                out.add("rolled back: " + Rollout.rollbackReason(d) + "; version " + (s.liveVersion() == null ? "none" : s.liveVersion()) + " is live");
            }
        });
        out.addAll(PlanReport.overrideText(s, now));
        return out;
    }
}
