package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.Planner;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.deploy.WriteFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code modelctl env set-alarm}: the CloudWatch alarm that rolls an environment's deployments back. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "AppConfig environment settings.", subcommands = EnvCommand.SetAlarm.class)
public final class EnvCommand implements Runnable {
    @Override
    public void run() {
        throw new CommandFailure("env: name a subcommand (set-alarm)");
    }

    /** Adds (or updates) an alarm monitor, idempotently. */
    @Command(name = "set-alarm", mixinStandardHelpOptions = true, description = "Add a CloudWatch alarm monitor to an environment (idempotent).")
    static final class SetAlarm implements Callable<Integer> {
        private final Streams io;
        @Mixin
        GlobalOptions global;
        @Mixin
        AppConfigOptions appconfig;

        @Option(names = "--alarm-arn", required = true, paramLabel = "ARN", description = "CloudWatch alarm ARN.")
        String alarmArn;

        @Option(names = "--role-arn", paramLabel = "ARN", description = "IAM role AppConfig assumes to read the alarm.")
        String roleArn;

        @Mixin
        OutputOptions output;
        @Mixin
        WriteOptions write;

        SetAlarm(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            if (!alarmArn.startsWith("arn:aws") || !alarmArn.contains(":cloudwatch:") || !alarmArn.contains(":alarm:")) {
                throw new CommandFailure("env set-alarm: --alarm-arn '" + alarmArn + "' is not a CloudWatch alarm ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME)");
            }
            var config = global.repoConfig();
            AppConfigService service = appconfig.service(config);
            Target t = appconfig.target(service, config, true, false);
            // the plan only needs the environment: no profile, no live document
            LiveState live = new LiveState(t, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), null, null,
                    t.environment().monitors().isEmpty() ? Map.of() : appconfig.alarms(config, io.err()).states(t.environment().alarmArns()));
            Plan plan = Planner.setAlarm(live, alarmArn, roleArn);
            AwsConsole console = new AwsConsole(output, io.out(), io.err());
            console.plan(plan);
            return console.finish(WriteFlow.run(plan, write.dryRun, write.approval(), new Rollout(service, java.time.Duration.ofSeconds(1), console), false));
        }
    }
}
