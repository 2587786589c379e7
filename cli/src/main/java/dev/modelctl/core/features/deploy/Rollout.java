package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Event;
import dev.modelctl.core.features.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link Plan}: the guards once more, then upload under the optimistic lock, start, follow with retries,
 * restore detached monitors, and say how it ended. Shared by deploy, override, rollback and env set-alarm; knows at
 * every moment what exists on the AWS side, so an interrupt can report it ({@link #interruptReport()}).
 */
public final class Rollout {
    /** Told about progress while a plan is applied. */
    public interface Listener {
        /** A step done: "uploaded hosted version 4 …". */
        void step(String line);

        /** A followed deployment changed (state, percentage, or new events). */
        void changed(Deployment deployment, List<Event> newEvents);

        Listener SILENT = new Listener() {
            @Override
            public void step(String line) {
            }

            @Override
            public void changed(Deployment deployment, List<Event> newEvents) {
            }
        };
    }

    /** How many polls in a row may fail (after the SDK's own retries) before the command says it lost track. */
    public static final int MAX_FAILED_POLLS = 4;

    private final AppConfigService service;
    private final Duration poll;
    private final Listener listener;
    private volatile Integer uploaded;
    private volatile Deployment started;
    private volatile boolean starting;
    private volatile List<Monitor> detachedMonitors;
    /** How many monitors this rollout detached (0: none), so an interrupt can say they are back. */
    private volatile int detachedCount;
    private volatile boolean stopRequested;
    private final CountDownLatch startReturned = new CountDownLatch(1);

    public Rollout(AppConfigService service, Duration poll, Listener listener) {
        if (poll.isNegative() || poll.isZero()) {
            throw new DeployException.Invalid("--poll must be longer than 0s");
        }
        this.service = service;
        this.poll = poll;
        this.listener = listener;
    }

    /** Ctrl-C: stop following at the next poll. */
    public void stopFollowing() {
        stopRequested = true;
    }

    /** Applies a plan that {@link Plan#writes()}; {@code follow} false returns right after the start (--no-wait). */
    public Outcome apply(Plan plan, boolean follow) {
        if (!plan.writes()) {
            throw new IllegalStateException("plan does not write");
        }
        Target t = plan.target();
        String app = t.application().id();
        String env = t.requireEnvironment().id();
        switch (plan.action()) {
            case SET_ALARM -> {
                service.updateMonitors(app, env, plan.setAlarm());
                return new Outcome(Outcome.Kind.MONITORS_UPDATED, null, null, "environment " + t.environment().name() + " now rolls back on "
                        + String.join(", ", plan.setAlarm().stream().map(Monitor::alarmArn).toList()));
            }
            case STOP -> {
                Deployment d = service.stopDeployment(app, env, plan.deployment(), false);
                return new Outcome(Outcome.Kind.STOPPED, d, plan.version(), "stopped deployment #" + d.number() + " in " + t.environment().name() + ": "
                        + d.state() + "; clients return to " + (plan.version() == null ? "the previous version" : "version " + plan.version()));
            }
            case REVERT -> {
                Deployment d = service.stopDeployment(app, env, plan.deployment(), true);
                return new Outcome(Outcome.Kind.REVERTED, d, plan.version(), "reverted deployment #" + d.number() + " in " + t.environment().name()
                        + ": " + d.state() + "; version " + plan.version() + " is live again (AppConfig's revert: immediate, ignores alarm monitors)");
            }
            default -> {
                return deploy(plan, follow);
            }
        }
    }

    private Outcome deploy(Plan plan, boolean follow) {
        Target t = plan.target();
        String app = t.application().id();
        String env = t.requireEnvironment().id();
        // guard once more right before the first write: the plan may have waited on a prompt
        Optional<Deployment> running = service.deployments(app, env).stream().filter(Deployment::inProgress).findFirst();
        if (running.isPresent()) {
            throw new DeployException.Conflict(inProgressMessage(running.get(), t));
        }
        Strategy strategy = strategy(plan.strategy());
        int version;
        if (plan.action().uploads()) {
            version = upload(t, plan.content(), plan.description(), plan.lockVersion());
            uploaded = version;
            listener.step("uploaded hosted version " + version + " of " + t.application().name() + "/" + t.profile().name());
        } else {
            version = plan.version();
        }
        if (plan.detachAlarms()) {
            detachedMonitors = t.environment().monitors();
            detachedCount = detachedMonitors.size();
            service.updateMonitors(app, env, List.of());
            listener.step("detached " + detachedMonitors.size() + " alarm monitor(s) from " + t.environment().name() + " for this deployment");
        }
        try {
            Deployment d = start(t, strategy, version, plan.description());
            listener.step("started deployment #" + d.number() + " of version " + version + " to " + t.environment().name() + " with "
                    + strategy.name() + " (" + plan.strategy().describe() + ")");
            if (!follow && !plan.detachAlarms()) {
                return new Outcome(Outcome.Kind.STARTED, d, version, "not waiting; follow it with `modelctl status --env " + t.environment().name()
                        + " --watch`");
            }
            return ended(t, follow(t, d), version);
        } finally {
            restoreMonitors(t);
        }
    }

    /** {@code status --watch}: follows a deployment someone started until it ends. */
    public Outcome watch(Target target, Deployment deployment) {
        return ended(target, follow(target, deployment), deployment.configurationVersion());
    }

    private Outcome ended(Target t, FollowResult r, int version) {
        Deployment last = r.last();
        String env = t.environment().name();
        if (r.lost() != null) {
            return new Outcome(Outcome.Kind.LOST_TRACK, last, version, "lost track of deployment #" + last.number() + " (" + r.lost()
                    + "); it continues in AppConfig: watch it with `modelctl status --env " + env + " --watch`");
        }
        return switch (last.state()) {
            case COMPLETE -> new Outcome(Outcome.Kind.COMPLETE, last, version, "deployment #" + last.number() + " COMPLETE: version " + version
                    + " is live in " + env);
            case ROLLED_BACK, REVERTED -> new Outcome(Outcome.Kind.ROLLED_BACK, last, version, "deployment #" + last.number() + " "
                    + last.state() + ": " + rollbackReason(last));
            default -> new Outcome(Outcome.Kind.STARTED, last, version, "deployment #" + last.number() + " is " + last.state()
                    + "; it continues: watch it with `modelctl status --env " + env + " --watch`");
        };
    }

    private void restoreMonitors(Target t) {
        List<Monitor> monitors = detachedMonitors;
        if (monitors == null) {
            return;
        }
        synchronized (this) {
            if (detachedMonitors == null) {
                return;
            }
            service.updateMonitors(t.application().id(), t.environment().id(), monitors);
            detachedMonitors = null;
        }
        listener.step("restored " + monitors.size() + " alarm monitor(s) on " + t.environment().name());
    }

    /** The existing strategy of the same shape (never piling up duplicates), else a new one. */
    public Strategy strategy(StrategySpec spec) {
        Strategy wanted = spec.shape();
        return service.strategies().stream().filter(s -> s.sameShape(wanted)).findFirst().orElseGet(() -> service.createStrategy(wanted));
    }

    private int upload(Target target, byte[] content, String description, Integer lock) {
        try {
            return service.createHostedVersion(target.application().id(), target.profile().id(), content, "application/json", description, lock);
        } catch (DeployException.Conflict e) {
            throw new DeployException.Conflict("hosted configuration changed under you: version " + lock
                    + " was the latest when the plan was made, and someone uploaded another since; nothing was uploaded; review `modelctl history` and re-run ("
                    + e.getMessage() + ")");
        }
    }

    private Deployment start(Target target, Strategy strategy, int version, String description) {
        starting = true;
        try {
            Deployment d = service.startDeployment(target.application().id(), target.environment().id(), target.profile().id(), strategy.id(),
                    version, description);
            started = d;
            return d;
        } catch (DeployException.Conflict e) {
            String running = service.deployments(target.application().id(), target.environment().id()).stream().filter(Deployment::inProgress)
                    .findFirst().map(d -> inProgressMessage(d, target)).orElse("another deployment started first");
            throw new DeployException.Conflict(running + (uploaded != null ? "; hosted version " + uploaded + " was uploaded but not deployed"
                    + " (nothing changed for clients; once the other deployment ends, re-run, or deploy it with `modelctl rollback --env "
                    + target.environment().name() + " --to-version " + uploaded + "`)" : ""));
        } finally {
            starting = false;
            startReturned.countDown();
        }
    }

    static String inProgressMessage(Deployment d, Target t) {
        String env = t.environment().name();
        String other = t.profile() != null && d.configurationName() != null && !d.configurationName().equals(t.profile().name())
                ? " of profile " + d.configurationName() : "";
        return "a deployment is already in progress in " + env + ": " + d.label() + other
                + "; AppConfig runs one at a time per environment: watch it with `modelctl status --env " + env + " --watch` or stop it with `modelctl rollback --env " + env + "`";
    }

    private record FollowResult(Deployment last, String lost) {
    }

    /** Polls until the deployment ends (or following stops), retrying transient errors with backoff. */
    private FollowResult follow(Target target, Deployment first) {
        String app = target.application().id();
        String env = target.requireEnvironment().id();
        Deployment current = first;
        int seenEvents = 0;
        String lastKey = "";
        int failures = 0;
        while (true) {
            String key = current.state() + "/" + current.percentComplete();
            List<Event> events = current.events();
            if (!key.equals(lastKey) || events.size() > seenEvents) {
                listener.changed(current, events.subList(Math.min(seenEvents, events.size()), events.size()));
                seenEvents = Math.max(seenEvents, events.size());
                lastKey = key;
            }
            if (!current.inProgress() || stopRequested) {
                return new FollowResult(current, null);
            }
            try {
                Thread.sleep(poll.toMillis() << Math.min(failures, 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FollowResult(current, null);
            }
            try {
                current = service.deployment(app, env, current.number());
                failures = 0;
            } catch (DeployException.Transient e) {
                failures++;
                listener.step("GetDeployment failed (" + e.getMessage() + "); retrying (" + failures + "/" + MAX_FAILED_POLLS + ")");
                if (failures >= MAX_FAILED_POLLS) {
                    return new FollowResult(current, e.getMessage());
                }
            }
        }
    }

    /**
     * After Ctrl-C: what exists on the AWS side and what to do, one line each. Waits briefly for a StartDeployment in
     * flight to answer, so a started deployment is never left unreported; restores detached monitors.
     */
    public List<String> interruptReport(Target target, boolean stop) {
        stopRequested = true;
        List<String> lines = new ArrayList<>();
        String env = target.environment().name();
        try {
            if (starting) {
                startReturned.await(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deployment d = started;
        try {
            if (d == null) {
                lines.add(uploaded == null ? "interrupted before anything was written to AppConfig"
                        : "interrupted: hosted version " + uploaded + " was uploaded but no deployment started; nothing changed for clients");
            } else {
                Deployment now = service.deployment(target.application().id(), target.environment().id(), d.number());
                if (!now.inProgress()) {
                    lines.add("interrupted: deployment #" + now.number() + " already ended: " + now.state());
                } else if (stop) {
                    service.stopDeployment(target.application().id(), target.environment().id(), now.number(), false);
                    lines.add("interrupted: stopped deployment #" + now.number() + " in " + env + " (it rolls back)");
                } else {
                    lines.add("interrupted: deployment #" + now.number() + " continues in " + env + " (" + now.state() + " "
                            + Math.round(now.percentComplete()) + "%); watch: modelctl status --env " + env + " --watch; stop: modelctl rollback --env " + env);
                }
            }
        } catch (RuntimeException e) {
            lines.add("interrupted while following deployment #" + (d == null ? "?" : d.number()) + " in " + env + "; check `modelctl status --env " + env + "`");
        }
        try {
            restoreMonitors(target);
            if (detachedCount > 0) {
                lines.add("restored " + detachedCount + " alarm monitor(s) on " + env);
            }
        } catch (RuntimeException e) {
            lines.add("could not restore the alarm monitors of " + env + " (" + e.getMessage() + "): re-add them with `modelctl env set-alarm --env " + env + "`");
        }
        return lines;
    }

    /** Why a deployment rolled back, from its event log: the alarm or the user who stopped it. */
    public static String rollbackReason(Deployment d) {
        return d.events().stream().filter(e -> e.type().startsWith("ROLLBACK") || e.type().startsWith("REVERT")).findFirst()
                .map(e -> (e.description() == null ? e.type() : e.description()) + " (triggered by " + e.triggeredBy() + ")")
                .orElse("no reason in the event log");
    }
}
