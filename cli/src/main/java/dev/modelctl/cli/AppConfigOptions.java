package dev.modelctl.cli;

import dev.modelctl.aws.SdkAlarmService;
import dev.modelctl.aws.SdkAppConfigService;
import dev.modelctl.core.features.deploy.AlarmService;
import dev.modelctl.core.features.deploy.DeployException;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which AppConfig application / environment / profile to act on (names or IDs; defaults from .modelctl.yaml). */
public final class AppConfigOptions {
    @Mixin
    AwsOptions aws;

    @Option(names = "--env", paramLabel = "ENV", description = "AppConfig environment (name, ID, or a short name from appconfig.environments).")
    String environment;

    @Option(names = "--application", paramLabel = "APP", description = "AppConfig application (default: appconfig.application).")
    String application;

    @Option(names = "--profile-name", paramLabel = "PROFILE", description = "Configuration profile (default: appconfig.profile).")
    String profile;

    public AppConfigService service(RepoConfig config) {
        return new SdkAppConfigService(aws.clients(config).appConfig());
    }

    /**
     * CloudWatch alarm states for the plan; without CloudWatch access the states read as unknown (the plan says so)
     * rather than failing the command.
     */
    public AlarmService alarms(RepoConfig config, java.io.PrintStream err) {
        SdkAlarmService cloudWatch = new SdkAlarmService(aws.clients(config).cloudWatch());
        return arns -> {
            try {
                return cloudWatch.states(arns);
            } catch (DeployException e) {
                err.println("modelctl: warning: alarm states unknown: " + e.getMessage());
                return java.util.Map.of();
            }
        };
    }

    public LiveState live(AppConfigService service, RepoConfig config, Target target, java.io.PrintStream err) {
        return LiveState.read(service, alarms(config, err), target);
    }

    public Target target(AppConfigService service, RepoConfig config, boolean needsEnvironment, boolean needsProfile) {
        String app = application != null ? application : config.appconfig().application();
        String env = config.appconfig().environment(environment);
        String prof = profile != null ? profile : config.appconfig().profile();
        Target t = Target.resolve(service, app, needsEnvironment ? env : null, needsProfile ? prof : null);
        if (needsEnvironment) {
            t.requireEnvironment();
        }
        if (needsProfile) {
            t.requireProfile();
        }
        return t;
    }
}
