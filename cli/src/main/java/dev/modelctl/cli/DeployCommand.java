package dev.modelctl.cli;

import dev.modelctl.core.registry.CheckRegistry;
import dev.modelctl.core.build.CanonicalDocument;
import dev.modelctl.core.config.Durations;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.deploy.AppConfigService;
import dev.modelctl.core.deploy.Deployer;
import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.deploy.StrategySpec;
import dev.modelctl.core.deploy.Target;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.finding.Findings;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.team.FileSource;
import dev.modelctl.core.team.RoutingSet;
import dev.modelctl.git.GitInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl deploy FILE --env E --strategy …}: check, upload, deploy through AppConfig, follow, exit 3 on rollback. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Check a routing document, upload it as a hosted version and deploy it through AppConfig, following it to the end.")
public final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The routing document to deploy.")
    Path file;

    @Option(names = "--strategy", paramLabel = "KIND", description = "linear, exponential or all-at-once (default: deploy.strategy, linear).")
    String strategy;

    @Option(names = "--step", paramLabel = "PCT", description = "Percent per step (default: deploy.step, 10).")
    Integer step;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Time between steps (default: deploy.interval, 2m).")
    String interval;

    @Option(names = "--bake", paramLabel = "DURATION", description = "Final bake time watching the alarms (default: deploy.bake, 10m).")
    String bake;

    @Option(names = "--allow-no-alarm", description = "Deploy gradually even though no CloudWatch alarm can roll it back.")
    boolean allowNoAlarm;

    @Option(names = "--no-wait", description = "Start the deployment and return without following it.")
    boolean noWait;

    @Option(names = "--stop-on-interrupt", description = "On Ctrl-C, stop (roll back) the deployment instead of detaching from it.")
    boolean stopOnInterrupt;

    @Option(names = "--ownership", paramLabel = "FILE", description = "Team ownership file (default: the repo config's, if it exists).")
    Path ownership;

    @Mixin
    PollOptions polling;

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        StrategySpec spec = new StrategySpec(strategy != null ? strategy : config.deploy().strategy(),
                step != null ? step : config.deploy().stepPercent(),
                interval != null ? Durations.parseFlag("--interval", interval) : config.deploy().interval(),
                bake != null ? Durations.parseFlag("--bake", bake) : config.deploy().bake());
        // 1. every check first: a document with blocking findings never leaves the machine
        String ownershipPath = DocumentOptions.ownershipPath(config, ownership);
        var loader = new dev.modelctl.core.doc.DocumentLoader();
        RoutingSet set = RoutingSet.load(FileSource.workingTree(Path.of(""), loader), loader, file.toString(),
                ownershipPath, ownership != null);
        List<Finding> findings = CheckRegistry.check(set, new DocumentOptions().context(config));
        Report report = new Report("deploy", findings, "1 document");
        if (report.exitCode() != 0) {
            output.emit(report, parent.out);
            parent.err.println("modelctl: deploy: refusing to deploy " + file + ": it has blocking findings");
            return Findings.EXIT_BLOCKING;
        }
        byte[] content = CanonicalDocument.render(set);
        AppConfigService service = appconfig.service(config);
        Target target = appconfig.target(service, config, true, true);
        return new Rollout(service, target, parent.out, parent.err, polling.interval(), stopOnInterrupt, noWait)
                .run(spec, allowNoAlarm, content, "application/json", GitInfo.describe(file, "modelctl deploy " + file.getFileName()));
    }

    /** Upload, start and follow: shared by deploy, override and rollback. */
    static final class Rollout {
        private final AppConfigService service;
        private final Target target;
        private final java.io.PrintStream out;
        private final java.io.PrintStream err;
        private final Deployer deployer;
        private final boolean stopOnInterrupt;
        private final boolean noWait;

        Rollout(AppConfigService service, Target target, java.io.PrintStream out, java.io.PrintStream err, Duration poll,
                boolean stopOnInterrupt, boolean noWait) {
            this.service = service;
            this.target = target;
            this.out = out;
            this.err = err;
            this.deployer = new Deployer(service, poll);
            this.stopOnInterrupt = stopOnInterrupt;
            this.noWait = noWait;
        }

        int run(StrategySpec spec, boolean allowNoAlarm, byte[] content, String contentType, String description) {
            if (spec.gradual() && target.environment().monitors().isEmpty() && !allowNoAlarm) {
                throw new DeployException("environment " + target.environment().name() + " has no CloudWatch alarm monitor, so a bad "
                        + spec.kind() + " deployment would not roll back by itself; add one with `modelctl env set-alarm --env "
                        + target.environment().name() + " --alarm-arn ARN` or pass --allow-no-alarm");
            }
            Strategy strategy = deployer.strategy(spec);
            int version = deployer.upload(target, content, contentType, description);
            out.println("uploaded hosted version " + version + " of " + target.application().name() + "/" + target.profile().name());
            return deploy(strategy, version, description);
        }

        int deploy(Strategy strategy, int version, String description) {
            Deployment started = deployer.start(target, strategy, version, description);
            out.println("started deployment #" + started.number() + " of version " + version + " to " + target.environment().name()
                    + " with " + strategy.name() + " (" + strategy.growthType().toLowerCase() + " " + (int) strategy.growthFactor() + "%, "
                    + strategy.durationMinutes() + " min + " + strategy.finalBakeMinutes() + " min bake)");
            if (noWait) {
                out.println("not waiting; follow it with `modelctl status --env " + target.environment().name() + "`");
                return 0;
            }
            Interrupt interrupt = new Interrupt(started.number());
            Runtime.getRuntime().addShutdownHook(interrupt);
            Deployment last;
            try {
                last = deployer.follow(target, started, DeploymentView.forConsole(out), () -> interrupt.fired);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupt);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and reports
                }
            }
            return switch (last.state()) {
                case "COMPLETE" -> {
                    out.println("deployment #" + last.number() + " COMPLETE: version " + version + " is live in " + target.environment().name());
                    yield 0;
                }
                case "ROLLED_BACK", "REVERTED" -> {
                    err.println("modelctl: deployment #" + last.number() + " " + last.state() + ": " + Deployer.rollbackReason(last));
                    yield Findings.EXIT_ROLLED_BACK;
                }
                default -> {
                    err.println("modelctl: deployment #" + last.number() + " is " + last.state() + "; follow it with `modelctl status --env "
                            + target.environment().name() + "`");
                    yield Findings.EXIT_FAILURE;
                }
            };
        }

        /** Ctrl-C while following: say how to watch or stop the deployment, or stop it with --stop-on-interrupt. */
        private final class Interrupt extends Thread {
            private final int number;
            volatile boolean fired;

            Interrupt(int number) {
                this.number = number;
            }

            @Override
            public void run() {
                fired = true;
                String env = target.environment().name();
                try {
                    Deployment d = service.deployment(target.application().id(), target.environment().id(), number);
                    if (!d.inProgress()) {
                        return;
                    }
                    if (stopOnInterrupt) {
                        service.stopDeployment(target.application().id(), target.environment().id(), number, false);
                        err.println("\nmodelctl: interrupted: stopped deployment #" + number + " in " + env + " (it rolls back)");
                    } else {
                        err.println("\nmodelctl: interrupted: deployment #" + number + " continues in " + env + " (" + d.state() + " "
                                + (int) d.percentComplete() + "%); watch: modelctl status --env " + env + "; stop: modelctl rollback --env " + env);
                    }
                } catch (RuntimeException e) {
                    err.println("\nmodelctl: interrupted while following deployment #" + number + " in " + env + "; check `modelctl status --env " + env + "`");
                }
            }
        }
    }
}
