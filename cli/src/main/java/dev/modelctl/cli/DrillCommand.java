package dev.modelctl.cli;

import dev.modelctl.aws.AwsClients;
import dev.modelctl.aws.SdkConfigurationSessions;
import dev.modelctl.aws.SdkModelInvoker;
import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.features.drill.DrillClock;
import dev.modelctl.core.features.drill.DrillException;
import dev.modelctl.core.features.drill.DrillResult;
import dev.modelctl.core.features.drill.DrillRunner;
import dev.modelctl.core.features.drill.DrillSettings;
import dev.modelctl.core.features.drill.SessionSampler;
import dev.modelctl.core.base.finding.Findings;
import dev.modelctl.core.report.Format;
import dev.modelctl.core.report.JsonRenderer;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.features.smoke.ModelInvoker;
import dev.modelctl.git.GitInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.io.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code modelctl drill cost-override --env E}: the quarterly drill of the incident switch (docs/drill.md). */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Rehearse an incident procedure end to end.",
        subcommands = DrillCommand.CostOverride.class)
public final class DrillCommand implements Runnable {
    private final Streams io;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    DrillCommand(Streams io) {
        this.io = io;
    }

    @Override
    public void run() {
        spec.commandLine().usage(io.out());
    }

    /** Override on through the real lever, timed as services see it, checked, always cleared. */
    @Command(name = "cost-override", mixinStandardHelpOptions = true,
            description = "Turn the cost override on through the on-call lever, time until AppConfig Data sessions serve it, check routing and the "
                    + "shadow cost reduction, always clear it again, and report pass/fail (exit 1 when a criterion fails, 2 when the drill could not run).")
    public static final class CostOverride implements Callable<Integer> {
        private final Streams io;
        @Mixin
        GlobalOptions global;
        @Mixin
        AppConfigOptions appconfig;
        @Mixin
        OutputOptions output;
        @Mixin
        PollOptions polling;

        @Option(names = "--use-cases", split = ",", paramLabel = "USE_CASE", description = "Only these use cases (default: every use case).")
        List<String> useCases = List.of();

        @Option(names = "--target", paramLabel = "DURATION", defaultValue = "90s", converter = DurationConverter.class,
                description = "Longest time from the flip until every sampled session serves the override (default: ${DEFAULT-VALUE}).")
        Duration target;

        @Option(names = "--min-reduction", paramLabel = "PCT", defaultValue = "70%",
                description = "Smallest acceptable shadow cost reduction (default: ${DEFAULT-VALUE}).")
        String minReduction;

        @Option(names = "--report", paramLabel = "FILE", description = "Write the Markdown drill report for the runbook here (atomic write).")
        Path report;

        @Option(names = "--smoke", description = "Also make one small InvokeModel per override model with the document's parameters.")
        boolean smoke;

        @Option(names = "--sessions", paramLabel = "N", defaultValue = "5", description = "Concurrent AppConfig Data sessions (default: ${DEFAULT-VALUE}).")
        int sessions;

