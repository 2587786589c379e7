package dev.modelctl.cli;

import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.diff.SemanticDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl history --env E [--diff A..B]}: past deployments and hosted versions, with semantic diffs. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past deployments and hosted versions; --diff A..B shows what changed between two versions, in routing terms.")
public final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;

    @Option(names = "--diff", paramLabel = "A..B", description = "Semantic diff between hosted versions A and B.")
    String diff;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many entries to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        var config = global.repoConfig();
        AppConfigService service = appconfig.service(config);
        var out = parent.out;
        if (diff != null) {
            String[] parts = diff.split("\\.\\.");
            if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
                throw new CommandFailure("history: --diff must look like 3..5 (two hosted version numbers)");
            }
            Target t = appconfig.target(service, config, false, true);
            List<String> lines = SemanticDiff.between(DeployedDocuments.routing(service, t, Integer.parseInt(parts[0])),
                    DeployedDocuments.routing(service, t, Integer.parseInt(parts[1])));
            out.println("version " + parts[0] + " -> " + parts[1] + (lines.isEmpty() ? ": no routing changes" : ":"));
            lines.forEach(l -> out.println("  " + l));
            return 0;
        }
        Target t = appconfig.target(service, config, true, true);
        List<Deployment> deployments = service.deployments(t.application().id(), t.environment().id());
        out.println("deployments to " + t.environment().name() + ":");
        for (Deployment d : deployments.stream().limit(limit).toList()) {
            out.printf("  #%-4d %-12s %3d%%  version %-4d started %s%n", d.number(), d.state(), Math.round(d.percentComplete()),
                    d.configurationVersion(), d.startedAt());
        }
        List<HostedVersion> versions = service.hostedVersions(t.application().id(), t.profile().id());
        out.println("hosted versions of " + t.profile().name() + ":");
        for (int i = 0; i < Math.min(limit, versions.size()); i++) {
            HostedVersion v = versions.get(i);
            out.printf("  %-4d %s%n", v.number(), v.description() == null ? "" : v.description());
            if (i + 1 < versions.size()) {
                List<String> lines = SemanticDiff.between(DeployedDocuments.routing(service, t, versions.get(i + 1).number()),
                        DeployedDocuments.routing(service, t, v.number()));
                lines.forEach(l -> out.println("         " + l));
            }
        }
        return 0;
    }
}
