package dev.modelctl.cli;

import dev.modelctl.core.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl env set-alarm}: the CloudWatch alarm that rolls an environment's deployments back. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "AppConfig environment settings.", subcommands = EnvCommand.SetAlarm.class)
public final class EnvCommand implements Runnable {
    @ParentCommand
    ModelctlCommand parent;

    @Override
    public void run() {
        throw new CommandFailure("env: name a subcommand (set-alarm)");
    }

    /** Adds (or updates) an alarm monitor, idempotently. */
    @Command(name = "set-alarm", mixinStandardHelpOptions = true, description = "Add a CloudWatch alarm monitor to an environment (idempotent).")
    static final class SetAlarm implements Callable<Integer> {
        @ParentCommand
        EnvCommand env;
        @Mixin
        GlobalOptions global;
        @Mixin
        AppConfigOptions appconfig;

        @Option(names = "--alarm-arn", required = true, paramLabel = "ARN", description = "CloudWatch alarm ARN.")
        String alarmArn;

        @Option(names = "--role-arn", paramLabel = "ARN", description = "IAM role AppConfig assumes to read the alarm.")
        String roleArn;

        @Override
        public Integer call() {
            if (!alarmArn.startsWith("arn:aws") || !alarmArn.contains(":cloudwatch:") || !alarmArn.contains(":alarm:")) {
                throw new CommandFailure("env set-alarm: --alarm-arn '" + alarmArn + "' is not a CloudWatch alarm ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME)");
            }
            var config = global.repoConfig();
            AppConfigService service = appconfig.service(config);
            Target t = appconfig.target(service, config, true, false);
            List<Monitor> monitors = new ArrayList<>();
            boolean same = false;
            for (Monitor m : t.environment().monitors()) {
                if (m.alarmArn().equals(alarmArn)) {
                    same = java.util.Objects.equals(m.alarmRoleArn(), roleArn);
                    continue;
                }
                monitors.add(m);
            }
            if (same) {
                env.parent.out.println("environment " + t.environment().name() + " already monitors " + alarmArn);
                return 0;
            }
            monitors.add(new Monitor(alarmArn, roleArn));
            service.updateMonitors(t.application().id(), t.environment().id(), monitors);
            env.parent.out.println("environment " + t.environment().name() + " now rolls back on " + alarmArn + " (" + monitors.size() + " monitor"
                    + (monitors.size() == 1 ? "" : "s") + ")");
            return 0;
        }
    }
}