        @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
                description = "Each session's RequiredMinimumPollIntervalInSeconds, 15s to 24h (default: ${DEFAULT-VALUE}; use your services' value).")
        Duration pollInterval;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
                description = "How long to wait for the sessions to serve the override, and then the clear (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
                description = "The drill override's expiry: runtimes drop it then even if every clear failed (default: ${DEFAULT-VALUE}).")
        Duration ttl;

        @Option(names = "--bake", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
                description = "Bake time of the override's all-at-once deployment, as `override` (default: ${DEFAULT-VALUE}).")
        Duration bake;

        @Option(names = "--engineer", paramLabel = "WHO", description = "Who runs the drill (default: git user.email, else $USER).")
        String engineer;

        @Option(names = "--yes", description = "Run without asking (required off a terminal, e.g. in CI): the drill switches the override on and off.")
        boolean yes;

        @Option(names = "--time-scale", paramLabel = "MS", hidden = true,
                description = "Real milliseconds per AppConfig second (the test suite runs the drill against fakes on an accelerated clock).")
        Double timeScale;

        CostOverride(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Duration targetTime = positive("--target", target);
            double min = parsePercent(minReduction);
            if (pollInterval.compareTo(Duration.ofSeconds(15)) < 0 || pollInterval.compareTo(Duration.ofHours(24)) > 0) {
                throw new CommandFailure("--poll-interval: AppConfig accepts 15s to 24h (RequiredMinimumPollIntervalInSeconds), not "
                        + (pollInterval.toMillis() % 1000 == 0 ? Durations.format(pollInterval) : pollInterval.toMillis() + "ms"));
            }
            if (sessions < 1 || sessions > 50) {
                throw new CommandFailure("--sessions: between 1 and 50, not " + sessions);
            }
            Duration wait = positive("--timeout", timeout);
            Duration lifetime = positive("--ttl", ttl);
            RepoConfig config = global.repoConfig();
            if (lifetime.compareTo(config.override().maxTtl()) > 0) {
                throw new CommandFailure("drill: --ttl " + Durations.format(lifetime) + " is longer than the allowed "
                        + Durations.format(config.override().maxTtl()) + " (override.max_ttl)");
            }
            if (report != null && report.toAbsolutePath().getParent() != null && !Files.isDirectory(report.toAbsolutePath().getParent())) {
                throw new CommandFailure("--report: no such directory: " + report.toAbsolutePath().getParent());
            }
            if (report != null) {
                OutputFiles.requireRegularTarget(report, "--report"); // refused now, not after the drill has switched the override
            }
            DrillClock clock = timeScale == null ? DrillClock.REAL : new DrillClock(timeScale);
            String gitEmail = engineer != null ? null : GitInfo.userEmail(Path.of(""));
            String who = engineer != null ? engineer : gitEmail != null ? gitEmail : System.getProperty("user.name");
            Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String reason = "modelctl drill cost-override " + started + " by " + who + " (quarterly drill; cleared automatically)";

            AppConfigService service = appconfig.service(config);
            Target t = appconfig.target(service, config, true, true);
            approve(t.environment().name());
            AwsClients clients = appconfig.aws.clients(config);
            DrillSettings settings = new DrillSettings(t.environment().name(), useCases, targetTime, min, sessions, pollInterval, wait, lifetime, reason, smoke);
            OverrideLever lever = new OverrideLever(service, appconfig.alarms(config, io.err()), t, new DocumentOptions().context(config), who,
                    bake, polling.interval(), io.err());
            LazyInvoker invoker = new LazyInvoker(clients);
            DrillResult result;
            try (SdkConfigurationSessions data = new SdkConfigurationSessions(clients.appConfigData());
                 SessionSampler sampler = new SessionSampler(data, t.application().id(), t.environment().id(), t.profile().id(), sessions, pollInterval, clock,
                         "appconfig:" + t.environment().name())) {
                DrillRunner runner = new DrillRunner(settings, lever, sampler, CatalogOptions.resolve(null, config), config.traffic(), invoker::get, clock,
                        io.err());
                Thread onInterrupt = new Thread(() -> interrupted(runner, io.err(), t.environment().name()), "drill-clear-on-interrupt");
                Runtime.getRuntime().addShutdownHook(onInterrupt);
                try {
                    result = runner.run();
                } catch (DrillException e) {
                    throw new CommandFailure(e.getMessage());
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(onInterrupt);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl-C: the hook is clearing
                    }
                    invoker.close();
                }
            }
            return emit(result, started);
        }

        /**
         * The drill changes live traffic in the environment (override on, then off): asked on a terminal, {@code --yes}
         * elsewhere, as every write command (docs/oncall.md). Runs before the first write; a refusal exits 1.
         */
        private void approve(String env) {
            if (yes) {
                return;
            }
            java.io.Console console = System.console();
            if (console == null) {
                throw new CommandFailure("drill: not on a terminal: re-run with --yes to switch the cost override on and off in " + env
                        + "; nothing written", 1);
            }
            String answer = console.readLine("run the cost-override drill in %s (override on, sampled, then cleared)? [y/N] ", env);
            if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
                throw new CommandFailure("drill: declined; nothing written", 1);
            }
        }

        /** Ctrl-C: clear (or stop the drill's deployment) before the JVM exits, and say what state it leaves. */
        private static void interrupted(DrillRunner runner, PrintStream err, String env) {
            DrillResult.Clear c = runner.clear();
            if (c == null) {
                err.println("\nmodelctl: drill interrupted before the lever was pulled; nothing changed in " + env);
            } else if (c.verified()) {
                err.println("\nmodelctl: drill interrupted: the override is cleared and every sampled session serves the clear");
            } else {
                err.println("\nmodelctl: drill interrupted: the clear is NOT confirmed (" + c.lever().outcome() + "); run `modelctl override --clear --env "
                        + env + "` and check `modelctl override --status --env " + env + "`");
            }
        }

        private int emit(DrillResult result, Instant started) {
            Report findings = new Report("drill", result.findings(), "1 environment");
            var out = io.out();
            if (report != null) {
                write(report, result.markdown(started.toString()));
            }
            if (output.format() == Format.JSON) {
                var root = JsonRenderer.toJson(findings);
                result.json(root);
                out.println(root.toPrettyString());
                out.flush();
            } else {
                if (output.format() == Format.TEXT) {
                    result.text(out);
                }
                if (output.format() != Format.TEXT || !findings.findings().isEmpty()) {
                    output.emit(findings, out);
                }
                if (output.format() == Format.MARKDOWN) {
                    out.println();
                    out.print(result.markdown(started.toString()));
                }
            }
            if (!result.cleared()) {
                io.err().println("modelctl: drill: the clear is not confirmed in " + result.settings().environment()
                        + ": the drill's override may still be served; run `modelctl override --clear --env " + result.settings().environment() + "` now");
                return Findings.EXIT_FAILURE;
            }
            return findings.exitCode();
        }

        private static void write(Path file, String content) {
            try {
                OutputFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
            } catch (InputException e) {
                throw new CommandFailure("--report: " + e.getMessage());
            }
        }

        private static Duration positive(String flag, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new CommandFailure(flag + ": must be longer than 0");
            }
            return d;
        }

        /** {@code 70%}, {@code 70} or {@code 0.7}: a fraction between 0 and 1. */
        static double parsePercent(String text) {
            String t = text.trim();
            boolean pct = t.endsWith("%");
            try {
                double v = Double.parseDouble(pct ? t.substring(0, t.length() - 1).trim() : t);
                double f = pct || v > 1 ? v / 100 : v;
                if (Double.isNaN(f) || f < 0 || f > 1) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw new CommandFailure(String.format(Locale.ROOT, "--min-reduction: expected a percentage such as 70%%, not '%s'", text));
            }
        }
    }

    /** Opens the Bedrock client only when --smoke calls it. */
    private static final class LazyInvoker {
        private final AwsClients clients;
        private SdkModelInvoker invoker;

        LazyInvoker(AwsClients clients) {
            this.clients = clients;
        }

        synchronized ModelInvoker get() {
            if (invoker == null) {
                invoker = SdkModelInvoker.open(clients, Duration.ofSeconds(30));
            }
            return invoker;
        }

        synchronized void close() {
            if (invoker != null) {
                invoker.close();
            }
        }
    }
}
