package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigModel.Profile;
import dev.modelctl.core.features.deploy.AppConfigModel.Validator;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.checks.validate.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl profile attach-schema}: the canonical schema as the profile's JSON_SCHEMA validator (service-side layer). */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "AppConfig configuration profile settings.",
        subcommands = ProfileCommand.AttachSchema.class)
public final class ProfileCommand implements Runnable {
    @Override
    public void run() {
        throw new CommandFailure("profile: name a subcommand (attach-schema)");
    }

    /** Installs or refreshes the JSON_SCHEMA validator, leaving other validators (Lambda) alone. */
    @Command(name = "attach-schema", mixinStandardHelpOptions = true, description = "Install the canonical schema as the profile's JSON_SCHEMA validator (idempotent).")
    static final class AttachSchema implements Callable<Integer> {
        private final Streams io;
        @Mixin
        GlobalOptions global;
        @Mixin
        AppConfigOptions appconfig;

        AttachSchema(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            var config = global.repoConfig();
            AppConfigService service = appconfig.service(config);
            Target t = appconfig.target(service, config, false, true);
            Profile p = service.profile(t.application().id(), t.profile().id());
            String schema = SchemaCheck.compact(SchemaCheck.schemaText());
            var out = io.out();
            if (p.validators().stream().anyMatch(v -> v.type().equals("JSON_SCHEMA") && v.content().equals(schema))) {
                out.println("profile " + p.name() + " already validates with the canonical schema");
                return 0;
            }
            List<Validator> validators = new ArrayList<>();
            p.validators().stream().filter(v -> !v.type().equals("JSON_SCHEMA")).forEach(validators::add);
            validators.add(new Validator("JSON_SCHEMA", schema));
            service.updateValidators(t.application().id(), t.profile().id(), validators);
            out.println("profile " + p.name() + " now validates every hosted version with the canonical schema (" + schema.length() + " characters)");
            return 0;
        }
    }
}
