package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Outcome;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.Planner;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.StrategySpec;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.deploy.WriteFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code modelctl rollback --env E}: stop the deployment in progress, revert the live one, or redeploy an earlier version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Stop this profile's deployment in progress (AppConfig rolls it back), or revert the live deployment (AppConfig's "
                + "revert, within 72 h; else or with --redeploy: redeploy the version live before it), or --to-version N (docs/oncall.md).")
public final class RollbackCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;
    @Mixin
    OutputOptions output;
    @Mixin
    WriteOptions write;
    @Mixin
    PollOptions polling;

    @Option(names = "--strategy", paramLabel = "KIND", defaultValue = "all-at-once", description = "Strategy of a redeploy (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--bake", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Bake time of a redeploy (default: ${DEFAULT-VALUE}).")
    Duration bake;

    @Option(names = "--redeploy", description = "Redeploy the previous version with --strategy instead of AppConfig's revert.")
    boolean redeploy;

    @Option(names = "--to-version", paramLabel = "N", description = "Redeploy this earlier hosted version.")
    Integer toVersion;

    @Option(names = "--detach-alarms", description = "When a monitored alarm is already in ALARM: redeploy with the monitors detached, "
            + "restoring them right after; recorded in the description.")
    boolean detachAlarms;

    @Option(names = "--clear-override", description = "Roll back even though the target version does not carry the active cost override.")
    boolean clearOverride;

    RollbackCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        var config = global.repoConfig();
        Duration poll = polling.interval();
        StrategySpec spec = StrategySpec.of(strategy, config.deploy().stepPercent(), config.deploy().interval(), bake);
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, true);
        LiveState live = appconfig.live(service, config, t, io.err());
        Plan plan = new Planner(new DocumentOptions().context(config)).rollback(live, toVersion, redeploy, spec, detachAlarms, clearOverride, service);
        AwsConsole console = new AwsConsole(output, io.out(), io.err());
        console.plan(plan);
        Rollout rollout = new Rollout(service, poll, console);
        Outcome outcome = InterruptReport.around(rollout, t, false, console,
                () -> WriteFlow.run(plan, write.dryRun, write.approval(), rollout, true));
        return console.finish(outcome);
    }
}
