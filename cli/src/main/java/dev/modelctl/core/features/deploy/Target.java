package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Application;
import dev.modelctl.core.features.deploy.AppConfigModel.Environment;
import dev.modelctl.core.features.deploy.AppConfigModel.Profile;

import java.util.List;
import java.util.function.Function;

/** The AppConfig application, environment and configuration profile a command acts on (names or IDs accepted). */
public record Target(Application application, Environment environment, Profile profile) {

    public static Target resolve(AppConfigService service, String application, String environment, String profile) {
        require(application, "application", "appconfig.application in .modelctl.yaml or --application");
        Application app = pick(service.applications(), application, Application::id, Application::name, "application", "");
        Environment env = environment == null ? null
                : pick(service.environments(app.id()), environment, Environment::id, Environment::name, "environment", " in " + app.name());
        Profile prof = profile == null ? null
                : pick(service.profiles(app.id()), profile, Profile::id, Profile::name, "configuration profile", " in " + app.name());
        return new Target(app, env, prof);
    }

    private static void require(String value, String what, String where) {
        if (value == null) {
            throw new DeployException("no AppConfig " + what + " given: set " + where);
        }
    }

    private static <T> T pick(List<T> items, String wanted, Function<T, String> id, Function<T, String> name, String what, String where) {
        for (T t : items) {
            if (wanted.equals(id.apply(t)) || wanted.equals(name.apply(t))) {
                return t;
            }
        }
        List<String> known = items.stream().map(name).sorted().toList();
        throw new DeployException.NotFound("no AppConfig " + what + " '" + wanted + "'" + where
                + (known.isEmpty() ? " (none exist)" : "; known: " + String.join(", ", known)));
    }

    public Environment requireEnvironment() {
        if (environment == null) {
            throw new DeployException("no environment given: use --env NAME (or appconfig.environment in .modelctl.yaml)");
        }
        return environment;
    }

    public Profile requireProfile() {
        if (profile == null) {
            throw new DeployException("no configuration profile given: set appconfig.profile in .modelctl.yaml or --profile-name");
        }
        return profile;
    }
}
