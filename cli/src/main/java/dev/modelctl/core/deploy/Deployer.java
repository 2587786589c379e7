package dev.modelctl.core.deploy;

import dev.modelctl.core.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.deploy.AppConfigModel.Event;
import dev.modelctl.core.deploy.AppConfigModel.Strategy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The deployment steps shared by {@code deploy}, {@code override} and {@code rollback}: find or create the strategy,
 * upload a hosted version under the optimistic lock, start the deployment, and follow it to the end.
 */
public final class Deployer {
    /** Told about every change while a deployment is followed. */
    public interface Listener {
        void changed(Deployment deployment, List<Event> newEvents);
    }

    private final AppConfigService service;
    private final Duration poll;

    public Deployer(AppConfigService service, Duration poll) {
        this.service = service;
        this.poll = poll;
    }

    /** The existing strategy of the same shape (never piling up duplicates), else a new one. */
    public Strategy strategy(StrategySpec spec) {
        Strategy wanted = spec.shape();
        Optional<Strategy> same = service.strategies().stream().filter(s -> s.sameShape(wanted)).findFirst();
        return same.orElseGet(() -> service.createStrategy(wanted));
    }

    /**
     * Uploads {@code content} as a new hosted version, guarded by the latest version number read just before: if
     * someone uploaded meanwhile, AppConfig refuses and so do we (nothing is overwritten silently).
     */
    public int upload(Target target, byte[] content, String contentType, String description) {
        String app = target.application().id();
        String profile = target.requireProfile().id();
        Integer latest = service.latestVersion(app, profile).orElse(null);
        try {
            return service.createHostedVersion(app, profile, content, contentType, description, latest);
        } catch (DeployException.Conflict e) {
            throw new DeployException.Conflict("hosted configuration changed under you: version " + latest
                    + " was the latest when this deploy read it, and someone uploaded another since; review `modelctl history` and re-run ("
                    + e.getMessage() + ")");
        }
    }

    public Deployment start(Target target, Strategy strategy, int version, String description) {
        String app = target.application().id();
        String env = target.requireEnvironment().id();
        try {
            return service.startDeployment(app, env, target.requireProfile().id(), strategy.id(), version, description);
        } catch (DeployException.Conflict e) {
            String running = service.deployments(app, env).stream().filter(Deployment::inProgress).findFirst()
                    .map(d -> "deployment #" + d.number() + " (version " + d.configurationVersion() + ", " + d.state() + " " + (int) d.percentComplete() + "%)")
                    .orElse("another deployment");
            throw new DeployException.Conflict("a deployment is already in progress in " + target.environment().name() + ": " + running
                    + "; watch it with `modelctl status --env " + target.environment().name() + "` or stop it with `modelctl rollback --env "
                    + target.environment().name() + "`");
        }
    }

    /**
     * Polls the deployment until it is no longer in progress (or {@code detach} says stop following), telling the
     * listener about each change. Returns the last state seen.
     */
    public Deployment follow(Target target, Deployment started, Listener listener, BooleanSupplier detach) {
        String app = target.application().id();
        String env = target.requireEnvironment().id();
        Deployment current = started;
        int seenEvents = 0;
        String lastKey = "";
        while (true) {
            String key = current.state() + "/" + current.percentComplete();
            List<Event> events = current.events();
            if (!key.equals(lastKey) || events.size() > seenEvents) {
                listener.changed(current, events.subList(Math.min(seenEvents, events.size()), events.size()));
                seenEvents = events.size();
                lastKey = key;
            }
            if (!current.inProgress() || detach.getAsBoolean()) {
                return current;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = service.deployment(app, env, current.number());
        }
    }

    /** Why a deployment rolled back, from its event log: the alarm or the user who stopped it. */
    public static String rollbackReason(Deployment d) {
        return d.events().stream().filter(e -> e.type().startsWith("ROLLBACK")).findFirst()
                .map(e -> (e.description() == null ? e.type() : e.description()) + " (triggered by " + e.triggeredBy() + ")")
                .orElse("no reason in the event log");
    }
}
