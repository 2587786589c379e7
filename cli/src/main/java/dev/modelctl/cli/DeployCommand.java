package dev.modelctl.cli;

import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.core.features.build.CanonicalDocument;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Outcome;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.Planner;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.StrategySpec;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.deploy.WriteFlow;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Findings;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.checks.team.FileSource;
import dev.modelctl.core.checks.team.RoutingSet;
import dev.modelctl.git.GitInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl deploy FILE --env E --strategy …}: check, plan against what is live, upload, deploy, follow; exit 3 on rollback. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Check a routing document, plan it against the live version, upload it as a hosted version and deploy it through "
                + "AppConfig, following it to the end (docs/oncall.md).")
public final class DeployCommand implements Callable<Integer> {
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

    @Parameters(index = "0", paramLabel = "FILE", description = "The routing document to deploy.")
    Path file;

    @Option(names = "--strategy", paramLabel = "KIND", description = "linear, exponential or all-at-once (default: deploy.strategy, linear).")
    String strategy;

    @Option(names = "--step", paramLabel = "PCT", description = "Percent per step, 1-100 (default: deploy.step, 10).")
    Integer step;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between steps; the steps must add up to whole minutes, at most 24h (default: deploy.interval, 2m).")
    Duration interval;

    @Option(names = "--bake", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Final bake watching the alarms, whole minutes, at most 24h (default: deploy.bake, 10m).")
    Duration bake;

    @Option(names = "--allow-no-alarm", description = "Deploy gradually even though no CloudWatch alarm can roll it back.")
    boolean allowNoAlarm;

    @Option(names = "--no-wait", description = "Start the deployment and return without following it.")
    boolean noWait;

    @Option(names = "--stop-on-interrupt", description = "On Ctrl-C, stop (roll back) the deployment instead of detaching from it.")
    boolean stopOnInterrupt;

    @Mixin
    OwnershipOption ownershipOption;

    @ArgGroup(exclusive = true)
    OverrideChoice overrideChoice;

    /** What to do with an active cost override the document does not carry. */
    static final class OverrideChoice {
        @Option(names = "--keep-override", description = "Carry the active cost override into the new version.")
        boolean keep;
        @Option(names = "--clear-override", description = "Clear the active cost override with this deploy, deliberately.")
        boolean clear;
    }

    DeployCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        StrategySpec spec = StrategySpec.of(strategy != null ? strategy : config.deploy().strategy(),
                step != null ? step : config.deploy().stepPercent(),
                interval != null ? interval : config.deploy().interval(), bake != null ? bake : config.deploy().bake());
        Duration poll = polling.interval();
        // every check first: a document with blocking findings never leaves the machine
        String ownershipPath = DocumentOptions.ownershipPath(config, ownershipOption.file);
        var loader = new dev.modelctl.core.base.doc.DocumentLoader();
        RoutingSet set = RoutingSet.load(FileSource.workingTree(Path.of(""), loader), loader, file.toString(),
                ownershipPath, ownershipOption.file != null);
        var context = new DocumentOptions().context(config);
        List<Finding> findings = CheckRegistry.check(set, context);
        Report report = new Report("deploy", findings, "1 document");
        if (report.exitCode() != 0) {
            output.emit(report, io.out());
            io.err().println("modelctl: deploy: refusing to deploy " + file + ": it has blocking findings");
            return Findings.EXIT_BLOCKING;
        }
        byte[] content = CanonicalDocument.render(set);
        AppConfigService service = appconfig.service(config);
        Target target = appconfig.target(service, config, true, true);
        LiveState live = appconfig.live(service, config, target, io.err());
        Planner.OverrideCarry carry = overrideChoice == null ? Planner.OverrideCarry.REFUSE
                : overrideChoice.keep ? Planner.OverrideCarry.KEEP : Planner.OverrideCarry.CLEAR;
        String who = Engineer.who(null);
        Plan plan = new Planner(context).deploy(live, content, spec, allowNoAlarm, carry,
                GitInfo.describe(file, "modelctl deploy " + file.getFileName() + " by " + who));
        AwsConsole console = new AwsConsole(output, io.out(), io.err());
        console.plan(plan);
        Rollout rollout = new Rollout(service, poll, console);
        Outcome outcome = InterruptReport.around(rollout, target, stopOnInterrupt, console,
                () -> WriteFlow.run(plan, write.dryRun, write.approval(), rollout, !noWait));
        return console.finish(outcome);
    }
}
