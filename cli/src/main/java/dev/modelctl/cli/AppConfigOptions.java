package dev.modelctl.cli;

import dev.modelctl.aws.SdkAppConfigService;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Target;
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
