package dev.modelctl.cli;

import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Outcome;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.PlanReport;
import dev.modelctl.core.features.deploy.Planner;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.deploy.WriteFlow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl override --cost|--clear|--status --env E}: the on-call switch to cheap models, deployed fast. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Switch the live routing to cheap models (--cost), switch back (--clear), or show the override (--status); "
                + "plans against the live version first (docs/oncall.md).")
public final class OverrideCommand implements Callable<Integer> {
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

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    /** Exactly one of the three actions. */
    static final class Action {
        @Option(names = "--cost", description = "Activate the cost override.")
        boolean cost;
        @Option(names = "--clear", description = "Clear the cost override (with --use-cases: only those).")
        boolean clear;
        @Option(names = "--status", description = "Show the cost override in force.")
        boolean status;
    }

    @Option(names = "--use-cases", split = ",", paramLabel = "USE_CASE", description = "Only these use cases (default: every use case).")
    List<String> useCases = List.of();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required with --cost; recorded in the document and the audit description).")
    String reason;

    // parsed with Durations.parseFlag, so an out-of-range TTL is the one-line "--ttl: ..." message of docs/validate.md
    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "How long it lasts: more than the bake, at most override.max_ttl (default: override.default_ttl, 4h).")
    String ttl;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model block for use cases without a cost_override_model (default: the document's cost_override.model).")
    String model;

    @Option(names = "--engineer", paramLabel = "WHO", description = "Who (default: git user.email, else $USER).")
    String engineer;

    @Option(names = "--bake", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Bake time of the all-at-once deployment (default: ${DEFAULT-VALUE}).")
    Duration bake;

    @Option(names = "--replace", description = "Replace an active override (scope, reason, engineer, expiry).")
    boolean replace;

    @Option(names = "--add", description = "Extend an active override's scope with --use-cases.")
    boolean add;

    @Option(names = "--detach-alarms", description = "When a monitored alarm is already in ALARM: deploy with the environment's monitors "
            + "detached, restoring them right after (also on failure and Ctrl-C); recorded in the description.")
    boolean detachAlarms;

    OverrideCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        Duration poll = polling.interval();
        Duration lifetime = ttl == null ? config.override().defaultTtl() : Durations.parseFlag("--ttl", ttl);
        if (action.cost && lifetime.compareTo(config.override().maxTtl()) > 0) {
            throw new CommandFailure("override: --ttl " + Durations.format(lifetime) + " is longer than the allowed "
                    + Durations.format(config.override().maxTtl()) + " (override.max_ttl)");
        }
        if (replace && add) {
            throw new CommandFailure("override: --replace and --add exclude each other");
        }
        AppConfigService service = appconfig.service(config);
        Target t = appconfig.target(service, config, true, true);
        LiveState live = appconfig.live(service, config, t, io.err());
        AwsConsole console = new AwsConsole(output, io.out(), io.err());
        Instant now = Instant.now();
        if (action.status) {
            if (console.json()) {
                console.put("live", PlanReport.json(live, now));
                console.print();
            } else {
                PlanReport.overrideText(live, now).forEach(io.out()::println);
            }
            return 0;
        }
        String who = Engineer.who(engineer);
        Planner planner = new Planner(new DocumentOptions().context(config));
        Plan plan = action.cost
                ? planner.overrideOn(live, new Planner.Activation(useCases, model, reason, who, lifetime,
                replace ? Planner.OverrideMode.REPLACE : add ? Planner.OverrideMode.ADD : Planner.OverrideMode.NEW, bake, detachAlarms))
                : planner.overrideClear(live, new Planner.Clearance(useCases, reason, who, bake, detachAlarms));
        console.plan(plan);
        Rollout rollout = new Rollout(service, poll, console);
        Outcome outcome = InterruptReport.around(rollout, t, false, console,
                () -> WriteFlow.run(plan, write.dryRun, write.approval(), rollout, true));
        return console.finish(outcome);
    }
}
