package dev.modelctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.registry.CheckRegistry;
import dev.modelctl.core.build.CanonicalDocument;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.config.Durations;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.CostOverridePlan;
import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.deploy.StrategySpec;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.finding.Findings;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.routing.CostOverride;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.check.CheckContext;
import dev.modelctl.git.GitInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl override --cost|--clear|--status --env E}: the on-call switch to cheap models, deployed fast. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Switch the deployed routing to cheap models (--cost), switch back (--clear), or show the override (--status).")
public final class OverrideCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;
    @Mixin
    OutputOptions output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    /** Exactly one of the three actions. */
    static final class Action {
        @Option(names = "--cost", description = "Activate the cost override.")
        boolean cost;
        @Option(names = "--clear", description = "Deactivate the cost override.")
        boolean clear;
        @Option(names = "--status", description = "Show the deployed cost override.")
        boolean status;
    }

    @Option(names = "--use-cases", split = ",", paramLabel = "USE_CASE", description = "Only these use cases (default: every use case).")
    List<String> useCases = List.of();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required with --cost; recorded in the document).")
    String reason;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "How long it lasts (default: override.default_ttl, 4h; at most override.max_ttl, 24h).")
    String ttl;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model block for use cases without a cost_override_model (default: the document's cost_override.model).")
    String model;

    @Option(names = "--engineer", paramLabel = "WHO", description = "Who (default: git user.email, else $USER).")
    String engineer;

    @Option(names = "--bake", paramLabel = "DURATION", defaultValue = "2m", description = "Bake time of the all-at-once deployment (default: ${DEFAULT-VALUE}).")
    String bake;

    @Mixin
    PollOptions polling;

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        if (action.cost && (reason == null || reason.isBlank())) {
            throw new CommandFailure("override --cost needs --reason TEXT (it is recorded in the document for the audit trail)");
        }
        Duration lifetime = ttl == null ? config.override().defaultTtl() : Durations.parseFlag("--ttl", ttl);
        if (lifetime.compareTo(config.override().maxTtl()) > 0) {
            throw new CommandFailure("override: --ttl " + Durations.format(lifetime) + " is longer than the allowed " + Durations.format(config.override().maxTtl())
                    + " (override.max_ttl)");
        }
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, true);
        var out = parent.out;
        if (action.status) {
            Deployment live = DeployedDocuments.lastCompleted(service, t)
                    .orElseThrow(() -> new DeployException("override: nothing is deployed to " + t.environment().name() + " yet"));
            RoutingDocument doc = RoutingDocument.from(DeployedDocuments.version(service, t, live.configurationVersion()));
            Instant now = Instant.now();
            CostOverride o = doc.costOverride();
            if (o == null || !o.active()) {
                out.println("cost override: off in " + t.environment().name() + " (version " + live.configurationVersion() + ")");
            } else {
                boolean expired = o.expiresAt() != null && !now.isBefore(o.expiresAt());
                out.println("cost override: " + (expired ? "EXPIRED (still marked active; runtimes ignore it)" : "ACTIVE") + " in "
                        + t.environment().name() + " (version " + live.configurationVersion() + ")");
                out.println("  scope:    " + (o.useCases().isEmpty() ? "every use case" : String.join(", ", o.useCases())) + " -> " + o.model());
                out.println("  reason:   " + o.reason() + " (by " + o.engineer() + ")");
                out.println("  since:    " + o.startedAt() + ", until " + o.expiresAt()
                        + (expired ? "" : " (" + Durations.format(Duration.between(now, o.expiresAt()).withNanos(0)) + " left)"));
            }
            return 0;
        }
        String who = action.cost ? (engineer != null ? engineer : GitInfo.userEmail(Path.of("")) != null ? GitInfo.userEmail(Path.of("")) : System.getProperty("user.name")) : null;
        return apply(service, t, config, new Switch(action.cost, useCases, model, reason, who, lifetime, Durations.parseFlag("--bake", bake), polling.interval()),
                output, out, parent.err);
    }

    /** What {@code override --cost} / {@code --clear} asks for; {@code activate} false = clear. */
    record Switch(boolean activate, List<String> useCases, String model, String reason, String engineer, Duration ttl, Duration bake, Duration poll) {
    }

    /**
     * The --cost / --clear path on the live document: build, validate, deploy all-at-once and follow. Shared with
     * {@code drill cost-override} (its lever) so the drill exercises exactly what on-call runs. Returns the exit code.
     */
    static int apply(AppConfigService service, Target t, RepoConfig config, Switch s, OutputOptions output, java.io.PrintStream out,
                     java.io.PrintStream err) {
        Deployment live = DeployedDocuments.lastCompleted(service, t)
                .orElseThrow(() -> new DeployException("override: nothing is deployed to " + t.environment().name() + " yet"));
        SourceDocument deployed = DeployedDocuments.version(service, t, live.configurationVersion());
        RoutingDocument doc = RoutingDocument.from(deployed);
        Instant now = Instant.now();
        List<String> useCases = s.useCases();
        for (String u : useCases) {
            if (!doc.useCases().containsKey(u)) {
                throw new CommandFailure("override: no use case '" + u + "' in the deployed document; known: " + String.join(", ", doc.useCases().keySet()));
            }
        }
        ObjectNode updated;
        String description;
        if (s.activate()) {
            String target = s.model() != null ? s.model() : doc.costOverride() != null ? doc.costOverride().model() : null;
            if (target == null) {
                throw new CommandFailure("override: the deployed document has no cost_override.model; pass --model MODEL");
            }
            String who = s.engineer();
            Duration lifetime = s.ttl();
            updated = CostOverridePlan.activate(deployed.root(), new CostOverridePlan.Request(useCases, target, s.reason(), who, lifetime), now);
            out.println("estimated cost per 1k tokens while the override is active:");
            CostOverridePlan.estimate(doc, ModelCatalog.builtIn(), useCases, target).forEach(l -> out.println("  " + l));
            description = "modelctl override --cost by " + who + " for " + Durations.format(lifetime) + ": " + s.reason();
        } else {
            updated = CostOverridePlan.clear(deployed.root());
            description = "modelctl override --clear";
        }
        byte[] content = CanonicalDocument.renderJson(updated);
        SourceDocument candidate = new DocumentLoader().parse(content, "override.json");
        var findings = CheckRegistry.check(candidate,
                new CheckContext(ModelCatalog.builtIn(), config, Clock.systemUTC())).findings();
        Report report = new Report("override", findings, "1 document");
        if (report.exitCode() != 0) {
            output.emit(report, out);
            err.println("modelctl: override: the overridden document has blocking findings; nothing deployed");
            return Findings.EXIT_BLOCKING;
        }
        StrategySpec fast = new StrategySpec("all-at-once", 100, Duration.ZERO, s.bake());
        return new DeployCommand.Rollout(service, t, out, err, s.poll(), false, false)
                .run(fast, true, content, "application/json", description);
    }
}
